package com.retail.inventory.ops.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTests {

	@Test
	void parsesShortFormsAndIso() {
		assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
		assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
		assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
		assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("5 minutes"));
		assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("m"));
	}

	@Test
	void formatsForReading() {
		assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
		assertThat(Durations.format(Duration.ofSeconds(42))).isEqualTo("42s");
		assertThat(Durations.format(Duration.ofSeconds(432))).isEqualTo("7m12s");
		assertThat(Durations.format(Duration.ofMinutes(185))).isEqualTo("3h5m");
		assertThat(Durations.format(Duration.ofHours(51))).isEqualTo("2d3h");
		assertThat(Durations.format(null)).isEqualTo("-");
	}

}
