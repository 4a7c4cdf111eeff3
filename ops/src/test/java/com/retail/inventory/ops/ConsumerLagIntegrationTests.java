package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Consumer lag against the emulators: records on the stream, a lease item written as KCL
 * writes it (checkpoint and owner), and the shard's row.
 */
@ExtendWith(LocalAwsExtension.class)
class ConsumerLagIntegrationTests {

	/** Ten minutes from now: the records are then ten minutes old. */
	private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));

	/** A loader pod's name: KCL's worker id. */
	private static final String OWNER = "loader-5d8c7b9f4-x2k9q";

	@Test
	void aShardWithRecordsAfterTheCheckpointIsBehind(LocalAwsClients aws, LocalResources resources) {
		String shard = aws.kinesis()
			.listShards((b) -> b.streamName(resources.recordsStream()))
			.shards()
			.get(0)
			.shardId();
		List<String> sequences = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int n = i;
			sequences.add(aws.kinesis()
				.putRecord((b) -> b.streamName(resources.recordsStream())
					.partitionKey("Berlin")
					.data(SdkBytes.fromUtf8String("{\"row\":" + n + "}")))
				.sequenceNumber());
		}
		// The loader has processed the first record: three are waiting.
		lease(aws, resources, shard, sequences.get(0));

		AwsStatus status = new AwsStatus(LATER).run();

		JsonNode section = status.section("consumerLag");
		assertThat(section.get("health").asString()).as(status.toString()).isEqualTo("UNHEALTHY");
		assertThat(status.exitCode()).isEqualTo(1);
		JsonNode loader = shard(section, "loader");
		assertThat(loader.get("shard").asString()).isEqualTo(shard);
		assertThat(loader.get("checkpoint").asString()).isEqualTo(sequences.get(0));
		assertThat(loader.get("owner").asString()).isEqualTo(OWNER);
		assertThat(loader.get("recordsBehind").asLong()).isEqualTo(3);
		assertThat(loader.get("recordsBehindAtLeast").asBoolean()).isFalse();
		assertThat(loader.get("behindMillis").asLong()).isGreaterThan(Duration.ofMinutes(9).toMillis());
		assertThat(section.get("problems").get(0).asString()).startsWith("loader is 10m")
			.endsWith("behind on " + resources.recordsStream() + "/" + shard + " (more than 5m0s)");
		// stock-alert has no checkpoint and its stream is empty: nothing waits.
		JsonNode stockAlert = shard(section, "stock-alert");
		assertThat(stockAlert.get("checkpoint").isNull()).isTrue();
		assertThat(stockAlert.get("owner").isNull()).isTrue();
		assertThat(stockAlert.get("recordsBehind").asLong()).isZero();
		assertThat(stockAlert.get("behindMillis").asLong()).isZero();

		String text = new AwsStatus(LATER).text();
		assertThat(text).contains("== Consumer lag: UNHEALTHY")
			.containsPattern("GROUP\\s+STREAM\\s+SHARD\\s+OWNER\\s+CHECKPOINT\\s+BEHIND\\s+RECORDS\\n")
			.containsPattern("loader\\s+" + resources.recordsStream() + "\\s+" + shard + "\\s+" + OWNER
					+ "\\s+…\\d{15}\\s+10m\\d+s\\s+3\\n")
			.containsPattern("stock-alert\\s+" + resources.changesStream()
					+ "\\s+\\S+\\s+-\\s+\\(none: TRIM_HORIZON\\)\\s+0s\\s+0\\n")
			.contains("Status: UNHEALTHY (exit code 1)");

		// A longer allowance makes the same lag healthy; a bound of 2 stops the count.
		AwsStatus lenient = new AwsStatus(LATER).run("--max-behind", "15m", "--scan-limit", "2");
		assertThat(lenient.section("consumerLag").get("health").asString()).isEqualTo("OK");
		JsonNode bounded = shard(lenient.section("consumerLag"), "loader");
		assertThat(bounded.get("recordsBehind").asLong()).isEqualTo(2);
		assertThat(bounded.get("recordsBehindAtLeast").asBoolean()).isTrue();

		// KCL's sentinels: TRIM_HORIZON counts from the shard's start; LATEST cannot be
		// told (unknown, not a failure); SHARD_END is a closed shard read to its end.
		lease(aws, resources, shard, LeaseTableAttributes.TRIM_HORIZON);
		assertThat(shard(new AwsStatus(LATER).run().section("consumerLag"), "loader").get("recordsBehind").asLong())
			.isEqualTo(4);
		lease(aws, resources, shard, LeaseTableAttributes.LATEST);
		AwsStatus latest = new AwsStatus(LATER).run();
		assertThat(latest.section("consumerLag").get("health").asString()).as(latest.toString()).isEqualTo("OK");
		assertThat(shard(latest.section("consumerLag"), "loader").get("behindMillis").isNull()).isTrue();
		assertThat(shard(latest.section("consumerLag"), "loader").get("recordsBehind").isNull()).isTrue();
		assertThat(new AwsStatus(LATER).text()).containsPattern(shard + "\\s+" + OWNER + "\\s+LATEST\\s+\\?\\s+\\?\\n");
		lease(aws, resources, shard, LeaseTableAttributes.SHARD_END);
		JsonNode closed = shard(new AwsStatus(LATER).run().section("consumerLag"), "loader");
		assertThat(closed.get("recordsBehind").asLong()).isZero();
		assertThat(closed.get("behindMillis").asLong()).isZero();

		// Without a lease the loader would start at the beginning: all four wait.
		aws.dynamoDb()
			.deleteItem((b) -> b.tableName(resources.loaderLeaseTable())
				.key(Map.of(LeaseTableAttributes.LEASE_KEY, AttributeValue.fromS(shard))));
		assertThat(shard(new AwsStatus(LATER).run().section("consumerLag"), "loader").get("recordsBehind").asLong())
			.isEqualTo(4);
	}

	/** The lease item as KCL writes it for a shard held by {@link #OWNER}. */
	private static void lease(LocalAwsClients aws, LocalResources resources, String shard, String checkpoint) {
		aws.dynamoDb()
			.putItem((b) -> b.tableName(resources.loaderLeaseTable())
				.item(Map.of(LeaseTableAttributes.LEASE_KEY, AttributeValue.fromS(shard),
						LeaseTableAttributes.CHECKPOINT, AttributeValue.fromS(checkpoint),
						LeaseTableAttributes.CHECKPOINT_SUB_SEQUENCE_NUMBER, AttributeValue.fromN("0"),
						LeaseTableAttributes.LEASE_OWNER, AttributeValue.fromS(OWNER),
						LeaseTableAttributes.LEASE_COUNTER, AttributeValue.fromN("7"),
						LeaseTableAttributes.OWNER_SWITCHES_SINCE_CHECKPOINT, AttributeValue.fromN("0"))));
	}

	private static JsonNode shard(JsonNode section, String group) {
		for (JsonNode shard : section.get("data").get("shards")) {
			if (shard.get("group").asString().equals(group)) {
				return shard;
			}
		}
		throw new AssertionError("no shard of " + group + " in " + section);
	}

}
