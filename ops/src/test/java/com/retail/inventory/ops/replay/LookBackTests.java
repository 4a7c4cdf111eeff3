package com.retail.inventory.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookBackTests {

	private static final Instant T = Instant.parse("2026-12-03T06:00:00Z");

	@Test
	void windowsDoubleBackwardsWithoutGapsOrOverlapsAndEndAtTrimHorizon() {
		List<LookBack.Window> windows = LookBack.before(T, T.minus(Duration.ofMinutes(10)));
		assertThat(windows).containsExactly(new LookBack.Window(T.minusSeconds(60), T),
				new LookBack.Window(T.minusSeconds(120), T.minusSeconds(60)),
				new LookBack.Window(T.minusSeconds(240), T.minusSeconds(120)),
				new LookBack.Window(T.minusSeconds(480), T.minusSeconds(240)),
				new LookBack.Window(null, T.minusSeconds(480)));
	}

	@Test
	void aTimeNearTheOldestRecordIsOneWindowFromTrimHorizon() {
		assertThat(LookBack.before(T, T.minusSeconds(30))).containsExactly(new LookBack.Window(null, T));
	}

	@Test
	void aDayOfRetentionIsTwelveWindows() {
		assertThat(LookBack.before(T, T.minus(Duration.ofHours(24)))).hasSize(12);
	}

}
