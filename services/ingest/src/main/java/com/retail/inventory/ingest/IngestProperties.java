package com.retail.inventory.ingest;

import jakarta.validation.Valid;
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
 * Settings of ingest (README, configuration reference).
 *
 * @param queue SQS queue receiving the upload bucket's ObjectCreated notifications
 * @param maxReceives the queue's maxReceiveCount: a failure on this delivery of a
 * notification is the last one, and its uploads are marked FAILED
 * @param uploadsTable DynamoDB table tracking each upload
 * @param uploadsRetention how long an upload's tracking item is kept
 * @param recordsStream Kinesis stream the rows are published to
 * @param reportsPrefix key prefix of files the platform itself writes into the bucket;
 * never ingested
 * @param maxConcurrentUploads files one instance processes at once
 * @param visibilityTimeout how long a received notification stays invisible to other
 * instances; the heartbeat extends it by this much while a file is being processed
 * @param shutdownGrace how long a file in progress may still run once the instance is
 * told to stop, before it is handed back to the queue for another instance
 * @param kinesis how rows are published
 * @param limits bounds on a row
 * @param deadLetterQueue the upload queue's dead-letter queue, whose depth is the gauge
 * {@code inventory.dlq.messages}
 * @param deadLetterDepthPoll how often the dead-letter queue's depth is read (one
 * GetQueueAttributes a time)
 */
@Validated
@ConfigurationProperties("inventory.ingest")
public record IngestProperties(@NotBlank String queue, @DefaultValue("5") @Min(1) int maxReceives,
		@NotBlank String uploadsTable, @DefaultValue("90d") @NotNull Duration uploadsRetention,
		@NotBlank String recordsStream, @NotBlank String reportsPrefix,
		@DefaultValue("2") @Min(1) @Max(10) int maxConcurrentUploads, @NotNull Duration visibilityTimeout,
		@DefaultValue("20s") @NotNull Duration shutdownGrace, @Valid @DefaultValue Kinesis kinesis,
		@Valid @DefaultValue Limits limits, @NotBlank String deadLetterQueue,
		@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration deadLetterDepthPoll) {

	/**
	 * Whether an uploaded key is a store's inventory file (anything but the platform's
	 * own reports).
	 */
	public boolean isInventoryUpload(String key) {
		return this.reportsPrefix == null || this.reportsPrefix.isEmpty() || !key.startsWith(this.reportsPrefix);
	}

	/**
	 * @param maxInFlight PutRecords requests one file may have outstanding at once
	 * @param maxAttempts attempts per batch of records (the first one included) before
	 * the file fails and its notification is retried
	 * @param baseBackoff first retry delay; doubles per attempt, with full jitter
	 * @param maxBackoff longest retry delay
	 */
	public record Kinesis(@DefaultValue("4") @Min(1) @Max(64) int maxInFlight,
			@DefaultValue("10") @Min(1) int maxAttempts, @DefaultValue("100ms") @NotNull Duration baseBackoff,
			@DefaultValue("5s") @NotNull Duration maxBackoff) {
	}

	/**
	 * @param maxRowChars longest row (characters, with any extra columns and quoted line
	 * breaks); a longer row is rejected without being held in memory
	 */
	public record Limits(@DefaultValue("16384") @Min(64) int maxRowChars) {
	}

}
