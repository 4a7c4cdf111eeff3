package com.retail.inventory.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A serialized response body and its entity tag, made once and served many times; also
 * gzip-compressed, once, for clients that accept it (a 10,000-item store is about 1.3 MB
 * of JSON and 5 % of that compressed; compressing per request would cost more CPU than
 * the whole answer).
 */
final class Representation {

	/** Smaller bodies are sent as they are: compression would save next to nothing. */
	static final int MIN_GZIP_BYTES = 2048;

	private final byte[] bytes;

	private final String etag;

	private volatile byte[] gzipped;

	/**
	 * @param bytes the body
	 * @param etag its entity tag (quoted)
	 */
	Representation(byte[] bytes, String etag) {
		this.bytes = bytes;
		this.etag = etag;
	}

	/**
	 * @return the bytes with an entity tag of their content
	 */
	static Representation of(byte[] bytes) {
		return new Representation(bytes, ETags.of(bytes));
	}

	byte[] bytes() {
		return this.bytes;
	}

	/** The entity tag of the body as it is. */
	String etag() {
		return this.etag;
	}

	/** Whether it is worth compressing. */
	boolean compressible() {
		return this.bytes.length >= MIN_GZIP_BYTES;
	}

	/** The body gzip-compressed: made on first use, then kept. */
	byte[] gzipped() {
		byte[] gzipped = this.gzipped;
		if (gzipped == null) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.bytes.length / 8 + 64);
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(this.bytes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			gzipped = out.toByteArray();
			this.gzipped = gzipped;
		}
		return gzipped;
	}

}
