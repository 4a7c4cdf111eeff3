package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadReport;
import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.KclLeasesTaken;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loader's count of an upload on the real DynamoDB emulator: each row counted once
 * whatever is read again, rows of an abandoned attempt not at all, and the upload and its
 * report final when the last row is in.
 */
@ExtendWith(LocalAwsExtension.class)
class UploadProgressIntegrationTests {

	private static final Duration LEASES_TAKEN = Duration.ofMinutes(3);

	private static final String TABLE = InventoryResources.load().uploadsTable();

	private static final String ID = "inventory-uploads/berlin.csv#e@2026-12-02T10:00:00Z";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static List<UploadProgress.Row> rows(long from, long to) {
		return LongStream.rangeClosed(from, to)
			.mapToObj((seq) -> new UploadProgress.Row("4959033827149025660855969253836157109592157598913658" + seq,
					false))
			.toList();
	}

	@Test
	void countsEachRowOnceAndFinishesTheUploadAndItsReportWithTheLastOne(LocalAwsClients aws,
			LocalResources resources) {
		// KCL assigns the first leases up to a minute after start.
		KclLeasesTaken.await(aws, resources.loaderLeaseTable(), resources.recordsStream(), LEASES_TAKEN);
		UploadProgress progress = new UploadProgress(aws.dynamoDb(), TABLE, LoaderMetrics.standalone(),
				Clock.systemUTC());
		UploadReportFinisher finisher = new UploadReportFinisher(aws.s3());
		// As ingest leaves it when attempt 2 starts.
		aws.dynamoDb()
			.putItem((b) -> b.tableName(TABLE)
				.item(Map.of(UploadsTable.UPLOAD_ID, s(ID), UploadsTable.STATUS, s(UploadStatus.PROCESSING.name()),
						UploadsTable.ATTEMPT, n(2), UploadsTable.ROWS_LOADED, n(0), UploadsTable.ROWS_DEAD_LETTERED,
						n(0), UploadsTable.LOADED_THROUGH, AttributeValue.fromM(Map.of()), UploadsTable.BUCKET,
						s(resources.bucket()), UploadsTable.KEY, s("berlin.csv"), UploadsTable.REPORT_KEY,
						s("reports/berlin.csv.json"))));

		assertThat(progress.add(ID, 2, "shardId-000000000000", rows(100, 102))).isEmpty();
		// The same batch read again after a crash, then a longer one overlapping it.
		assertThat(progress.add(ID, 2, "shardId-000000000000", rows(100, 102))).isEmpty();
		assertThat(progress.add(ID, 2, "shardId-000000000000", rows(101, 105))).isEmpty();
		assertThat(progress.add(ID, 2, "shardId-000000000001", rows(100, 101))).isEmpty();
		// Rows the abandoned first attempt published, read late.
		assertThat(progress.add(ID, 1, "shardId-000000000001", rows(90, 99))).isEmpty();
		assertThat(item(aws)).containsEntry(UploadsTable.ROWS_LOADED, n(8));

		// Ingest has published all but its last batch: 10 rows accepted, 1 rejected.
		aws.dynamoDb()
			.updateItem((b) -> b.tableName(TABLE)
				.key(Map.of(UploadsTable.UPLOAD_ID, s(ID)))
				.updateExpression("SET #a = :a, #r = :r")
				.expressionAttributeNames(Map.of("#a", UploadsTable.ROWS_ACCEPTED, "#r", UploadsTable.ROWS_REJECTED))
				.expressionAttributeValues(Map.of(":a", n(10), ":r", n(1))));
		UploadReport written = new UploadReport(ID, resources.bucket(), "berlin.csv", "PROCESSING", null, 11, 10, 1, 0,
				List.of(new UploadReport.RowError(5, 4, "count 'x' is not a whole number", "Berlin,Echo,x")), false,
				List.of(), "2026-12-02T10:00:01Z", null);
		aws.s3()
			.putObject((b) -> b.bucket(resources.bucket()).key("reports/berlin.csv.json"),
					RequestBody.fromBytes(JSON.writeValueAsBytes(written)));

		List<UploadProgress.Row> last = List.of(
				new UploadProgress.Row("4959033827149025660855969253836157109592157598913658102", false),
				new UploadProgress.Row("4959033827149025660855969253836157109592157598913658103", true));
		Optional<UploadProgress.Finished> finished = progress.add(ID, 2, "shardId-000000000001", last);
		assertThat(finished).isPresent();
		finished.ifPresent(finisher::finish);

		Map<String, AttributeValue> item = item(aws);
		assertThat(item).containsEntry(UploadsTable.STATUS, s(UploadStatus.LOADED_WITH_ERRORS.name()))
			.containsEntry(UploadsTable.ROWS_LOADED, n(9))
			.containsEntry(UploadsTable.ROWS_DEAD_LETTERED, n(1))
			.containsKey(UploadsTable.FINISHED_AT);
		assertThat(item.get(UploadsTable.REASON).s()).isEqualTo(
				"1 row was rejected (see errors); 1 row was refused by the table and sent to the records dead-letter queue");
		UploadReport report = JSON.readValue(aws.s3()
			.getObjectAsBytes((b) -> b.bucket(resources.bucket()).key("reports/berlin.csv.json"))
			.asByteArray(), UploadReport.class);
		assertThat(report.status()).isEqualTo("LOADED_WITH_ERRORS");
		assertThat(report.rowsLoaded()).isEqualTo(9);
		assertThat(report.errors()).isEqualTo(written.errors());
		assertThat(report.finishedAt()).isEqualTo(item.get(UploadsTable.FINISHED_AT).s());

		// The last batch once more: nothing counted twice, the report stays final.
		progress.add(ID, 2, "shardId-000000000001", last).ifPresent(finisher::finish);
		assertThat(item(aws)).containsEntry(UploadsTable.ROWS_LOADED, n(9));
	}

	private static Map<String, AttributeValue> item(LocalAwsClients aws) {
		return aws.dynamoDb()
			.getItem((b) -> b.tableName(TABLE).key(Map.of(UploadsTable.UPLOAD_ID, s(ID))).consistentRead(true))
			.item();
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(long value) {
		return AttributeValue.fromN(Long.toString(value));
	}

}
