package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.BinderTableAttributes;
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
 * Consumer lag against the emulators: records on the stream, a checkpoint written as the
 * binder writes it, and the shard's row.
 */
@ExtendWith(LocalAwsExtension.class)
class ConsumerLagIntegrationTests {

	/** Ten minutes from now: the records are then ten minutes old. */
	private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));

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
		aws.dynamoDb()
			.putItem((b) -> b.tableName(resources.loaderCheckpointTable())
				.item(Map.of(BinderTableAttributes.CHECKPOINT,
						AttributeValue.fromS("loader:" + resources.recordsStream() + ":" + shard),
						BinderTableAttributes.CHECKPOINT_SEQUENCE, AttributeValue.fromS(sequences.get(0)))));

		AwsStatus status = new AwsStatus(LATER).run();

		JsonNode section = status.section("consumerLag");
		assertThat(section.get("health").asString()).as(status.toString()).isEqualTo("UNHEALTHY");
		assertThat(status.exitCode()).isEqualTo(1);
		JsonNode loader = shard(section, "loader");
		assertThat(loader.get("shard").asString()).isEqualTo(shard);
		assertThat(loader.get("checkpoint").asString()).isEqualTo(sequences.get(0));
		assertThat(loader.get("recordsBehind").asLong()).isEqualTo(3);
		assertThat(loader.get("recordsBehindAtLeast").asBoolean()).isFalse();
		assertThat(loader.get("behindMillis").asLong()).isGreaterThan(Duration.ofMinutes(9).toMillis());
		assertThat(section.get("problems").get(0).asString()).startsWith("loader is 10m")
			.endsWith("behind on " + resources.recordsStream() + "/" + shard + " (more than 5m0s)");
		// stock-alert has no checkpoint and its stream is empty: nothing waits.
		JsonNode stockAlert = shard(section, "stock-alert");
		assertThat(stockAlert.get("checkpoint").isNull()).isTrue();
		assertThat(stockAlert.get("recordsBehind").asLong()).isZero();
		assertThat(stockAlert.get("behindMillis").asLong()).isZero();

		String text = new AwsStatus(LATER).text();
		assertThat(text).contains("== Consumer lag: UNHEALTHY")
			.containsPattern(
					"loader\\s+" + resources.recordsStream() + "\\s+" + shard + "\\s+…\\d{15}\\s+10m\\d+s\\s+3\\n")
			.containsPattern("stock-alert\\s+" + resources.changesStream()
					+ "\\s+\\S+\\s+\\(none: TRIM_HORIZON\\)\\s+0s\\s+0\\n")
			.contains("Status: UNHEALTHY (exit code 1)");

		// A longer allowance makes the same lag healthy; a bound of 2 stops the count.
		AwsStatus lenient = new AwsStatus(LATER).run("--max-behind", "15m", "--scan-limit", "2");
		assertThat(lenient.section("consumerLag").get("health").asString()).isEqualTo("OK");
		JsonNode bounded = shard(lenient.section("consumerLag"), "loader");
		assertThat(bounded.get("recordsBehind").asLong()).isEqualTo(2);
		assertThat(bounded.get("recordsBehindAtLeast").asBoolean()).isTrue();

		// Without a checkpoint the loader would start at the beginning: all four wait.
		aws.dynamoDb()
			.deleteItem((b) -> b.tableName(resources.loaderCheckpointTable())
				.key(Map.of(BinderTableAttributes.CHECKPOINT,
						AttributeValue.fromS("loader:" + resources.recordsStream() + ":" + shard))));
		assertThat(shard(new AwsStatus(LATER).run().section("consumerLag"), "loader").get("recordsBehind").asLong())
			.isEqualTo(4);
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
