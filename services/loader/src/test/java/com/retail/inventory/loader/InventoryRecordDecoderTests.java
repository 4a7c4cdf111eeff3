package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InventoryRecordDecoderTests {

	private final InventoryRecordDecoder decoder = new InventoryRecordDecoder();

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void decodesAnEventAndIgnoresFieldsAddedLater() {
		var event = decoder.decode(bytes("""
				{"schemaVersion":1,"store":"Berlin","item":"Echo Dot","count":12,"rowNumber":1,"futureField":true,
				 "upload":{"id":"b/k#e","bucket":"b","key":"k","eTag":"e"}}""")).orElseThrow();
		assertThat(event.store()).isEqualTo("Berlin");
		assertThat(event.count()).isEqualTo(12);
		assertThat(event.upload().id()).isEqualTo("b/k#e");
	}

	@Test
	void skipsRecordsThatBreakTheContract() {
		assertThat(decoder.decode(bytes("not json"))).isEmpty();
		assertThat(decoder.decode(bytes("{\"store\":\"Berlin\",\"count\":1}"))).isEmpty();
		assertThat(decoder.decode(bytes("""
				{"store":"Berlin","item":"Echo","count":-3,"upload":{"id":"x"}}"""))).isEmpty();
	}

}
