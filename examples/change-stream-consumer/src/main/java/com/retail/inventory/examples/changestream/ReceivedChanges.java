package com.retail.inventory.examples.changestream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this example does with the changes: keeps the last ones received and, per item,
 * the latest state, applying a change only when it {@link ItemChange#supersedes
 * supersedes} the one held (duplicates and late older changes are ignored). A real
 * consumer would keep that state durably (e.g. the version per item in DynamoDB).
 */
public final class ReceivedChanges {

	private static final int KEEP = 1000;

	private final Deque<ItemChange> received = new ArrayDeque<>();

	private final Map<String, ItemChange> latest = new HashMap<>();

	/**
	 * @return whether the change was applied (it is newer than what was held)
	 */
	public synchronized boolean accept(ItemChange change) {
		this.received.addLast(change);
		if (this.received.size() > KEEP) {
			this.received.removeFirst();
		}
		if (!change.supersedes(this.latest.get(change.key()))) {
			return false;
		}
		this.latest.put(change.key(), change);
		return true;
	}

	/** The last changes received, oldest first, including ignored ones. */
	public synchronized List<ItemChange> received() {
		return List.copyOf(this.received);
	}

	/** The change that made the item what it is now (a REMOVE once it was removed). */
	public synchronized Optional<ItemChange> latest(String store, String item) {
		return Optional.ofNullable(this.latest.get(store + "/" + item));
	}

}
