package com.retail.inventory.ops.dlq;

import java.util.List;
import java.util.Map;

/** Where a redrive sends dead letters back to. */
public interface RedriveDestination {

	/** e.g. {@code queue inventory-upload-events}. */
	String describe();

	/**
	 * Sends each dead letter back.
	 * @return the message ids that were not sent, with why; every other one was
	 */
	Map<String, String> send(List<DeadLetter> letters);

}
