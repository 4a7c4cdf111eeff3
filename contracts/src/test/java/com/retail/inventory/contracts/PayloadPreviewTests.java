package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadPreviewTests {

	@Test
	void shortPayloadsAreShownWhole() {
		assertThat(PayloadPreview.of("{\"store\":\"Berlin\"}")).isEqualTo("{\"store\":\"Berlin\"}");
		assertThat(PayloadPreview.of("ü".getBytes(StandardCharsets.UTF_8))).isEqualTo("ü");
	}

	@Test
	void longPayloadsAreCutAfterTheLimit() {
		String text = "x".repeat(10_000);
		assertThat(PayloadPreview.of(text)).hasSize(PayloadPreview.MAX_CHARS + 3).endsWith("...");
		assertThat(PayloadPreview.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(PayloadPreview.of(text));
	}

}
