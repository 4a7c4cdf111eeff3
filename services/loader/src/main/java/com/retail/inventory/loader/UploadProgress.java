package com.retail.inventory.loader;

import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The loader's side of the upload tracking table ({@link UploadsTable}): adds what one
 * batch of a shard loaded to its upload's counters, exactly once, and marks the upload
 * final when every accepted row is accounted for.
 *
 * <p>
 * Exactly once, although batches are read again after a failure: the counters take a
 * shard's records only beyond the last sequence number counted for that shard
 * ({@link UploadsTable#LOADED_THROUGH}) and only for the upload's current attempt (a
 * record of an abandoned attempt adds nothing; the new attempt publishes all rows again).
 */
class UploadProgress {

	private static final Logger log = LoggerFactory.getLogger(UploadProgress.class);

	/** Attempts at one conditional update before the batch is read again. */
	private static final int MAX_TRIES = 5;

	private final DynamoDbClient dynamoDb;

	private final LoaderMetrics metrics;

	private final Clock clock;

	/** The upload tracking table. */
	private final String uploads;

	UploadProgress(DynamoDbClient dynamoDb, String uploads, LoaderMetrics metrics, Clock clock) {
		this.dynamoDb = dynamoDb;
		this.metrics = metrics;
		this.clock = clock;
		this.uploads = uploads;
	}

	/**
	 * One record of a batch, as far as counting goes.
	 *
	 * @param sequenceNumber its Kinesis sequence number
	 * @param deadLettered whether the table refused it (it is in the dead-letter queue)
	 */
	record Row(String sequenceNumber, boolean deadLettered) {
	}

	/**
	 * An upload that reached its final status with this batch.
	 *
	 * @param uploadId the upload
	 * @param item its tracking item, final status included
	 */
	record Finished(String uploadId, Map<String, AttributeValue> item) {
	}

	/**
	 * Adds the rows of one attempt of one upload, from one batch of one shard.
	 * @param rows the upload's records in the batch, in stream order
	 * @return the upload's item when all its rows are accounted for (whether it became
	 * final now or before), so the caller can make sure its report is final too
	 */
	Optional<Finished> add(String uploadId, int attempt, String shard, List<Row> rows) {
		String through = null;
		boolean known = false;
		for (int tries = 0; tries < MAX_TRIES; tries++) {
			List<Row> counted = (through == null) ? rows : beyond(rows, through);
			if (counted.isEmpty()) {
				return complete(uploadId, attempt, read(uploadId), false);
			}
			try {
				Map<String, AttributeValue> item = update(uploadId, attempt, shard, counted, known ? through : null,
						known);
				return complete(uploadId, attempt, item, true);
			}
			catch (ConditionalCheckFailedException ex) {
				// A replay of rows counted before, or another attempt: see which.
				Map<String, AttributeValue> item = read(uploadId);
				if (item == null || !item.containsKey(UploadsTable.ATTEMPT)
						|| Integer.parseInt(item.get(UploadsTable.ATTEMPT).n()) != attempt) {
					log.debug("Not counting {} rows of upload {} attempt {}: not its current attempt", rows.size(),
							uploadId, attempt);
					return Optional.empty();
				}
				AttributeValue marks = item.get(UploadsTable.LOADED_THROUGH);
				if (marks == null || !marks.hasM()) {
					log.warn("Upload {}: its tracking item has no {}; its rows are not counted", uploadId,
							UploadsTable.LOADED_THROUGH);
					return Optional.empty();
				}
				AttributeValue mark = marks.m().get(shard);
				through = (mark != null) ? mark.s() : null;
				known = true;
			}
		}
		throw new IllegalStateException("Upload " + uploadId + ": counting batch rows kept conflicting; retrying");
	}

	private Map<String, AttributeValue> update(String uploadId, int attempt, String shard, List<Row> rows,
			String expectedThrough, boolean known) {
		long deadLettered = rows.stream().filter(Row::deadLettered).count();
		String first = UploadsTable.comparableSequence(rows.get(0).sequenceNumber());
		String last = UploadsTable.comparableSequence(rows.get(rows.size() - 1).sequenceNumber());
		Map<String, AttributeValue> values = new HashMap<>(Map.of(":attempt", n(attempt), ":loaded",
				n(rows.size() - deadLettered), ":deadLettered", n(deadLettered), ":last", s(last)));
		String condition;
		if (!known) {
			// The usual case, in one request: nothing of this batch was counted before.
			condition = "#attempt = :attempt AND attribute_exists(#through) AND (attribute_not_exists(#through.#shard)"
					+ " OR #through.#shard < :first)";
			values.put(":first", s(first));
		}
		else if (expectedThrough == null) {
			condition = "#attempt = :attempt AND attribute_exists(#through) AND attribute_not_exists(#through.#shard)";
		}
		else {
			condition = "#attempt = :attempt AND #through.#shard = :through";
			values.put(":through", s(expectedThrough));
		}
		this.metrics.trackingRequest();
		return this.dynamoDb
			.updateItem((b) -> b.tableName(this.uploads)
				.key(key(uploadId))
				.updateExpression("SET #loaded = #loaded + :loaded, #deadLettered = #deadLettered + :deadLettered,"
						+ " #through.#shard = :last")
				.conditionExpression(condition)
				.expressionAttributeNames(Map.of("#attempt", UploadsTable.ATTEMPT, "#through",
						UploadsTable.LOADED_THROUGH, "#shard", shard, "#loaded", UploadsTable.ROWS_LOADED,
						"#deadLettered", UploadsTable.ROWS_DEAD_LETTERED))
				.expressionAttributeValues(values)
				.returnValues(ReturnValue.ALL_NEW))
			.attributes();
	}

	/**
	 * When the item shows every accepted row accounted for: marks it final if it is not
	 * yet, and returns it.
	 */
	private Optional<Finished> complete(String uploadId, int attempt, Map<String, AttributeValue> item,
			boolean justCounted) {
		if (item == null || !item.containsKey(UploadsTable.ROWS_ACCEPTED)) {
			return Optional.empty();
		}
		long accepted = number(item, UploadsTable.ROWS_ACCEPTED);
		long loaded = number(item, UploadsTable.ROWS_LOADED);
		long deadLettered = number(item, UploadsTable.ROWS_DEAD_LETTERED);
		if (loaded + deadLettered < accepted) {
			return Optional.empty();
		}
		String status = item.get(UploadsTable.STATUS).s();
		if (!UploadStatus.PROCESSING.name().equals(status)) {
			// Final already: a batch read again after a crash between marking and the
			// report; let the caller check the report.
			return justCounted ? Optional.empty() : Optional.of(new Finished(uploadId, item));
		}
		long rejected = number(item, UploadsTable.ROWS_REJECTED);
		UploadStatus outcome = (rejected > 0 || deadLettered > 0) ? UploadStatus.LOADED_WITH_ERRORS
				: UploadStatus.LOADED;
		String reason = reason(rejected, deadLettered);
		Map<String, AttributeValue> values = new HashMap<>(
				Map.of(":attempt", n(attempt), ":processing", s(UploadStatus.PROCESSING.name()), ":status",
						s(outcome.name()), ":now", s(this.clock.instant().toString())));
		Map<String, String> names = new HashMap<>(Map.of("#attempt", UploadsTable.ATTEMPT, "#status",
				UploadsTable.STATUS, "#finishedAt", UploadsTable.FINISHED_AT));
		String update = "SET #status = :status, #finishedAt = :now";
		if (reason != null) {
			update += ", #reason = :reason";
			names.put("#reason", UploadsTable.REASON);
			values.put(":reason", s(reason));
		}
		String expression = update;
		try {
			this.metrics.trackingRequest();
			Map<String, AttributeValue> done = this.dynamoDb
				.updateItem((b) -> b.tableName(this.uploads)
					.key(key(uploadId))
					.updateExpression(expression)
					.conditionExpression("#attempt = :attempt AND #status = :processing")
					.expressionAttributeNames(names)
					.expressionAttributeValues(values)
					.returnValues(ReturnValue.ALL_NEW))
				.attributes();
			log.info("Upload {}: {} ({} rows loaded{})", uploadId, outcome, loaded,
					(reason != null) ? "; " + reason : "");
			return Optional.of(new Finished(uploadId, done));
		}
		catch (ConditionalCheckFailedException ex) {
			// Another shard's batch got there first, or a new attempt started.
			return Optional.empty();
		}
	}

	/** Why an upload is LOADED_WITH_ERRORS, or null. */
	static String reason(long rejected, long deadLettered) {
		if (rejected == 0 && deadLettered == 0) {
			return null;
		}
		StringBuilder reason = new StringBuilder();
		if (rejected > 0) {
			reason.append(rejected)
				.append((rejected == 1) ? " row was" : " rows were")
				.append(" rejected (see errors)");
		}
		if (deadLettered > 0) {
			reason.append((reason.length() > 0) ? "; " : "")
				.append(deadLettered)
				.append((deadLettered == 1) ? " row was" : " rows were")
				.append(" refused by the table and sent to the records dead-letter queue");
		}
		return reason.toString();
	}

	private static List<Row> beyond(List<Row> rows, String through) {
		return rows.stream()
			.filter((row) -> UploadsTable.comparableSequence(row.sequenceNumber()).compareTo(through) > 0)
			.toList();
	}

	private Map<String, AttributeValue> read(String uploadId) {
		this.metrics.trackingRequest();
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((b) -> b.tableName(this.uploads).key(key(uploadId)).consistentRead(true))
			.item();
		return (item == null || item.isEmpty()) ? null : item;
	}

	static long number(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null && value.n() != null) ? Long.parseLong(value.n()) : 0;
	}

	private static Map<String, AttributeValue> key(String uploadId) {
		return Map.of(UploadsTable.UPLOAD_ID, s(uploadId));
	}

	private static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

	private static AttributeValue n(long number) {
		return AttributeValue.builder().n(String.valueOf(number)).build();
	}

}
