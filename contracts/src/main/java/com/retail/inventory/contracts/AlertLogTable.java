package com.retail.inventory.contracts;

/**
 * The item schema of the alert log table ({@code inventory.resources.alert-log-table}):
 * the alert state of each store item, i.e. the {@link StockLevel} of the newest change
 * that moved it from one level to another, and that change's version. A change that is
 * not newer (delivered again, or late and older) cannot alert: Kinesis Data Streams for
 * DynamoDB delivers at least once and out of order. Items expire after the stream's
 * retention has long passed, when no such change can arrive any more.
 */
public final class AlertLogTable {

	/** Hash key (S): {@link #alertId(String, String)} of the store item. */
	public static final String ALERT_ID = "AlertId";

	/** The item's {@link StockLevel} after that change (S). */
	public static final String LEVEL = "Level";

	/**
	 * The {@link RecordVersion} of that change's new image (S): a change of this version
	 * or an older one changes nothing.
	 */
	public static final String VERSION = "Version";

	/** Time-to-live attribute (N, epoch seconds): DynamoDB deletes the item after it. */
	public static final String EXPIRES_AT = "ExpiresAt";

	/** Store of the alert (S). */
	public static final String STORE = "Store";

	/** Item of the alert (S). */
	public static final String ITEM = "Item";

	/**
	 * The {@link AlertType} of the last alert sent (S); absent when the change alerted
	 * nobody (e.g. in stock again above the threshold after being low).
	 */
	public static final String TYPE = "Type";

	/**
	 * The stock-alert instance sending the alert of {@link #VERSION} right now (S);
	 * absent once it is sent. Two instances may read the same change (a shard moving
	 * between replicas): only the one that recorded itself here sends it.
	 */
	public static final String CLAIMED_BY = "ClaimedBy";

	/**
	 * When {@link #CLAIMED_BY} took the alert (N, epoch milliseconds): a claim older than
	 * the claim timeout was left by an instance that stopped, and another one sends it.
	 */
	public static final String CLAIMED_AT = "ClaimedAt";

	/**
	 * Separates store and item in {@link #ALERT_ID}: names never hold control characters.
	 */
	private static final char SEPARATOR = '\u001F';

	private AlertLogTable() {
	}

	/** The key of a store item's alert state. */
	public static String alertId(String store, String item) {
		return store + SEPARATOR + item;
	}

}
