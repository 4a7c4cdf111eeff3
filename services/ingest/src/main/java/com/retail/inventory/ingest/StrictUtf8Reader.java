package com.retail.inventory.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else: a byte sequence that is not UTF-8 (a Latin-1
 * {@code ü}, a truncated character) fails the file with its byte offset, where a plain
 * reader would put U+FFFD in the data. A UTF-8 byte order mark is fine (the CSV reader
 * strips it).
 */
final class StrictUtf8Reader extends Reader {

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

	/** Bytes of the input already decoded (the offset of {@link #bytes}' position). */
	private long consumed;

	private boolean eof;

	private boolean flushed;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (out.position() == offset) {
			if (!this.bytes.hasRemaining() && !this.eof) {
				fill();
			}
			if (this.eof && !this.bytes.hasRemaining()) {
				if (!this.flushed) {
					check(this.decoder.decode(this.bytes, out, true));
					check(this.decoder.flush(out));
					this.flushed = true;
				}
				return (out.position() == offset) ? -1 : out.position() - offset;
			}
			int before = this.bytes.position();
			CoderResult result = this.decoder.decode(this.bytes, out, this.eof);
			this.consumed += this.bytes.position() - before;
			check(result);
			if (result.isUnderflow() && this.bytes.hasRemaining() && !this.eof) {
				// An incomplete character at the end of the chunk: read more behind it.
				fill();
			}
		}
		return out.position() - offset;
	}

	private void fill() throws IOException {
		this.bytes.compact();
		int n = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (n < 0) {
			this.eof = true;
		}
		else {
			this.bytes.position(this.bytes.position() + n);
		}
		this.bytes.flip();
	}

	private void check(CoderResult result) {
		if (result.isError()) {
			throw new UnreadableUploadException(String.format(
					"the file is not UTF-8: byte %,d (0x%02X) does not start or continue a UTF-8 character; save it "
							+ "as UTF-8 (with or without BOM) and upload it again",
					this.consumed, this.bytes.get(this.bytes.position()) & 0xFF));
		}
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
