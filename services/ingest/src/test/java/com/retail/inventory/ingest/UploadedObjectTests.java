package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.UploadRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class UploadedObjectTests {

	private static final byte[] CONTENT = "store,item,count\nBerlin,Echo Dot,12\nBerlin,Echo Plus,0\n"
		.getBytes(StandardCharsets.UTF_8);

	private static final UploadRef UPLOAD = UploadRef.of("inventory-uploads", "berlin.csv", null, "abc", null,
			"2026-12-02T10:00:00Z");

	private final List<GetObjectRequest> requests = new ArrayList<>();

	/**
	 * S3 whose connections break after {@code cutAfter} bytes, the first {@code cuts}
	 * times.
	 */
	private S3Client s3(int cutAfter, int cuts) {
		return new S3Client() {
			@Override
			public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
				UploadedObjectTests.this.requests.add(request);
				int from = (request.range() != null) ? Integer.parseInt(request.range().replaceAll("\\D", "")) : 0;
				boolean cut = UploadedObjectTests.this.requests.size() <= cuts;
				InputStream body = new ByteArrayInputStream(CONTENT, from, CONTENT.length - from) {
					private int read;

					@Override
					public synchronized int read(byte[] buffer, int offset, int length) {
						if (cut && this.read >= cutAfter) {
							throw new UncheckedSocketReset();
						}
						int n = super.read(buffer, offset, cut ? Math.min(length, cutAfter - this.read) : length);
						this.read += Math.max(n, 0);
						return n;
					}
				};
				return new ResponseInputStream<>(GetObjectResponse.builder()
					.contentLength((long) CONTENT.length - from)
					.lastModified(Instant.parse("2026-12-02T10:00:01Z"))
					.build(), AbortableInputStream.create(new InputStream() {
						@Override
						public int read() throws IOException {
							byte[] one = new byte[1];
							return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
						}

						@Override
						public int read(byte[] buffer, int offset, int length) throws IOException {
							try {
								return body.read(buffer, offset, length);
							}
							catch (UncheckedSocketReset reset) {
								throw new SocketException("Connection reset");
							}
						}
					}));
			}

			@Override
			public String serviceName() {
				return "s3";
			}

			@Override
			public void close() {
			}
		};
	}

	@Test
	void aReadCutMidwayResumesWhereItStoppedWithARangedGetOfTheSameUpload() throws IOException {
		try (UploadedObject object = UploadedObject.open(s3(20, 2), UPLOAD)) {
			assertThat(object.readAllBytes()).isEqualTo(CONTENT);
		}
		assertThat(this.requests).extracting(GetObjectRequest::range).containsExactly(null, "bytes=20-", "bytes=40-");
		assertThat(this.requests).allSatisfy((request) -> assertThat(request.ifMatch()).isEqualTo("\"abc\""));
	}

	@Test
	void aConnectionThatKeepsBreakingFailsTheUploadWithTheIoError() {
		assertThatThrownBy(() -> {
			try (UploadedObject object = UploadedObject.open(s3(5, 100), UPLOAD)) {
				object.readAllBytes();
			}
		}).isInstanceOf(SocketException.class).hasMessage("Connection reset");
		assertThat(this.requests).hasSize(1 + UploadedObject.MAX_RESUMES);
	}

	@Test
	void aKeyThatNowHoldsAnotherUploadOrNothingIsSuperseded() {
		assertThatThrownBy(() -> UploadedObject
			.open(failing(S3Exception.builder().statusCode(412).message("Precondition Failed").build()), UPLOAD))
			.isInstanceOf(UploadSupersededException.class)
			.hasMessageContaining("now holds another upload");
		assertThatThrownBy(
				() -> UploadedObject.open(failing(NoSuchKeyException.builder().message("gone").build()), UPLOAD))
			.isInstanceOf(UploadSupersededException.class)
			.hasMessageContaining("no longer exists");
	}

	/** S3 that answers every GetObject with the failure. */
	private static S3Client failing(Throwable failure) {
		return new S3Client() {
			@Override
			public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
				throw (RuntimeException) failure;
			}

			@Override
			public String serviceName() {
				return "s3";
			}

			@Override
			public void close() {
			}
		};
	}

	@Test
	void aVersionedUploadIsReadByItsVersion() throws IOException {
		UploadRef versioned = UploadRef.of("inventory-uploads", "berlin.csv", "v7", "abc", null, null);
		try (UploadedObject object = UploadedObject.open(s3(1000, 0), versioned)) {
			assertThat(object.readAllBytes()).isEqualTo(CONTENT);
			assertThat(object.lastModified()).isEqualTo(Instant.parse("2026-12-02T10:00:01Z"));
		}
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request.versionId()).isEqualTo("v7");
			assertThat(request.ifMatch()).isNull();
		});
	}

	private static final class UncheckedSocketReset extends RuntimeException {

	}

}
