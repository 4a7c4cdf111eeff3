package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RepresentationTests {

	private static final Representation LARGE = Representation.of("[1],".repeat(1000).getBytes(StandardCharsets.UTF_8));

	private static final Representation SMALL = Representation.of("[1]".getBytes(StandardCharsets.UTF_8));

	@Test
	void aLargeBodyIsCompressedOnceAndUnderATagOfItsOwn() throws Exception {
		byte[] gzipped = LARGE.gzipped();
		assertThat(LARGE.gzipped()).isSameAs(gzipped);
		assertThat(gzipped.length).isLessThan(LARGE.bytes().length / 10);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			assertThat(in.readAllBytes()).isEqualTo(LARGE.bytes());
		}
		assertThat(ETags.gzip("\"abc\"")).isEqualTo("\"abc-gzip\"");
	}

	@Test
	void gzipOnlyWhenTheClientAcceptsItAndTheBodyIsWorthIt() {
		assertThat(InventoryApiController.gzip("gzip, deflate, br", LARGE)).isTrue();
		assertThat(InventoryApiController.gzip("br;q=1.0, GZIP;q=0.5", LARGE)).isTrue();
		assertThat(InventoryApiController.gzip("gzip;q=0", LARGE)).isFalse();
		assertThat(InventoryApiController.gzip("gzip; q=0.0", LARGE)).isFalse();
		assertThat(InventoryApiController.gzip("deflate", LARGE)).isFalse();
		assertThat(InventoryApiController.gzip(null, LARGE)).isFalse();
		assertThat(InventoryApiController.gzip("gzip", SMALL)).isFalse();
	}

}
