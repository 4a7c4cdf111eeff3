package com.retail.inventory.ingest;

/**
 * Remembers on which line each store item of a file was last seen, to tell when an item
 * is listed twice. Items are kept as 64-bit hashes of their names with the line number in
 * an open-addressing table of primitives, so a row costs one hash and one probe, and the
 * table's size is bounded: it stops taking new items at {@link #capacity}, and says so,
 * so that a file of any length is read in bounded memory. (Two different items share a
 * 64-bit hash with a probability of about one in 10^7 for a million items; the result is
 * a spurious warning, never a lost row.)
 */
final class ItemOccurrences {

	/** Returned by {@link #put} for an item not seen before. */
	static final long NONE = -1;

	private static final long EMPTY = 0;

	private final int capacity;

	private long[] hashes = new long[1 << 12];

	private int[] lines = new int[1 << 12];

	private int size;

	/**
	 * @param capacity most items remembered
	 */
	ItemOccurrences(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Records that the item is on the given line.
	 * @return the line the item was on before, or {@link #NONE}
	 */
	long put(String store, String item, long line) {
		long hash = hash(store, item);
		int mask = this.hashes.length - 1;
		int slot = (int) (hash ^ (hash >>> 32)) & mask;
		while (true) {
			long current = this.hashes[slot];
			if (current == hash) {
				long before = this.lines[slot];
				this.lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
				return before;
			}
			if (current == EMPTY) {
				if (this.size < this.capacity) {
					this.hashes[slot] = hash;
					this.lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
					this.size++;
					if (this.size * 2 > this.hashes.length) {
						grow();
					}
				}
				return NONE;
			}
			slot = (slot + 1) & mask;
		}
	}

	/** Whether items were left unchecked because the table was full. */
	boolean full() {
		return this.size >= this.capacity;
	}

	private void grow() {
		long[] oldHashes = this.hashes;
		int[] oldLines = this.lines;
		this.hashes = new long[oldHashes.length * 2];
		this.lines = new int[oldHashes.length * 2];
		int mask = this.hashes.length - 1;
		for (int i = 0; i < oldHashes.length; i++) {
			long hash = oldHashes[i];
			if (hash != EMPTY) {
				int slot = (int) (hash ^ (hash >>> 32)) & mask;
				while (this.hashes[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.hashes[slot] = hash;
				this.lines[slot] = oldLines[i];
			}
		}
	}

	/** FNV-1a over both names and a separator, never {@link #EMPTY}. */
	private static long hash(String store, String item) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < store.length(); i++) {
			hash = (hash ^ store.charAt(i)) * 0x100000001b3L;
		}
		hash = (hash ^ 0xFFFF) * 0x100000001b3L;
		for (int i = 0; i < item.length(); i++) {
			hash = (hash ^ item.charAt(i)) * 0x100000001b3L;
		}
		return (hash == EMPTY) ? 1 : hash;
	}

}
