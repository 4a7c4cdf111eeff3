package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRulesTests {

	@Test
	void theMostSpecificThresholdWins() {
		ThresholdRules rules = new ThresholdRules(
				Map.of(new ThresholdRules.Key("Berlin", "Echo Dot"), 3L, new ThresholdRules.Key("*", "Echo Dot"), 10L,
						new ThresholdRules.Key("Berlin", "*"), 20L, new ThresholdRules.Key("*", "*"), 50L));

		assertThat(rules.lowStock("Berlin", "Echo Dot")).isEqualTo(3);
		assertThat(rules.lowStock("Hamburg", "Echo Dot")).isEqualTo(10);
		assertThat(rules.lowStock("Berlin", "Echo Show")).isEqualTo(20);
		assertThat(rules.lowStock("Hamburg", "Echo Show")).isEqualTo(50);
	}

	@Test
	void withoutAThresholdThereIsNone() {
		ThresholdRules rules = new ThresholdRules(Map.of(new ThresholdRules.Key("Berlin", "*"), 20L));
		assertThat(rules.lowStock("Hamburg", "Echo Show")).isNull();
		assertThat(ThresholdRules.NONE.lowStock("Berlin", "Echo Show")).isNull();
	}

}
