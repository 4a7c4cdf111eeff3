package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The loader's dead-letter destination ({@code inventory-records-dlq}): every record of
 * {@code inventory-records} the loader can never load (not an inventory record, or
 * refused by DynamoDB) becomes one message, the record's data as the body and
 * {@code reason}, {@code stream}, {@code shard}, {@code sequenceNumber},
 * {@code partitionKey} as message attributes. The loader sends to it by name before it
 * checkpoints the batch, so a record is in the table, in this queue, or read again.
 *
 * <p>
 * Not an SQS redrive target and no redrive source: no queue moves messages here, only the
 * loader's role may send (IAM), and its messages stay for the shared retention
 * ({@code records-dlq-retention-days}; SQS allows at most 14) for someone to inspect.
 * SSE-SQS like the upload queues: no key to pay for and no KMS permission for the loader.
 */
public final class RecordsDeadLetterQueue extends Construct {

	private final Queue queue;

	public RecordsDeadLetterQueue(Construct scope, String id, InventoryResources names) {
		super(scope, id);
		this.queue = Queue.Builder.create(this, "Queue")
			.queueName(names.recordsDlq())
			.encryption(QueueEncryption.SQS_MANAGED)
			.enforceSsl(true)
			.retentionPeriod(Duration.days(names.recordsDlqRetentionDays()))
			.build();
	}

	public Queue queue() {
		return queue;
	}

}
