package com.retail.inventory.examples.changestream;

import com.retail.inventory.contracts.InventoryChangeRecord;

/**
 * One change of one store item, as this consumer needs it: decoded from an
 * {@code inventory-changes} record by {@link ChangeDecoder}.
 *
 * @param eventId the record's {@code eventID}
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param store the item's store ({@code Store} key)
 * @param item the item ({@code Item} key)
 * @param oldCount {@code Count} before the change, null for an INSERT
 * @param newCount {@code Count} after the change, null for a REMOVE
 * @param version {@code Version} of the new image (of the old one for a REMOVE); null
 * only for an item the loader did not write
 * @param approximateCreationMillis {@code ApproximateCreationDateTime}, epoch
 * milliseconds
 */
public record ItemChange(String eventId, String eventName, String store, String item, Long oldCount, Long newCount,
		String version, long approximateCreationMillis) {

	/** The item's identity: {@code store/item}. */
	public String key() {
		return store + "/" + item;
	}

	/** {@code Berlin/Echo Dot count 4→0}; an absent count is {@code -}. */
	public String summary() {
		return key() + " count " + text(oldCount) + "→" + text(newCount);
	}

	public boolean isRemove() {
		return InventoryChangeRecord.REMOVE.equals(eventName);
	}

	/**
	 * Whether this change is a later state of the item than {@code held}, the change last
	 * applied to it. Kinesis Data Streams for DynamoDB may deliver a change twice and
	 * changes out of order: the item's {@code Version} (the loader's
	 * {@code RecordVersion}, ordered as strings) decides, not the arrival order. A REMOVE
	 * carries the version of the item it removed, so it supersedes a change of that same
	 * version.
	 */
	public boolean supersedes(ItemChange held) {
		if (held == null) {
			return true;
		}
		int order = (version != null && held.version != null) ? version.compareTo(held.version)
				: Long.compare(approximateCreationMillis, held.approximateCreationMillis);
		return order > 0 || (order == 0 && isRemove() && !held.isRemove());
	}

	private static String text(Long count) {
		return (count != null) ? count.toString() : "-";
	}

}
