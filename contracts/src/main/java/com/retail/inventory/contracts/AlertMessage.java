package com.retail.inventory.contracts;

/**
 * What subscribers of the alerts topic can rely on: the subject and the message
 * attributes SNS subscription filter policies select on.
 */
public final class AlertMessage {

	/** Subject of every alert. */
	public static final String SUBJECT = "Inventory Alert!";

	/** Message attribute (String): the store. */
	public static final String STORE = "store";

	/** Message attribute (String): the item. */
	public static final String ITEM = "item";

	/** Message attribute (String): the {@link AlertType} name. */
	public static final String TYPE = "type";

	/** Message attribute (Number): units left. */
	public static final String COUNT = "count";

	/** Message attribute (Number), when the item has one: its low-stock threshold. */
	public static final String THRESHOLD = "threshold";

	private AlertMessage() {
	}

}
