package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change records of the Inventory table as Kinesis Data Streams for DynamoDB writes them,
 * for tests.
 */
final class ChangeRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChangeRecords() {
	}

	/** An item image in DynamoDB JSON; a null count leaves the Count attribute out. */
	static Map<String, Map<String, Object>> image(String store, String item, String count) {
		Map<String, Map<String, Object>> image = new LinkedHashMap<>();
		image.put(InventoryTable.STORE, Map.of("S", store));
		image.put(InventoryTable.ITEM, Map.of("S", item));
		if (count != null) {
			image.put(InventoryTable.COUNT, Map.of("N", count));
		}
		return image;
	}

	/**
	 * A change of one item's count; INSERT without an old count, REMOVE without a new
	 * one, else MODIFY. A null image is absent, as AWS writes it.
	 */
	static InventoryChangeRecord change(String eventId, Map<String, Map<String, Object>> oldImage,
			Map<String, Map<String, Object>> newImage) {
		Map<String, Map<String, Object>> any = (newImage != null) ? newImage : oldImage;
		Map<String, Map<String, Object>> keys = Map.of(InventoryTable.STORE, any.get(InventoryTable.STORE),
				InventoryTable.ITEM, any.get(InventoryTable.ITEM));
		String name = (oldImage == null) ? InventoryChangeRecord.INSERT
				: (newImage == null) ? InventoryChangeRecord.REMOVE : InventoryChangeRecord.MODIFY;
		return new InventoryChangeRecord("us-east-1", eventId, name, null, "application/json", "Inventory",
				new InventoryChangeRecord.Change(1763720130000L, keys, newImage, oldImage, 90), "aws:dynamodb");
	}

	/** The JSON of a count change of one item; a null old count makes it an INSERT. */
	static String json(String eventId, String store, String item, String oldCount, String newCount) {
		return JSON.writeValueAsString(change(eventId, (oldCount != null) ? image(store, item, oldCount) : null,
				image(store, item, newCount)));
	}

	/**
	 * The JSON of a count change of one item whose new image has the loader's
	 * {@code Version}; a null old count makes it an INSERT.
	 */
	static String json(String eventId, String store, String item, String oldCount, String newCount, String version) {
		return json(eventId, store, item, oldCount, newCount, version, "upload-of-" + version);
	}

	/** The same, with the {@code UploadId} the change came from. */
	static String json(String eventId, String store, String item, String oldCount, String newCount, String version,
			String uploadId) {
		Map<String, Map<String, Object>> now = image(store, item, newCount);
		now.put(InventoryTable.VERSION, Map.of("S", version));
		now.put(InventoryTable.UPLOAD_ID, Map.of("S", uploadId));
		return JSON.writeValueAsString(change(eventId, (oldCount != null) ? image(store, item, oldCount) : null, now));
	}

}
