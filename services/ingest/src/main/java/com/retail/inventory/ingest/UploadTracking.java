package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Ingest's side of the upload tracking table ({@link UploadsTable}): the receipt, each
 * processing attempt, the file's counts, and the final status when ingest decides it (a
 * rejected file, a file without rows to load, a failure on the last delivery). The loader
 * adds what it loads and marks the rest final.
 *
 * <p>
 * Every write after the start of an attempt is conditional on that attempt still being
 * the current one, so an instance that lost its file to another (a duplicate delivery)
 * cannot overwrite the newer attempt's counts.
 */
class UploadTracking {

	private static final String S = "#status";

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final long retentionDays;

	private final Clock clock;

	UploadTracking(DynamoDbClient dynamoDb, String table, long retentionDays, Clock clock) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.retentionDays = retentionDays;
		this.clock = clock;
	}

	/**
	 * One processing attempt of an upload.
	 *
	 * @param upload the upload
	 * @param number the attempt's number, carried by every record it publishes
	 * @param startedAt when it started
	 */
	record Attempt(UploadRef upload, int number, Instant startedAt) {
	}

	/**
	 * Records that the upload was received: status RECEIVED, unless it was already
	 * processed to the end (a duplicate notification, a re-delivery after the upload was
	 * done), in which case nothing changes.
	 * @return whether the upload is to be processed
	 */
	boolean received(UploadRef upload) {
		Instant now = this.clock.instant();
		Map<String, AttributeValue> values = new HashMap<>();
		values.put(":received", s(UploadStatus.RECEIVED.name()));
		values.put(":now", s(now.toString()));
		values.put(":day", s(now.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
		values.put(":expires", n(now.plus(this.retentionDays, ChronoUnit.DAYS).getEpochSecond()));
		values.put(":bucket", s(upload.bucket()));
		values.put(":key", s(upload.key()));
		values.put(":etag", s(String.valueOf(upload.eTag())));
		values.putAll(doneStatuses());
		StringBuilder update = new StringBuilder("SET " + S + " = :received, #bucket = :bucket, #key = :key, "
				+ "#etag = :etag, #receivedAt = if_not_exists(#receivedAt, :now), "
				+ "#day = if_not_exists(#day, :day), #expires = if_not_exists(#expires, :expires)");
		Map<String, String> names = new HashMap<>(Map.of(S, UploadsTable.STATUS, "#bucket", UploadsTable.BUCKET, "#key",
				UploadsTable.KEY, "#etag", UploadsTable.E_TAG, "#receivedAt", UploadsTable.RECEIVED_AT, "#day",
				UploadsTable.RECEIVED_DAY, "#expires", UploadsTable.EXPIRES_AT));
		if (upload.versionId() != null) {
			update.append(", #version = :version");
			names.put("#version", UploadsTable.VERSION_ID);
			values.put(":version", s(upload.versionId()));
		}
		try {
			this.dynamoDb.updateItem((b) -> b.tableName(this.table)
				.key(key(upload))
				.updateExpression(update.toString())
				.conditionExpression(
						"attribute_not_exists(" + S + ") OR NOT (" + S + " IN (:loaded, :partly, :rejected))")
				.expressionAttributeNames(names)
				.expressionAttributeValues(values));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	/**
	 * Starts a new attempt: status PROCESSING, the loader's counters back to zero.
	 * @param reportKey where the upload's report goes
	 */
	Attempt start(UploadRef upload, String reportKey) {
		Instant now = this.clock.instant();
		UpdateItemResponse response = this.dynamoDb.updateItem((b) -> b.tableName(this.table)
			.key(key(upload))
			.updateExpression("SET " + S
					+ " = :processing, #startedAt = :now, #attempt = if_not_exists(#attempt, :zero)"
					+ " + :one, #loaded = :zero, #deadLettered = :zero, #through = :nothing, #report = :report"
					+ " REMOVE #accepted, #total, #rejected, #warnings, #stores, #storeCount, #finishedAt, #reason")
			.expressionAttributeNames(Map.ofEntries(Map.entry(S, UploadsTable.STATUS),
					Map.entry("#startedAt", UploadsTable.STARTED_AT), Map.entry("#attempt", UploadsTable.ATTEMPT),
					Map.entry("#loaded", UploadsTable.ROWS_LOADED),
					Map.entry("#deadLettered", UploadsTable.ROWS_DEAD_LETTERED),
					Map.entry("#through", UploadsTable.LOADED_THROUGH), Map.entry("#report", UploadsTable.REPORT_KEY),
					Map.entry("#accepted", UploadsTable.ROWS_ACCEPTED), Map.entry("#total", UploadsTable.ROWS_TOTAL),
					Map.entry("#rejected", UploadsTable.ROWS_REJECTED), Map.entry("#warnings", UploadsTable.WARNINGS),
					Map.entry("#stores", UploadsTable.STORES), Map.entry("#storeCount", UploadsTable.STORE_COUNT),
					Map.entry("#finishedAt", UploadsTable.FINISHED_AT), Map.entry("#reason", UploadsTable.REASON)))
			.expressionAttributeValues(
					Map.of(":processing", s(UploadStatus.PROCESSING.name()), ":now", s(now.toString()), ":zero", n(0),
							":one", n(1), ":nothing", AttributeValue.fromM(Map.of()), ":report", s(reportKey)))
			.returnValues(ReturnValue.UPDATED_NEW));
		return new Attempt(upload, Integer.parseInt(response.attributes().get(UploadsTable.ATTEMPT).n()), now);
	}

	/**
	 * The file's counts, once every accepted row but the last batch is published: from
	 * here on, the loader can tell when the upload is complete.
	 * @throws AttemptSupersededException when another attempt has started since
	 */
	void published(Attempt attempt, InventoryCsvReader.ReadReport report, int warnings) {
		Map<String, AttributeValue> values = new HashMap<>(Map.of(":attempt", n(attempt.number()), ":total",
				n(report.rowsRead()), ":accepted", n(report.rowsEmitted()), ":rejected", n(report.rowsRejected()),
				":warnings", n(warnings), ":storeCount", n(report.storeCount())));
		String update = "SET #total = :total, #accepted = :accepted, #rejected = :rejected, #warnings = :warnings,"
				+ " #storeCount = :storeCount";
		if (!report.stores().isEmpty()) {
			update += ", #stores = :stores";
			values.put(":stores", AttributeValue.fromSs(List.copyOf(report.stores())));
		}
		String expression = update;
		Map<String, String> names = Map.of("#attempt", UploadsTable.ATTEMPT, "#total", UploadsTable.ROWS_TOTAL,
				"#accepted", UploadsTable.ROWS_ACCEPTED, "#rejected", UploadsTable.ROWS_REJECTED, "#warnings",
				UploadsTable.WARNINGS, "#storeCount", UploadsTable.STORE_COUNT, "#stores", UploadsTable.STORES);
		try {
			this.dynamoDb.updateItem((b) -> b.tableName(this.table)
				.key(key(attempt.upload()))
				.updateExpression(expression)
				.conditionExpression("#attempt = :attempt")
				.expressionAttributeNames(report.stores().isEmpty() ? without(names, "#stores") : names)
				.expressionAttributeValues(values));
		}
		catch (ConditionalCheckFailedException ex) {
			throw new AttemptSupersededException("Upload " + attempt.upload().id()
					+ ": another attempt started while attempt " + attempt.number() + " was publishing", ex);
		}
	}

	/**
	 * Ends the attempt with a final status ingest decides.
	 * @return whether this attempt set it (false when another attempt took over)
	 */
	boolean finish(Attempt attempt, UploadStatus status, String reason) {
		Map<String, AttributeValue> values = new HashMap<>(
				Map.of(":attempt", n(attempt.number()), ":processing", s(UploadStatus.PROCESSING.name()), ":status",
						s(status.name()), ":now", s(this.clock.instant().toString())));
		String update = "SET " + S + " = :status, #finishedAt = :now";
		Map<String, String> names = new HashMap<>(Map.of(S, UploadsTable.STATUS, "#finishedAt",
				UploadsTable.FINISHED_AT, "#attempt", UploadsTable.ATTEMPT));
		if (reason != null) {
			update += ", #reason = :reason";
			names.put("#reason", UploadsTable.REASON);
			values.put(":reason", s(reason));
		}
		String expression = update;
		try {
			this.dynamoDb.updateItem((b) -> b.tableName(this.table)
				.key(key(attempt.upload()))
				.updateExpression(expression)
				.conditionExpression("#attempt = :attempt AND " + S + " = :processing")
				.expressionAttributeNames(names)
				.expressionAttributeValues(values));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	/**
	 * The upload failed on the notification's last delivery: status FAILED with the
	 * reason, unless it is done already.
	 * @return whether it is marked FAILED now
	 */
	boolean failed(UploadRef upload, String reason) {
		try {
			this.dynamoDb.updateItem((b) -> b.tableName(this.table)
				.key(key(upload))
				.updateExpression("SET " + S + " = :failed, #finishedAt = :now, #reason = :reason")
				.conditionExpression(S + " IN (:received, :processing)")
				.expressionAttributeNames(Map.of(S, UploadsTable.STATUS, "#finishedAt", UploadsTable.FINISHED_AT,
						"#reason", UploadsTable.REASON))
				.expressionAttributeValues(Map.of(":failed", s(UploadStatus.FAILED.name()), ":now",
						s(this.clock.instant().toString()), ":reason", s(reason), ":received",
						s(UploadStatus.RECEIVED.name()), ":processing", s(UploadStatus.PROCESSING.name()))));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			// Finished meanwhile (the loader completed it): nothing failed.
			return false;
		}
	}

	private static Map<String, AttributeValue> doneStatuses() {
		return Map.of(":loaded", s(UploadStatus.LOADED.name()), ":partly", s(UploadStatus.LOADED_WITH_ERRORS.name()),
				":rejected", s(UploadStatus.REJECTED.name()));
	}

	private static Map<String, String> without(Map<String, String> names, String name) {
		Map<String, String> copy = new HashMap<>(names);
		copy.remove(name);
		return copy;
	}

	private static Map<String, AttributeValue> key(UploadRef upload) {
		return Map.of(UploadsTable.UPLOAD_ID, s(upload.id()));
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(long value) {
		return AttributeValue.fromN(Long.toString(value));
	}

}
