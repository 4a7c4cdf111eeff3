package com.retail.inventory.contracts;

/**
 * The item schema of the alert log table ({@code inventory.resources.alert-log-table}):
 * one item per alert sent, so a change delivered again does not alert again.
 */
public final class AlertLogTable {

	/** Hash key (S): the id of the change that caused the alert. */
	public static final String ALERT_ID = "AlertId";

	/** Time-to-live attribute (N, epoch seconds): DynamoDB deletes the item after it. */
	public static final String EXPIRES_AT = "ExpiresAt";

	/** Store of the alert (S). */
	public static final String STORE = "Store";

	/** Item of the alert (S). */
	public static final String ITEM = "Item";

	/** Alert type (S), e.g. {@code OUT_OF_STOCK}. */
	public static final String TYPE = "Type";

	private AlertLogTable() {
	}

}
