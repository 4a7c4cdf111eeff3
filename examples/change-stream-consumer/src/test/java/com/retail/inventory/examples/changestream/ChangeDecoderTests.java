package com.retail.inventory.examples.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as the change stream carries them (the JSON the local bridge and AWS write:
 * Jackson defaults, absent images left out) decode into store/item count changes.
 */
class ChangeDecoderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String V1 = "2026-12-02T10:00:00.000000Z|0000000000000000000000000000000A|000000000003";

	private static final String V2 = "2026-12-02T11:00:00.000000Z|0000000000000000000000000000000B|000000000003";

	private final ChangeDecoder decoder = new ChangeDecoder();

	@Test
	void modifyGivesTheOldAndNewCount() {
		ItemChange change = decode(change("e-2", image("4", V1), image("0", V2))).orElseThrow();

		assertThat(change).isEqualTo(new ItemChange("e-2", "MODIFY", "Berlin", "Echo Dot", 4L, 0L, V2, 1764669600000L));
		assertThat(change.summary()).isEqualTo("Berlin/Echo Dot count 4→0");
	}

	@Test
	void insertHasNoOldCountAndRemoveNoNewCount() {
		ItemChange insert = decode(change("e-1", null, image("12", V1))).orElseThrow();
		assertThat(insert.eventName()).isEqualTo("INSERT");
		assertThat(insert.summary()).isEqualTo("Berlin/Echo Dot count -→12");

		ItemChange remove = decode(change("e-3", image("12", V1), null)).orElseThrow();
		assertThat(remove.isRemove()).isTrue();
		assertThat(remove.summary()).isEqualTo("Berlin/Echo Dot count 12→-");
		assertThat(remove.version()).as("the removed item's version").isEqualTo(V1);
	}

	@Test
	void newerUploadWithTheSameCountIsAModifyWithEqualCounts() {
		ItemChange change = decode(change("e-4", image("0", V1), image("0", V2))).orElseThrow();
		assertThat(change.summary()).isEqualTo("Berlin/Echo Dot count 0→0");
		assertThat(change.version()).isEqualTo(V2);
	}

	@Test
	void fieldsAddedLaterAreIgnored() {
		String json = new String(change("e-5", image("1", V1), image("2", V2)), StandardCharsets.UTF_8)
			.replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");
		assertThat(this.decoder.decode(json.getBytes(StandardCharsets.UTF_8))).map(ItemChange::summary)
			.contains("Berlin/Echo Dot count 1→2");
	}

	@Test
	void recordsThatAreNotItemChangesAreSkipped() {
		assertThat(this.decoder.decode("garbage".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(this.decoder.decode("{\"eventID\":\"e\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
		Map<String, Map<String, Object>> notWhole = image("1.5", V1);
		assertThat(decode(change("e-6", null, notWhole))).isEmpty();
	}

	private Optional<ItemChange> decode(byte[] data) {
		return this.decoder.decode(data);
	}

	static Map<String, Map<String, Object>> image(String count, String version) {
		Map<String, Map<String, Object>> image = new LinkedHashMap<>();
		image.put(InventoryTable.STORE, Map.of("S", "Berlin"));
		image.put(InventoryTable.ITEM, Map.of("S", "Echo Dot"));
		image.put(InventoryTable.COUNT, Map.of("N", count));
		image.put(InventoryTable.UPLOAD_ID, Map.of("S", "inventory-uploads/berlin.csv?versionId=v1"));
		image.put(InventoryTable.ROW_NUMBER, Map.of("N", "3"));
		image.put(InventoryTable.UPDATED_AT, Map.of("S", "2026-12-02T10:00:00Z"));
		image.put(InventoryTable.VERSION, Map.of("S", version));
		return image;
	}

	static byte[] change(String eventId, Map<String, Map<String, Object>> oldImage,
			Map<String, Map<String, Object>> newImage) {
		String name = (oldImage == null) ? InventoryChangeRecord.INSERT
				: (newImage == null) ? InventoryChangeRecord.REMOVE : InventoryChangeRecord.MODIFY;
		var dynamodb = new InventoryChangeRecord.Change(1764669600000L,
				Map.of(InventoryTable.STORE, Map.of("S", "Berlin"), InventoryTable.ITEM, Map.of("S", "Echo Dot")),
				newImage, oldImage, 120);
		return JSON.writeValueAsBytes(new InventoryChangeRecord("us-east-1", eventId, name, null, "application/json",
				"Inventory", dynamodb, "aws:dynamodb"));
	}

}
