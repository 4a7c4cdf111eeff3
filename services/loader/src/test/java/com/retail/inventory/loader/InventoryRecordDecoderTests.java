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
		var decoded = this.decoder.decode(bytes("""
				{"schemaVersion":1,"store":"Berlin","item":"Echo Dot","count":12,"rowNumber":1,"futureField":true,
				 "upload":{"id":"b/k#e","bucket":"b","key":"k","eTag":"e"}}"""));
		assertThat(decoded.problem()).isNull();
		assertThat(decoded.event().store()).isEqualTo("Berlin");
		assertThat(decoded.event().count()).isEqualTo(12);
		assertThat(decoded.event().upload().id()).isEqualTo("b/k#e");
	}

	@Test
	void saysWhyARecordBreaksTheContract() {
		assertThat(this.decoder.decode(bytes("not json")).problem()).startsWith("not JSON of the inventory-record");
		assertThat(this.decoder.decode(bytes("{\"store\":\"Berlin\",\"count\":1}")).problem()).isNotNull();
		assertThat(this.decoder.decode(bytes("""
				{"schemaVersion":1,"store":"Berlin","item":"Echo","count":-3,"rowNumber":1,"upload":{"id":"x"}}"""))
			.problem()).isEqualTo("breaks the inventory-record contract: count is negative");
		assertThat(this.decoder.decode(bytes("""
				{"schemaVersion":1,"store":"Berlin","item":"Echo","count":3,"rowNumber":1}""")).problem())
			.endsWith("upload id is required");
	}

}
