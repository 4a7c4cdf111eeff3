package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bytes of exactly the announced upload, streamed from S3. A read that fails midway
 * (a reset connection, a timeout) is resumed where it stopped with a ranged GET of the
 * same object version, a few times, so a large file is not read again from the start;
 * when that does not help, the {@link IOException} propagates and the notification is
 * retried.
 *
 * <p>
 * Versioned buckets are read by version id; otherwise the read is conditional on the
 * announced eTag, so a key overwritten meanwhile is never read in place of the announced
 * upload ({@link UploadSupersededException}).
 */
final class UploadedObject extends InputStream {

	private static final Logger log = LoggerFactory.getLogger(UploadedObject.class);

	static final int MAX_RESUMES = 3;

	private final S3Client s3;

	private final UploadRef upload;

	private ResponseInputStream<GetObjectResponse> current;

	private final GetObjectResponse first;

	private long position;

	private int resumes;

	private boolean ended;

	private UploadedObject(S3Client s3, UploadRef upload) {
		this.s3 = s3;
		this.upload = upload;
		this.current = get(0);
		this.first = this.current.response();
	}

	/**
	 * Starts reading the upload.
	 * @throws UploadSupersededException when the object no longer holds the announced
	 * upload (deleted, expired or overwritten)
	 */
	static UploadedObject open(S3Client s3, UploadRef upload) {
		return new UploadedObject(s3, upload);
	}

	/**
	 * When S3 last modified the object: the upload's time when its notification lacks
	 * one.
	 */
	Instant lastModified() {
		return this.first.lastModified();
	}

	/** The object's Content-Encoding, or null. */
	String contentEncoding() {
		return this.first.contentEncoding();
	}

	/** Bytes read so far. */
	long position() {
		return this.position;
	}

	private ResponseInputStream<GetObjectResponse> get(long from) {
		GetObjectRequest.Builder request = GetObjectRequest.builder()
			.bucket(this.upload.bucket())
			.key(this.upload.key());
		if (this.upload.versionId() != null) {
			request.versionId(this.upload.versionId());
		}
		else if (this.upload.eTag() != null) {
			request.ifMatch(quoted(this.upload.eTag()));
		}
		if (from > 0) {
			request.range("bytes=" + from + "-");
		}
		try {
			return this.s3.getObject(request.build());
		}
		catch (NoSuchKeyException ex) {
			throw new UploadSupersededException(this.upload, "it no longer exists in S3", ex);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 412) {
				throw new UploadSupersededException(this.upload, "the key now holds another upload", ex);
			}
			throw ex;
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		while (true) {
			try {
				int n = this.current.read(buffer, offset, length);
				if (n > 0) {
					this.position += n;
				}
				this.ended = n < 0;
				return n;
			}
			catch (IOException ex) {
				resume(ex);
			}
		}
	}

	private void resume(IOException failure) throws IOException {
		if (this.resumes >= MAX_RESUMES || this.position >= this.first.contentLength()) {
			throw failure;
		}
		this.resumes++;
		log.warn("Reading {} failed after {} bytes ({}); resuming there (attempt {} of {})", this.upload.id(),
				this.position, failure.toString(), this.resumes, MAX_RESUMES);
		this.current.abort();
		try {
			this.current = get(this.position);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			throw failure;
		}
	}

	@Override
	public void close() throws IOException {
		if (!this.ended) {
			// Abort rather than drain: a file given up halfway need not be read to its
			// end.
			this.current.abort();
		}
		this.current.close();
	}

	private static String quoted(String eTag) {
		return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
	}

}
