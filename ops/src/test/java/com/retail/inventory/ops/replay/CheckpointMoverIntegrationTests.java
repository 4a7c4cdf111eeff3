package com.retail.inventory.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.ops.leases.LeaseTable;
import com.retail.inventory.ops.leases.ShardLease;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Moving checkpoints in a lease table on moto: a lease that changed after it was read is
 * left as it is, the others are written.
 */
@ExtendWith(LocalAwsExtension.class)
class CheckpointMoverIntegrationTests {

	@Test
	void aLeaseChangedSinceItWasReadIsNotOverwritten(LocalAwsClients aws) {
		String table = "MoverLeases" + UUID.randomUUID().toString().substring(0, 8);
		aws.dynamoDb()
			.createTable((b) -> b.tableName(table)
				.keySchema((k) -> k.attributeName(LeaseTableAttributes.LEASE_KEY).keyType(KeyType.HASH))
				.attributeDefinitions(
						(a) -> a.attributeName(LeaseTableAttributes.LEASE_KEY).attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		put(aws, table, "shardId-0", "100", 4);
		put(aws, table, "shardId-1", "200", 9);
		Map<String, ShardLease> read = new LeaseTable(aws.dynamoDb(), table).read();
		assertThat(read.get("shardId-1").owner()).isEqualTo("loader-a");
		// A worker still running checkpoints shardId-1 after the read.
		put(aws, table, "shardId-1", "250", 10);

		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("shardId-0", "TRIM_HORIZON");
		targets.put("shardId-1", "TRIM_HORIZON");
		List<CheckpointChange> changes = new CheckpointMover(aws.dynamoDb(), table).move(targets, read, false);

		assertThat(changes).extracting(CheckpointChange::outcome)
			.containsExactly(CheckpointChange.Outcome.MOVED, CheckpointChange.Outcome.CHANGED_MEANWHILE);
		Map<String, ShardLease> after = new LeaseTable(aws.dynamoDb(), table).read();
		assertThat(after.get("shardId-0").checkpoint()).isEqualTo("TRIM_HORIZON");
		assertThat(after.get("shardId-0").leaseCounter()).isEqualTo(5);
		assertThat(after.get("shardId-1").checkpoint()).isEqualTo("250");
		assertThat(after.get("shardId-1").leaseCounter()).isEqualTo(10);
	}

	private static void put(LocalAwsClients aws, String table, String shard, String checkpoint, long counter) {
		aws.dynamoDb()
			.putItem((b) -> b.tableName(table)
				.item(Map.of(LeaseTableAttributes.LEASE_KEY, AttributeValue.fromS(shard),
						LeaseTableAttributes.CHECKPOINT, AttributeValue.fromS(checkpoint),
						LeaseTableAttributes.LEASE_OWNER, AttributeValue.fromS("loader-a"),
						LeaseTableAttributes.LEASE_COUNTER, AttributeValue.fromN(Long.toString(counter)))));
	}

}
