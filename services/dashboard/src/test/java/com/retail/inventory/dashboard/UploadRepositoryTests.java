package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.UploadsTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UploadRepositoryTests {

	private static final String UPLOAD_ID = "inventory-uploads/stores/Berlin/a.csv#etag@2026-12-02T10:00:00Z";

	@Test
	void aTrackingItemBecomesASummaryWithItsStoresByName() {
		Map<String, AttributeValue> item = Map.ofEntries(Map.entry(UploadsTable.UPLOAD_ID, s(UPLOAD_ID)),
				Map.entry(UploadsTable.BUCKET, s("inventory-uploads")),
				Map.entry(UploadsTable.KEY, s("stores/Berlin/a.csv")),
				Map.entry(UploadsTable.STATUS, s("LOADED_WITH_ERRORS")),
				Map.entry(UploadsTable.REASON, s("2 rows rejected")),
				Map.entry(UploadsTable.STORES, AttributeValue.fromSs(List.of("Pusan", "Berlin"))),
				Map.entry(UploadsTable.STORE_COUNT, n("2")), Map.entry(UploadsTable.ROWS_TOTAL, n("10")),
				Map.entry(UploadsTable.ROWS_ACCEPTED, n("8")), Map.entry(UploadsTable.ROWS_REJECTED, n("2")),
				Map.entry(UploadsTable.ROWS_LOADED, n("8")), Map.entry(UploadsTable.ROWS_DEAD_LETTERED, n("0")),
				Map.entry(UploadsTable.WARNINGS, n("1")),
				Map.entry(UploadsTable.RECEIVED_AT, s("2026-12-02T10:00:00Z")),
				Map.entry(UploadsTable.RECEIVED_DAY, s("2026-12-02")),
				Map.entry(UploadsTable.STARTED_AT, s("2026-12-02T10:00:01Z")),
				Map.entry(UploadsTable.FINISHED_AT, s("2026-12-02T10:00:05Z")),
				Map.entry(UploadsTable.REPORT_KEY, s("reports/stores/Berlin/a.csv.json")),
				Map.entry(UploadsTable.ATTEMPT, n("1")), Map.entry(UploadsTable.EXPIRES_AT, n("1800000000")));

		UploadSummary summary = UploadRepository.summary(item);

		assertThat(summary).isEqualTo(new UploadSummary(UploadIds.encode(UPLOAD_ID), UPLOAD_ID, "inventory-uploads",
				"stores/Berlin/a.csv", "LOADED_WITH_ERRORS", "2 rows rejected", List.of("Berlin", "Pusan"), 2L, 10L, 8L,
				2L, 8L, 0L, 1L, "2026-12-02T10:00:00Z", "2026-12-02T10:00:01Z", "2026-12-02T10:00:05Z",
				"reports/stores/Berlin/a.csv.json"));
	}

	@Test
	void aJustReceivedItemHasNullsAndNoStores() {
		UploadSummary summary = UploadRepository.summary(Map.of(UploadsTable.UPLOAD_ID, s(UPLOAD_ID),
				UploadsTable.STATUS, s("RECEIVED"), UploadsTable.RECEIVED_AT, s("2026-12-02T10:00:00Z")));

		assertThat(summary.id()).isEqualTo(UploadIds.encode(UPLOAD_ID));
		assertThat(summary.status()).isEqualTo("RECEIVED");
		assertThat(summary.stores()).isEmpty();
		assertThat(summary.rowsTotal()).isNull();
		assertThat(summary.rowsAccepted()).isNull();
		assertThat(summary.reportKey()).isNull();
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

}
