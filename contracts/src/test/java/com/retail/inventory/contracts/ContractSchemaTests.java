package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java records and the JSON Schemas describe the same payloads: records serialised
 * the way the services serialise them (Jackson 3, default settings) validate against the
 * schemas, and schema-valid JSON, including fields added later, reads back into the
 * records the way the consumers read it.
 */
class ContractSchemaTests {

	/** As ingest and the local change bridge write: Jackson 3 with its defaults. */
	private final JsonMapper writer = JsonMapper.builder().build();

	/** As the loader and stock-alert read: unknown fields ignored. */
	private final JsonMapper reader = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private JsonSchema schema(String name) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/schemas/" + name)) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
		}
	}

	private Set<ValidationMessage> validate(String schema, Object payload) throws Exception {
		return schema(schema).validate(this.writer.writeValueAsString(payload), InputFormat.JSON);
	}

	@Test
	void inventoryRecordEventMatchesItsSchema() throws Exception {
		UploadRef upload = UploadRef.of("inventory-uploads", "incoming/berlin.csv", null,
				"9b2cf535f27731c974343645a3985328", "0055AED6DCD90281E5", "2026-11-21T10:15:30.000Z");
		InventoryRecordEvent event = InventoryRecordEvent.of("Berlin", "Echo Dot", 12, upload, 3);

		assertThat(validate("inventory-record.schema.json", event)).isEmpty();
		JsonNode json = this.writer.valueToTree(event);
		assertThat(json.get("upload").get("id").asString())
			.isEqualTo("inventory-uploads/incoming/berlin.csv#9b2cf535f27731c974343645a3985328@0055AED6DCD90281E5");
		// An unversioned bucket's upload has no versionId at all, not "versionId": null
		// (the schema says string).
		assertThat(json.get("upload").has("versionId")).isFalse();
	}

	@Test
	void versionedUploadIdUsesTheVersion() {
		UploadRef upload = UploadRef.of("b", "k.csv", "v42", "etag", null, null);
		assertThat(upload.id()).isEqualTo("b/k.csv?versionId=v42");
	}

	@Test
	void withoutAVersionIdTheEventTellsTwoUploadsOfTheSameBytesApart() {
		UploadRef first = UploadRef.of("b", "k.csv", null, "e", null, "2026-12-02T10:00:00Z");
		UploadRef again = UploadRef.of("b", "k.csv", null, "e", null, "2026-12-02T11:00:00Z");
		assertThat(first.id()).isEqualTo("b/k.csv#e@2026-12-02T10:00:00Z");
		assertThat(again.id()).isNotEqualTo(first.id());
		assertThat(UploadRef.of("b", "k.csv", null, "e", "0A", "2026-12-02T10:00:00Z").id()).isEqualTo("b/k.csv#e@0A");
	}

	@Test
	void recordEventCarriesItsAttemptWhenPublishedByOne() throws Exception {
		UploadRef upload = UploadRef.of("b", "k.csv", null, "e", null, null);
		InventoryRecordEvent event = InventoryRecordEvent.of("Berlin", "Echo", 1, upload, 1).withAttempt(2);
		assertThat(validate("inventory-record.schema.json", event)).isEmpty();
		assertThat(this.writer.readTree(this.writer.writeValueAsString(event)).get("attempt").asInt()).isEqualTo(2);
		assertThat(this.writer
			.readTree(this.writer.writeValueAsString(InventoryRecordEvent.of("Berlin", "Echo", 1, upload, 1)))
			.has("attempt")).isFalse();
	}

	@Test
	void uploadReportMatchesItsSchemaAndReadsBack() throws Exception {
		UploadReport report = new UploadReport("b/k.csv#e", "b", "k.csv", UploadStatus.PROCESSING.name(), null, 3, 2, 1,
				0, List.of(new UploadReport.RowError(3, 2, "count 'x' is not a whole number", "Berlin,Echo,x")), false,
				List.of("columns ignored: price"), "2026-12-02T10:00:00Z", null);
		assertThat(validate("upload-report.schema.json", report)).isEmpty();
		UploadReport done = report.finished(UploadStatus.LOADED_WITH_ERRORS, null, 2, "2026-12-02T10:00:05Z");
		assertThat(validate("upload-report.schema.json", done)).isEmpty();
		assertThat(this.reader.readValue(this.writer.writeValueAsString(done), UploadReport.class)).isEqualTo(done);

		String unknownStatus = this.writer.writeValueAsString(report).replace("PROCESSING", "DONE");
		assertThat(schema("upload-report.schema.json").validate(unknownStatus, InputFormat.JSON)).isNotEmpty();
		assertThat(UploadReport.jsonKey("reports/", "stores/Berlin/a.csv"))
			.isEqualTo("reports/stores/Berlin/a.csv.json");
		assertThat(UploadReport.rejectedCsvKey("reports/", "a.csv")).isEqualTo("reports/a.csv.rejected.csv");
	}

	@Test
	void sequenceNumbersCompareAsStringsOncePadded() {
		String shorter = UploadsTable.comparableSequence("9");
		String longer = UploadsTable.comparableSequence("49590338271490256608559692538361571095921575989136588898");
		assertThat(shorter).hasSize(UploadsTable.SEQUENCE_WIDTH);
		assertThat(shorter.compareTo(longer)).isNegative();
		assertThat(UploadStatus.PROCESSING.isFinal()).isFalse();
		assertThat(UploadStatus.FAILED.isFinal()).isTrue();
	}

	@Test
	void negativeCountIsRejectedBySchema() throws Exception {
		UploadRef upload = UploadRef.of("b", "k.csv", null, "e", null, null);
		Set<ValidationMessage> errors = validate("inventory-record.schema.json",
				InventoryRecordEvent.of("Berlin", "Echo", -1, upload, 1));
		assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch((m) -> m.contains("count"));
	}

	@Test
	void schemaValidRecordEventWithFieldsAddedLaterReadsBack() throws Exception {
		String json = """
				{"schemaVersion":1,"store":"Berlin","item":"Echo Dot","count":12,"rowNumber":3,"addedLater":true,
				 "upload":{"id":"b/k#e","bucket":"b","key":"k","eTag":"e","addedLater":1}}""";
		assertThat(schema("inventory-record.schema.json").validate(json, InputFormat.JSON)).isEmpty();

		InventoryRecordEvent event = this.reader.readValue(json, InventoryRecordEvent.class);
		assertThat(event).isEqualTo(InventoryRecordEvent.of("Berlin", "Echo Dot", 12,
				new UploadRef("b/k#e", "b", "k", null, "e", null, null), 3));
	}

	@Test
	void inventoryChangeRecordMatchesItsSchema() throws Exception {
		Map<String, Map<String, Object>> keys = Map.of(InventoryTable.STORE, Map.of("S", "Berlin"), InventoryTable.ITEM,
				Map.of("S", "Echo"));
		var change = new InventoryChangeRecord.Change(1763720130000L, keys,
				Map.of(InventoryTable.STORE, Map.of("S", "Berlin"), InventoryTable.ITEM, Map.of("S", "Echo"),
						InventoryTable.COUNT, Map.of("N", "0")),
				null, 80);
		var insert = new InventoryChangeRecord("us-east-1", "e-1", InventoryChangeRecord.INSERT, null,
				"application/json", "Inventory", change, "aws:dynamodb");

		// An INSERT has no OldImage at all (the schema has no null for it), as AWS writes
		// it.
		assertThat(validate("inventory-change.schema.json", insert)).isEmpty();
		JsonNode json = this.writer.valueToTree(insert);
		assertThat(json.get("dynamodb").has("OldImage")).isFalse();
		assertThat(json.get("dynamodb").get("NewImage").get(InventoryTable.COUNT).get("N").asString()).isEqualTo("0");
		assertThat(json.get("dynamodb").get("ApproximateCreationDateTime").asLong()).isEqualTo(1763720130000L);
		assertThat(this.reader.readValue(this.writer.writeValueAsString(insert), InventoryChangeRecord.class))
			.isEqualTo(insert);
	}

	@Test
	void resourceNamesLoadFromTheSharedFile() {
		InventoryResources names = InventoryResources.load();
		assertThat(names.inventoryTable()).isEqualTo("Inventory");
		assertThat(names.recordsStream()).isEqualTo("inventory-records");
		assertThat(names.uploadEventsMaxReceives()).isPositive();
		assertThat(names.entries()).containsEntry("records-stream", "inventory-records")
			.doesNotContainKey("inventory.resources.records-stream");
	}

}
