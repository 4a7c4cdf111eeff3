package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.StockLevel;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alert log's conditional writes against the emulated table: two instances (as two
 * replicas during a shard's move) claiming the same alerts.
 */
@ExtendWith(LocalAwsExtension.class)
class AlertLogIntegrationTests {

	private static final StockAlertProperties PROPERTIES = new StockAlertProperties("arn:aws:sns:us-east-1:1:NoStock",
			InventoryResources.load().alertLogTable(), Duration.ofDays(30), "InventoryThresholds",
			Duration.ofSeconds(30), Set.of(), 5, Duration.ofSeconds(2), Duration.ofMinutes(1), null);

	private static Transition outOfStock(String item, String version) {
		return new Transition("Lyon", item, 0, null, StockLevel.OK, StockLevel.OUT, version, "upload-1");
	}

	private static AlertLog instance(LocalAwsClients aws, String name, Duration clockAhead) {
		return new AlertLog(aws.dynamoDb(), PROPERTIES, Clock.offset(Clock.systemUTC(), clockAhead), name);
	}

	@Test
	void ofTwoInstancesOneSendsAnAlertAndTheOtherWaitsUntilItIsSent(LocalAwsClients aws) {
		AlertLog first = instance(aws, "first", Duration.ZERO);
		AlertLog second = instance(aws, "second", Duration.ZERO);
		Transition transition = outOfStock("Wok", "v1");

		assertThat(first.claim(transition)).isEqualTo(AlertLog.Claim.CLAIMED);
		assertThat(second.claim(transition)).isEqualTo(AlertLog.Claim.ELSEWHERE);
		// Claimed is not settled: the batch read must go through claim().
		assertThat(second.versions(List.of(AlertLogTable.alertId("Lyon", "Wok")))).isEmpty();
		// The same instance trying again (its publish failed) keeps its claim.
		assertThat(first.claim(transition)).isEqualTo(AlertLog.Claim.CLAIMED);

		first.sent(transition);
		assertThat(second.claim(transition)).isEqualTo(AlertLog.Claim.SEEN);
		assertThat(first.claim(transition)).isEqualTo(AlertLog.Claim.SEEN);
		assertThat(second.versions(List.of(AlertLogTable.alertId("Lyon", "Wok"))))
			.containsEntry(AlertLogTable.alertId("Lyon", "Wok"), "v1");
		Map<String, AttributeValue> item = aws.dynamoDb()
			.getItem((b) -> b.tableName(PROPERTIES.alertLogTable())
				.key(Map.of(AlertLogTable.ALERT_ID, AttributeValue.fromS(AlertLogTable.alertId("Lyon", "Wok"))))
				.consistentRead(true))
			.item();
		assertThat(item).doesNotContainKeys(AlertLogTable.CLAIMED_BY, AlertLogTable.CLAIMED_AT)
			.containsEntry(AlertLogTable.TYPE, AttributeValue.fromS("OUT_OF_STOCK"));
	}

	@Test
	void aClaimLeftByAStoppedInstanceIsTakenOverAfterTheTimeout(LocalAwsClients aws) {
		Transition transition = outOfStock("Pan", "v1");
		assertThat(instance(aws, "stopped", Duration.ZERO).claim(transition)).isEqualTo(AlertLog.Claim.CLAIMED);

		assertThat(instance(aws, "next", Duration.ofSeconds(30)).claim(transition)).isEqualTo(AlertLog.Claim.ELSEWHERE);
		AlertLog later = instance(aws, "next", Duration.ofSeconds(61));
		assertThat(later.claim(transition)).isEqualTo(AlertLog.Claim.CLAIMED);
		later.sent(transition);
		assertThat(instance(aws, "stopped", Duration.ZERO).claim(transition)).isEqualTo(AlertLog.Claim.SEEN);
	}

	@Test
	void aNewerChangeIsClaimedOverAnOlderOneAndAnOlderOneIsSeen(LocalAwsClients aws) {
		AlertLog first = instance(aws, "first", Duration.ZERO);
		AlertLog second = instance(aws, "second", Duration.ZERO);
		assertThat(first.claim(outOfStock("Pot", "v1"))).isEqualTo(AlertLog.Claim.CLAIMED);

		assertThat(second.claim(outOfStock("Pot", "v2"))).isEqualTo(AlertLog.Claim.CLAIMED);
		// The first instance's claim was replaced: marking it sent changes nothing.
		first.sent(outOfStock("Pot", "v1"));
		assertThat(first.claim(outOfStock("Pot", "v1"))).isEqualTo(AlertLog.Claim.SEEN);
		assertThat(first.claim(outOfStock("Pot", "v2"))).isEqualTo(AlertLog.Claim.ELSEWHERE);
		// A transition alerting nobody, older than the claim, is not recorded over it.
		assertThat(first.record(outOfStock("Pot", "v1"))).isFalse();
	}

}
