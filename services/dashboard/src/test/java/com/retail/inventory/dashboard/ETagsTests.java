package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ETagsTests {

	@Test
	void theSameContentHasTheSameStrongTag() {
		String tag = ETags.of("[1]".getBytes(StandardCharsets.UTF_8));
		assertThat(tag).startsWith("\"").endsWith("\"").hasSize(24);
		assertThat(ETags.of("[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo(tag);
		assertThat(ETags.of("[2]".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(tag);
		// Parts are length-prefixed: "ab"+"c" is not "a"+"bc".
		assertThat(ETags.builder().add("ab").add("c").etag()).isNotEqualTo(ETags.builder().add("a").add("bc").etag());
		assertThat(ETags.builder().add((String) null).etag()).isNotEqualTo(ETags.builder().add("").etag());
	}

	@Test
	void ifNoneMatchMatchesTheTagAmongOthersWeaklyOrStar() {
		String tag = "\"abc\"";
		assertThat(ETags.matches(null, tag)).isFalse();
		assertThat(ETags.matches("", tag)).isFalse();
		assertThat(ETags.matches("\"abc\"", tag)).isTrue();
		assertThat(ETags.matches("W/\"abc\"", tag)).isTrue();
		assertThat(ETags.matches("\"x\", \"abc\"", tag)).isTrue();
		assertThat(ETags.matches("*", tag)).isTrue();
		assertThat(ETags.matches("\"abcd\"", tag)).isFalse();
		assertThat(ETags.matches("abc", tag)).isFalse();
	}

}
