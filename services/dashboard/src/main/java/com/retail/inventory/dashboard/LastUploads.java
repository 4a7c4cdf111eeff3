package com.retail.inventory.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each store's newest upload, looked up at most once per {@code ttl}: the store page
 * polls every few seconds, and finding a store's newest upload may take a Query per day
 * back (the upload tracking table is indexed by day, not by store).
 */
class LastUploads {

	private final Function<String, Optional<StoreDetail.LastUpload>> lookup;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * @param lookup finds a store's newest upload
	 * @param ttl how long an answer is kept
	 * @param clock the time
	 */
	LastUploads(Function<String, Optional<StoreDetail.LastUpload>> lookup, Duration ttl, Clock clock) {
		this.lookup = lookup;
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * @return the store's newest upload, or null when it has none
	 */
	StoreDetail.LastUpload of(String store) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(store);
		if (entry == null || !now.isBefore(entry.expires())) {
			entry = new Entry(this.lookup.apply(store).orElse(null), now.plus(this.ttl));
			this.entries.put(store, entry);
		}
		return entry.upload();
	}

	private record Entry(StoreDetail.LastUpload upload, Instant expires) {
	}

}
