package com.retail.inventory.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The text of an uploaded object: gunzipped when it is gzip (its first bytes say so, or
 * its Content-Encoding does), then decoded as strict UTF-8. A Content-Encoding of gzip on
 * data that is not gzip, or gzip data that is corrupt or cut short, rejects the file with
 * {@link UnreadableUploadException}; so does text that is not UTF-8.
 */
final class UploadContent {

	private static final int GZIP_MAGIC_1 = 0x1f;

	private static final int GZIP_MAGIC_2 = 0x8b;

	private UploadContent() {
	}

	/**
	 * @param bytes the object's bytes
	 * @param contentEncoding its Content-Encoding header, or null
	 */
	static Reader text(InputStream bytes, String contentEncoding) throws IOException {
		BufferedInputStream in = new BufferedInputStream(bytes, 64 * 1024);
		in.mark(2);
		boolean gzipMagic = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
		in.reset();
		boolean declaredGzip = contentEncoding != null && contentEncoding.toLowerCase(Locale.ROOT).contains("gzip");
		if (declaredGzip && !gzipMagic) {
			throw new UnreadableUploadException(
					"the object's Content-Encoding is gzip, but its data is not gzip (upload it without "
							+ "--content-encoding, or compress it)");
		}
		return new StrictUtf8Reader(gzipMagic ? new Gunzipped(in) : in);
	}

	/** gzip data whose corruption is the file's fault, not the network's. */
	private static final class Gunzipped extends FilterInputStream {

		private final CountingInputStream compressed;

		Gunzipped(InputStream in) throws IOException {
			this(new CountingInputStream(in));
		}

		private Gunzipped(CountingInputStream compressed) throws IOException {
			super(open(compressed));
			this.compressed = compressed;
		}

		private static InputStream open(CountingInputStream compressed) throws IOException {
			try {
				return new GZIPInputStream(compressed, 64 * 1024);
			}
			catch (ZipException | EOFException ex) {
				throw new UnreadableUploadException("the file looks like gzip but is not valid gzip data: " + ex, ex);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (ZipException | EOFException ex) {
				throw new UnreadableUploadException(
						String.format("the gzip data is corrupt or cut short after %,d compressed bytes (%s)",
								this.compressed.count, ex.getMessage()),
						ex);
			}
		}

	}

	/** Counts the bytes read through it. */
	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
