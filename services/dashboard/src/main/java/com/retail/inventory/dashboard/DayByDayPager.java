package com.retail.inventory.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lists items of a by-day index newest first: today's partition, then the day before, and
 * so on, following each day's pages, until enough items match or the oldest day is done.
 * Stops at the first day that completes the list, so a recent list costs one or two
 * queries.
 */
final class DayByDayPager {

	private DayByDayPager() {
	}

	/**
	 * One page of one day's query.
	 *
	 * @param items the matching items, newest first
	 * @param lastEvaluatedKey where the next page starts; empty or null after the day's
	 * last page
	 */
	record Page<T>(List<T> items, Map<String, AttributeValue> lastEvaluatedKey) {

		boolean hasMore() {
			return lastEvaluatedKey != null && !lastEvaluatedKey.isEmpty();
		}

	}

	/** Queries one day's partition, newest first. */
	@FunctionalInterface
	interface DayQuery<T> {

		/**
		 * @param day the day
		 * @param wanted how many more items the list needs (a page may have fewer or
		 * more)
		 * @param exclusiveStartKey where to continue, or null for the day's first page
		 * @return the page
		 */
		Page<T> query(LocalDate day, int wanted, Map<String, AttributeValue> exclusiveStartKey);

	}

	/**
	 * @param today the newest day
	 * @param days how many days to look at, today included
	 * @param limit the most items to return
	 * @param query queries one day
	 * @return at most {@code limit} items, newest day first, each day in the query's
	 * order
	 */
	static <T> List<T> newestFirst(LocalDate today, int days, int limit, DayQuery<T> query) {
		List<T> found = new ArrayList<>();
		for (int back = 0; back < days && found.size() < limit; back++) {
			LocalDate day = today.minusDays(back);
			Map<String, AttributeValue> start = null;
			do {
				Page<T> page = query.query(day, limit - found.size(), start);
				for (T item : page.items()) {
					if (found.size() == limit) {
						break;
					}
					found.add(item);
				}
				start = page.hasMore() ? page.lastEvaluatedKey() : null;
			}
			while (start != null && found.size() < limit);
		}
		return found;
	}

}
