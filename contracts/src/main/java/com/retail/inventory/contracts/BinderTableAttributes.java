package com.retail.inventory.contracts;

/**
 * Attributes of the Kinesis binder's checkpoint and lock tables, fixed by Spring Cloud
 * AWS ({@code DynamoDbMetadataStore.KEY} and {@code VALUE},
 * {@code DynamoDbLockRepository.KEY_ATTR} and {@code TTL_ATTR}; infra's NamesParityTests
 * compares them with the library). Stated here so infra/ and the local provisioning can
 * create the tables ahead of the binder with exactly its schema.
 */
public final class BinderTableAttributes {

	/** Hash key (S) of a checkpoint table: group, stream and shard. */
	public static final String CHECKPOINT = "metadataKey";

	/** The checkpointed sequence number (S) of a checkpoint table's item. */
	public static final String CHECKPOINT_SEQUENCE = "metadataValue";

	/** Hash key (S) of a lock table. */
	public static final String LOCK = "lockKey";

	/** Time-to-live attribute (N) of a lock table. */
	public static final String LOCK_EXPIRES_AT = "expireAt";

	private BinderTableAttributes() {
	}

}
