package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DayByDayPagerTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	/** Days and their items (newest first), served two per page. */
	private final Map<LocalDate, List<String>> days = Map.of(TODAY, List.of("d0-a", "d0-b", "d0-c"), TODAY.minusDays(1),
			List.of(), TODAY.minusDays(2), List.of("d2-a"), TODAY.minusDays(30), List.of("d30-a"));

	private final List<String> calls = new ArrayList<>();

	private DayByDayPager.Page<String> query(LocalDate day, int wanted, Map<String, AttributeValue> start) {
		int from = (start == null) ? 0 : Integer.parseInt(start.get("i").n());
		calls.add(day + "@" + from + "/" + wanted);
		List<String> items = days.getOrDefault(day, List.of());
		int to = Math.min(items.size(), from + 2);
		Map<String, AttributeValue> next = (to < items.size()) ? Map.of("i", AttributeValue.fromN(String.valueOf(to)))
				: Map.of();
		return new DayByDayPager.Page<>(items.subList(from, to), next);
	}

	@Test
	void stopsOnTheFirstDayThatCompletesTheList() {
		assertThat(DayByDayPager.newestFirst(TODAY, 90, 2, this::query)).containsExactly("d0-a", "d0-b");
		assertThat(calls).containsExactly("2026-12-02@0/2");
	}

	@Test
	void followsADaysPagesThenGoesBackDayByDay() {
		assertThat(DayByDayPager.newestFirst(TODAY, 90, 4, this::query)).containsExactly("d0-a", "d0-b", "d0-c",
				"d2-a");
		assertThat(calls).containsExactly("2026-12-02@0/4", "2026-12-02@2/2", "2026-12-01@0/1", "2026-11-30@0/1");
	}

	@Test
	void looksNoFurtherBackThanTheRetentionPeriod() {
		assertThat(DayByDayPager.newestFirst(TODAY, 30, 50, this::query)).containsExactly("d0-a", "d0-b", "d0-c",
				"d2-a");
		assertThat(calls).hasSize(31).last().isEqualTo("2026-11-03@0/46");
		calls.clear();
		assertThat(DayByDayPager.newestFirst(TODAY, 31, 50, this::query)).endsWith("d30-a");
	}

	@Test
	void neverReturnsMoreThanTheLimitWhenAPageHasMore() {
		DayByDayPager.DayQuery<String> generous = (day, wanted,
				start) -> new DayByDayPager.Page<>(List.of(day + "-1", day + "-2", day + "-3"), null);
		assertThat(DayByDayPager.newestFirst(TODAY, 90, 5, generous)).containsExactly("2026-12-02-1", "2026-12-02-2",
				"2026-12-02-3", "2026-12-01-1", "2026-12-01-2");
	}

}
