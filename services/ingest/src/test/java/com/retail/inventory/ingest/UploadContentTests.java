package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Encodings and compression of an upload (README, validation policy). */
class UploadContentTests {

	private static String text(byte[] bytes, String contentEncoding) throws IOException {
		StringWriter out = new StringWriter();
		try (Reader reader = UploadContent.text(new ByteArrayInputStream(bytes), contentEncoding)) {
			reader.transferTo(out);
		}
		return out.toString();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		return out.toByteArray();
	}

	private static final String CSV = "\uFEFFstore,item,count\nMünchen,Echo Dot,3\n東京,Echo 🔊,4\n";

	@Test
	void utf8WithOrWithoutBomIsReadAsIs() throws IOException {
		assertThat(text(CSV.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(CSV);
		assertThat(text(CSV.substring(1).getBytes(StandardCharsets.UTF_8), null)).isEqualTo(CSV.substring(1));
	}

	@Test
	void anythingElseIsRejectedWithTheByteOffsetNeverReplaced() {
		byte[] latin1 = "store,item,count\nMünchen,Echo Dot,3\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> text(latin1, null)).isInstanceOf(UnreadableUploadException.class)
			.hasMessageStartingWith(
					"the file is not UTF-8: byte 18 (0xFC) does not start or continue a UTF-8 character");

		// Cut inside the last character (a 4-byte emoji).
		byte[] cut = Arrays.copyOf(CSV.getBytes(StandardCharsets.UTF_8),
				CSV.getBytes(StandardCharsets.UTF_8).length - 5);
		assertThatThrownBy(() -> text(cut, null)).isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("is not UTF-8");
	}

	@Test
	void gzipIsReadWhenTheDataIsGzipWhateverTheHeaders() throws IOException {
		byte[] zipped = gzip(CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(text(zipped, null)).isEqualTo(CSV);
		assertThat(text(zipped, "gzip")).isEqualTo(CSV);
	}

	@Test
	void aGzipContentEncodingOnPlainDataIsRejected() {
		assertThatThrownBy(() -> text(CSV.getBytes(StandardCharsets.UTF_8), "gzip"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("Content-Encoding is gzip, but its data is not gzip");
	}

	@Test
	void corruptOrTruncatedGzipIsRejected() throws IOException {
		byte[] zipped = gzip(CSV.repeat(200).getBytes(StandardCharsets.UTF_8));
		byte[] truncated = Arrays.copyOf(zipped, zipped.length / 2);
		assertThatThrownBy(() -> text(truncated, null)).isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("gzip data is corrupt or cut short");
		byte[] corrupt = zipped.clone();
		for (int i = 20; i < 40; i++) {
			corrupt[i] = (byte) 0xFF;
		}
		assertThatThrownBy(() -> text(corrupt, null)).isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("gzip");
	}

}
