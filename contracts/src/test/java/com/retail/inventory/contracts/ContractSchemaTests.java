package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Java records and the JSON Schemas describe the same payloads: serialized records
 * validate.
 */
class ContractSchemaTests {

	private final ObjectMapper mapper = new ObjectMapper();

	private JsonSchema schema(String name) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/schemas/" + name)) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
		}
	}

	@Test
	void inventoryRecordEventMatchesItsSchema() throws Exception {
		UploadRef upload = UploadRef.of("inventory-uploads", "incoming/berlin.csv", null,
				"9b2cf535f27731c974343645a3985328", "0055AED6DCD90281E5", "2026-11-21T10:15:30.000Z");
		JsonNode json = mapper.valueToTree(InventoryRecordEvent.of("Berlin", "Echo Dot", 12, upload, 3));

		assertThat(schema("inventory-record.schema.json").validate(json)).isEmpty();
		assertThat(json.get("upload").get("id").asText())
			.isEqualTo("inventory-uploads/incoming/berlin.csv#9b2cf535f27731c974343645a3985328");
		assertThat(json.has("versionId")).isFalse();
	}

	@Test
	void versionedUploadIdUsesTheVersion() {
		UploadRef upload = UploadRef.of("b", "k.csv", "v42", "etag", null, null);
		assertThat(upload.id()).isEqualTo("b/k.csv?versionId=v42");
	}

	@Test
	void negativeCountIsRejectedBySchema() throws Exception {
		UploadRef upload = UploadRef.of("b", "k.csv", null, "e", null, null);
		JsonNode json = mapper.valueToTree(InventoryRecordEvent.of("Berlin", "Echo", -1, upload, 1));
		Set<ValidationMessage> errors = schema("inventory-record.schema.json").validate(json);
		assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("count"));
	}

	@Test
	void inventoryChangeRecordMatchesItsSchema() throws Exception {
		var change = new InventoryChangeRecord.Change(1763720130000L,
				Map.of("Store", Map.of("S", "Berlin"), "Item", Map.of("S", "Echo")),
				Map.of("Store", Map.of("S", "Berlin"), "Item", Map.of("S", "Echo"), "Count", Map.of("N", "0")),
				Map.of("Store", Map.of("S", "Berlin"), "Item", Map.of("S", "Echo"), "Count", Map.of("N", "4")), 80);
		var record = new InventoryChangeRecord("us-east-1", "e-1", InventoryChangeRecord.MODIFY, null,
				"application/json", "Inventory", change, "aws:dynamodb");
		JsonNode json = mapper.valueToTree(record);

		assertThat(schema("inventory-change.schema.json").validate(json)).isEmpty();
		assertThat(json.get("dynamodb").get("NewImage").get("Count").get("N").asText()).isEqualTo("0");
	}

	@Test
	void resourceNamesLoadFromTheSharedFile() {
		InventoryResources names = InventoryResources.load();
		assertThat(names.inventoryTable()).isEqualTo("Inventory");
		assertThat(names.recordsStream()).isEqualTo("inventory-records");
		assertThat(names.uploadEventsMaxReceives()).isPositive();
	}

}
