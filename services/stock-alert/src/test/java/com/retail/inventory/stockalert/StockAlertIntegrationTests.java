package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.KclLeasesTaken;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.SnsEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.ThresholdsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import tools.jackson.databind.JsonNode;

/**
 * Change records on Kinesis in, SNS alerts out (observed through an SQS queue subscribed
 * to the topic).
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StockAlertIntegrationTests {

	private static final Duration LEASES_TAKEN = Duration.ofMinutes(3);

	@Autowired
	AlertTopicHealthIndicator alertTopic;

	@DynamicPropertySource
	static void topic(DynamicPropertyRegistry registry) {
		registry.add("inventory.stock-alert.topic-arn", () -> LocalAwsExtension.resources().noStockTopicArn());
	}

	private static String change(String version, String store, String item, String oldCount, String newCount) {
		return ChangeRecords.json("evt-" + store + item + version, store, item, oldCount, newCount, version);
	}

	@Test
	void alertsEachTransitionOnceAndNeverAStaleOne(LocalAwsClients aws, LocalResources resources) {
		// KCL assigns the first leases up to a minute after start.
		KclLeasesTaken.await(aws, resources.stockAlertLeaseTable(), resources.changesStream(), LEASES_TAKEN);
		// Every Berlin item is low below 5.
		aws.dynamoDb()
			.putItem((b) -> b.tableName(InventoryResources.load().thresholdsTable())
				.item(Map.of(ThresholdsTable.STORE, AttributeValue.fromS("Berlin"), ThresholdsTable.ITEM,
						AttributeValue.fromS(ThresholdsTable.ANY), ThresholdsTable.LOW_STOCK,
						AttributeValue.fromN("5"))));
		// Kinesis delivers at least once and out of order: v1 of Echo Plus twice, and
		// Echo Show's "out of stock" (v2) after its restock (v3).
		List<String> changes = List.of(change("v1", "Berlin", "Echo Plus", "9", "0"),
				change("v1", "Berlin", "Echo Dot", "8", "3"), change("v1", "Pusan", "Echo Show", null, "0"),
				change("v2", "Pusan", "Echo Show", "0", "0"), "garbage", change("v1", "Berlin", "Echo Plus", "9", "0"),
				change("v3", "Pusan", "Echo Show", "0", "4"), change("v2", "Pusan", "Echo Show", "4", "0"));
		aws.kinesis()
			.putRecords(b -> b.streamName(resources.changesStream())
				.records(changes.stream()
					.map(c -> PutRecordsRequestEntry.builder()
						.partitionKey("k")
						.data(SdkBytes.fromUtf8String(c))
						.build())
					.toList()));

		List<JsonNode> alerts = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			alerts.addAll(receive(aws, resources));
			assertThat(alerts).hasSize(4);
		});
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			alerts.addAll(receive(aws, resources));
			assertThat(alerts).hasSize(4);
		});

		assertThat(alerts).extracting((a) -> a.get("Message").asString())
			.containsExactlyInAnyOrder("Berlin is out of stock of Echo Plus",
					"Berlin is low on Echo Dot: 3 left (threshold 5)", "Pusan is out of stock of Echo Show",
					"Pusan has Echo Show back in stock: 4");
		assertThat(alerts).allSatisfy((a) -> assertThat(a.get("Subject").asString()).isEqualTo("Inventory Alert!"));
		JsonNode low = alerts.stream()
			.filter((a) -> a.get("Message").asString().startsWith("Berlin is low"))
			.findFirst()
			.orElseThrow();
		JsonNode attributes = low.get("MessageAttributes");
		assertThat(attributes.propertyNames()).containsExactlyInAnyOrder("store", "item", "count", "type", "threshold");
		assertThat(attributes.get("count").get("Type").asString()).isEqualTo("Number");
		assertThat(attributes.get("store").get("Value").asString()).isEqualTo("Berlin");
		assertThat(attributes.get("item").get("Value").asString()).isEqualTo("Echo Dot");
		assertThat(attributes.get("count").get("Value").asString()).isEqualTo("3");
		assertThat(attributes.get("threshold").get("Value").asString()).isEqualTo("5");
		assertThat(attributes.get("type").get("Value").asString()).isEqualTo("LOW_STOCK");
		JsonNode pusan = alerts.stream()
			.filter((a) -> a.get("Message").asString().startsWith("Pusan is out"))
			.findFirst()
			.orElseThrow();
		assertThat(pusan.get("MessageAttributes").propertyNames()).containsExactlyInAnyOrder("store", "item", "count",
				"type");

		// One file zeroes 30 of Oslo's items: one digest, not 30 messages.
		List<String> zeroed = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			zeroed.add(ChangeRecords.json("oslo-" + i, "Oslo", "Item " + i, "7", "0", "v9", "oslo-upload"));
		}
		aws.kinesis()
			.putRecords(b -> b.streamName(resources.changesStream())
				.records(zeroed.stream()
					.map(c -> PutRecordsRequestEntry.builder()
						.partitionKey("k")
						.data(SdkBytes.fromUtf8String(c))
						.build())
					.toList()));
		List<JsonNode> digests = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			digests.addAll(receive(aws, resources));
			assertThat(digests).hasSize(1);
		});
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			digests.addAll(receive(aws, resources));
			assertThat(digests).hasSize(1);
		});
		assertThat(digests.get(0).get("Message").asString()).startsWith("Oslo: 30 items out of stock: Item 1, Item 2, ")
			.endsWith(", … (and 18 more)");
		JsonNode digestAttributes = digests.get(0).get("MessageAttributes");
		assertThat(digestAttributes.propertyNames()).containsExactlyInAnyOrder("store", "count", "type");
		assertThat(digestAttributes.get("count").get("Value").asString()).isEqualTo("30");

		// The digest window checkpointed the shard once the alerts were sent: up to the
		// last record put.
		String last = aws.kinesis()
			.putRecords(b -> b.streamName(resources.changesStream())
				.records(PutRecordsRequestEntry.builder()
					.partitionKey("k")
					.data(SdkBytes
						.fromUtf8String(ChangeRecords.json("last", "Oslo", "Item 1", "0", "0", "v10", "oslo-upload")))
					.build()))
			.records()
			.get(0)
			.sequenceNumber();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(aws.dynamoDb()
				.scan((b) -> b.tableName(resources.stockAlertLeaseTable()).consistentRead(true))
				.items()
				.stream()
				.map((item) -> item.get(LeaseTableAttributes.CHECKPOINT).s())).containsExactly(last));
	}

	@Test
	void isReadyOnlyWhileTheTopicCanBePublishedTo(LocalAwsClients aws, LocalResources resources) {
		assertThat(this.alertTopic.health().getStatus()).isEqualTo(Status.UP);

		String missing = resources.noStockTopicArn() + "-missing";
		AlertTopicHealthIndicator broken = new AlertTopicHealthIndicator(aws.sns(),
				new StockAlertProperties(missing, "InventoryAlertLog", Duration.ofDays(30), "InventoryThresholds",
						Duration.ofSeconds(30), Set.of(), 5, Duration.ofSeconds(2), Duration.ofMinutes(1), null),
				Duration.ZERO);
		Health health = broken.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason").toString()).startsWith("alerts cannot be published to the topic");
	}

	private static List<JsonNode> receive(LocalAwsClients aws, LocalResources resources) {
		List<JsonNode> out = new ArrayList<>();
		for (var message : aws.sqs()
			.receiveMessage(
					b -> b.queueUrl(resources.alertsObserverQueueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
			.messages()) {
			out.add(SnsEnvelope.parse(message.body()));
			aws.sqs()
				.deleteMessage(
						b -> b.queueUrl(resources.alertsObserverQueueUrl()).receiptHandle(message.receiptHandle()));
		}
		return out;
	}

}
