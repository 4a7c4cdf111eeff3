package com.retail.inventory.loader;

import com.retail.inventory.contracts.KclLeases;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the loader (README, configuration reference).
 *
 * @param table the Inventory table
 * @param uploadsTable the upload tracking table, where the loader counts what it loaded
 * @param deadLetterQueue SQS queue that receives records that can never be loaded, with
 * the reason
 * @param writeConcurrency DynamoDB requests a batch may have in flight at once
 * @param retryBudget how long one try of a batch may retry transient failures; a batch
 * that still fails is tried again after a pause (see LoadUntilDone)
 * @param fastWriteWindow how long after reading the stored versions a write may rely on
 * them (BatchWriteItem); a later write (a stalled instance, whose shard lock may have
 * passed to another) is a conditional PutItem
 * @param baseBackoff first retry delay; doubles per attempt, with full jitter
 * @param maxBackoff longest retry delay
 * @param deadLetterDepthPoll how often the dead-letter queue's depth (the gauge
 * {@code inventory.dlq.messages}) is read: one GetQueueAttributes a time
 * @param leases how the binding runs the Kinesis Client Library: its tables, failover and
 * lease hand-off
 */
@Validated
@ConfigurationProperties("inventory.loader")
public record LoaderProperties(@NotBlank String table, @NotBlank String uploadsTable, @NotBlank String deadLetterQueue,
		@DefaultValue("4") @Min(1) @Max(32) int writeConcurrency, @DefaultValue("20s") @NotNull Duration retryBudget,
		@DefaultValue("30s") @NotNull Duration fastWriteWindow, @DefaultValue("50ms") @NotNull Duration baseBackoff,
		@DefaultValue("2s") @NotNull Duration maxBackoff,
		@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration deadLetterDepthPoll,
		@NotNull KclLeases leases) {
}
