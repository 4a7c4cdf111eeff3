package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.StreamCapacity;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/**
 * The two Kinesis streams: parsed upload rows ({@code inventory-records}, ingest to
 * loader) and the Inventory table's changes ({@code inventory-changes}, written by
 * DynamoDB, read by stock-alert).
 *
 * <p>
 * Encrypted with the AWS managed key {@code alias/aws/kinesis}: its key policy lets any
 * principal of the account use it through Kinesis, so producers and consumers need no KMS
 * permissions, and DynamoDB can write the change stream without a key grant. A customer
 * managed key would add $1/month per key plus kms:GenerateDataKey (producers) and
 * kms:Decrypt (consumers) in every role.
 */
public final class InventoryStreams extends Construct {

	private final Stream records;

	private final Stream changes;

	public InventoryStreams(Construct scope, String id, InventoryResources names, StreamCapacity capacity) {
		super(scope, id);
		this.records = stream("Records", names.recordsStream(), names.recordsStreamShards(), names, capacity);
		this.changes = stream("Changes", names.changesStream(), names.changesStreamShards(), names, capacity);
	}

	private Stream stream(String id, String name, int shards, InventoryResources names, StreamCapacity capacity) {
		Stream.Builder builder = Stream.Builder.create(this, id)
			.streamName(name)
			.encryption(StreamEncryption.MANAGED)
			.retentionPeriod(Duration.hours(names.streamRetentionHours()))
			// Records are transient (24 h); the binders' checkpoints refer to this
			// stream's sequence numbers.
			.removalPolicy(RemovalPolicy.DESTROY);
		if (capacity == StreamCapacity.ON_DEMAND) {
			builder.streamMode(StreamMode.ON_DEMAND);
		}
		else {
			builder.streamMode(StreamMode.PROVISIONED).shardCount(shards);
		}
		return builder.build();
	}

	public Stream records() {
		return records;
	}

	public Stream changes() {
		return changes;
	}

}
