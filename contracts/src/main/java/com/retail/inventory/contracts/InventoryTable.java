package com.retail.inventory.contracts;

/**
 * The item schema of the {@code Inventory} table: one item per store item, written by the
 * loader, read by the dashboard, and carried in the images of every
 * {@code inventory-changes} record. The table's name is a setting
 * ({@code inventory.resources.inventory-table}); its attribute names are this contract.
 */
public final class InventoryTable {

	/** Hash key (S): the store name. */
	public static final String STORE = "Store";

	/** Range key (S): the item name. */
	public static final String ITEM = "Item";

	/** Units in stock (N), never negative; see {@link StockState}. */
	public static final String COUNT = "Count";

	/** Id of the upload the count came from (S), {@link UploadRef#id()}. */
	public static final String UPLOAD_ID = "UploadId";

	/** 1-based data row of that upload's file (N). */
	public static final String ROW_NUMBER = "RowNumber";

	/**
	 * When the count was true (S, ISO-8601): the S3 event time of its upload, not the
	 * time the loader wrote it.
	 */
	public static final String UPDATED_AT = "UpdatedAt";

	/**
	 * The {@link RecordVersion} of the record the item holds (S); a record of an older or
	 * equal version never replaces it.
	 */
	public static final String VERSION = "Version";

	private InventoryTable() {
	}

}
