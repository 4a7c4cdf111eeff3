package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadReport;
import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.KinesisStreamReader;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest's half of upload tracking on the real emulators (no loader runs here, so an
 * upload with rows to load stays PROCESSING): the tracking item, the report and the
 * rejected rows next to the upload, the final status of uploads with nothing to load.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UploadTrackingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final String TABLE = InventoryResources.load().uploadsTable();

	@DynamicPropertySource
	static void localhostBucketsNeedPathStyle(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@Test
	void eachUploadIsTrackedAndReportedNextToItInTheBucket(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		put(aws, resources, "stores/Berlin/mixed.csv", "store,item,count,price\nBerlin,Echo Dot,12,9\n"
				+ "Berlin,=cmd|' /C calc'!A0,x,1\nHamburg,Echo Dot,3,1\nBerlin,Echo Plus,0,2\nBerlin,Echo Dot,4,9\n");
		put(aws, resources, "latin1.csv",
				"store,item,count\nMünchen,Echo Dot,3\n".getBytes(StandardCharsets.ISO_8859_1));
		put(aws, resources, "header-only.csv", "store,item,count\n");
		put(aws, resources, "all-bad.csv", "store,item,count\nBerlin,Echo,-1\n");

		Map<String, AttributeValue> mixed = awaitStatus(aws, "stores/Berlin/mixed.csv", UploadStatus.PROCESSING, true);
		assertThat(n(mixed, UploadsTable.ROWS_TOTAL)).isEqualTo(5);
		assertThat(n(mixed, UploadsTable.ROWS_ACCEPTED)).isEqualTo(3);
		assertThat(n(mixed, UploadsTable.ROWS_REJECTED)).isEqualTo(2);
		assertThat(n(mixed, UploadsTable.ROWS_LOADED)).isZero();
		assertThat(n(mixed, UploadsTable.ATTEMPT)).isEqualTo(1);
		assertThat(mixed.get(UploadsTable.STORES).ss()).containsExactly("Berlin");
		assertThat(mixed.get(UploadsTable.RECEIVED_DAY).s()).hasSize(10);
		assertThat(mixed.get(UploadsTable.REPORT_KEY).s()).isEqualTo("reports/stores/Berlin/mixed.csv.json");

		UploadReport report = report(aws, resources, "reports/stores/Berlin/mixed.csv.json");
		assertThat(report.status()).isEqualTo("PROCESSING");
		assertThat(report.uploadId()).isEqualTo(mixed.get(UploadsTable.UPLOAD_ID).s());
		assertThat(report.errors()).extracting(UploadReport.RowError::line).containsExactly(3L, 4L);
		assertThat(report.errors().get(1).reason()).contains("takes only Berlin's rows, not Hamburg's");
		assertThat(report.errors().get(1).text()).isEqualTo("Hamburg,Echo Dot,3,1");
		assertThat(report.warnings()).contains("columns ignored: price",
				"Berlin / Echo Dot is listed on lines 2 and 6; the later row counts");
		String rejected = aws.s3()
			.getObjectAsBytes((b) -> b.bucket(resources.bucket()).key("reports/stores/Berlin/mixed.csv.rejected.csv"))
			.asUtf8String();
		assertThat(rejected).isEqualTo(
				"""
						store,item,count,price,line,reason
						Berlin,'=cmd|' /C calc'!A0,x,1,3,"count 'x' is not a whole number from 0 to 1,000,000,000"
						Hamburg,Echo Dot,3,1,4,"this file is under stores/Berlin/, which takes only Berlin's rows, not Hamburg's"
						""");

		// Each published record carries its attempt, for the loader's count.
		List<JsonNode> records = KinesisStreamReader.readAll(aws.kinesis(), resources.recordsStream())
			.stream()
			.map((r) -> JSON.readTree(r.data().asUtf8String()))
			.filter((e) -> e.get("upload").get("key").asString().equals("stores/Berlin/mixed.csv"))
			.toList();
		assertThat(records).hasSize(3).allSatisfy((e) -> assertThat(e.get("attempt").asInt()).isEqualTo(1));

		Map<String, AttributeValue> latin1 = awaitStatus(aws, "latin1.csv", UploadStatus.REJECTED, false);
		assertThat(latin1.get(UploadsTable.REASON).s()).startsWith("the file is not UTF-8: byte 18 (0xFC)");
		assertThat(report(aws, resources, "reports/latin1.csv.json").reason())
			.isEqualTo(latin1.get(UploadsTable.REASON).s());

		Map<String, AttributeValue> empty = awaitStatus(aws, "header-only.csv", UploadStatus.LOADED, false);
		assertThat(n(empty, UploadsTable.ROWS_TOTAL)).isZero();
		UploadReport emptyReport = report(aws, resources, "reports/header-only.csv.json");
		assertThat(emptyReport.status()).isEqualTo("LOADED");
		assertThat(emptyReport.warnings()).containsExactly("the file has a header and no rows");

		Map<String, AttributeValue> allBad = awaitStatus(aws, "all-bad.csv", UploadStatus.REJECTED, false);
		assertThat(allBad.get(UploadsTable.REASON).s())
			.isEqualTo("none of the file's 1 rows could be used (see errors)");
		UploadReport allBadReport = report(aws, resources, "reports/all-bad.csv.json");
		assertThat(allBadReport.rowsRejected()).isEqualTo(1);
		assertThat(allBadReport.finishedAt()).isNotNull();
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String key, String text) {
		put(aws, resources, key, text.getBytes(StandardCharsets.UTF_8));
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String key, byte[] bytes) {
		aws.s3().putObject((b) -> b.bucket(resources.bucket()).key(key), RequestBody.fromBytes(bytes));
	}

	private static UploadReport report(LocalAwsClients aws, LocalResources resources, String key) {
		return JSON.readValue(aws.s3().getObjectAsBytes((b) -> b.bucket(resources.bucket()).key(key)).asByteArray(),
				UploadReport.class);
	}

	/** The tracking item of the upload of that key, once it has the status. */
	private static Map<String, AttributeValue> awaitStatus(LocalAwsClients aws, String key, UploadStatus status,
			boolean counted) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			List<Map<String, AttributeValue>> items = aws.dynamoDb().scan((b) -> b.tableName(TABLE)).items();
			return items.stream()
				.filter((item) -> item.get(UploadsTable.KEY).s().equals(key))
				.filter((item) -> item.get(UploadsTable.STATUS).s().equals(status.name()))
				.filter((item) -> !counted || item.containsKey(UploadsTable.ROWS_ACCEPTED))
				.findFirst()
				.orElse(null);
		}, (item) -> item != null);
	}

	private static long n(Map<String, AttributeValue> item, String name) {
		return Long.parseLong(item.get(name).n());
	}

}
