package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.UploadReport;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads upload reports ({@link UploadReport}) from the uploads bucket.
 */
@Component
class UploadReports {

	private static final Logger log = LoggerFactory.getLogger(UploadReports.class);

	/** Reads what later report versions add, and tolerates absent numbers. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final S3Client s3;

	private final String bucket;

	private final String reportsPrefix;

	UploadReports(S3Client s3, DashboardProperties properties) {
		this.s3 = s3;
		this.bucket = properties.uploads().bucket();
		this.reportsPrefix = properties.uploads().reportsPrefix();
	}

	/**
	 * The upload's report: at its {@code ReportKey}, or where ingest writes it when the
	 * item does not name one yet. A report belongs to the upload only if it names the
	 * upload: reports are kept per key, so a later upload of the same key replaces it.
	 * @param upload the upload
	 * @return its report, or empty when there is none (yet), it belongs to another upload
	 * or it cannot be read
	 */
	Optional<UploadReport> of(UploadSummary upload) {
		String key = upload.reportKey() != null ? upload.reportKey()
				: (upload.key() != null ? UploadReport.jsonKey(reportsPrefix, upload.key()) : null);
		if (key == null) {
			return Optional.empty();
		}
		byte[] json;
		try {
			json = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
		}
		catch (SdkException ex) {
			boolean missing = ex instanceof NoSuchKeyException
					|| (ex instanceof S3Exception s3Exception && s3Exception.statusCode() == 404);
			if (!missing) {
				// The page still shows the tracking item's counts.
				log.warn("Cannot read the report s3://{}/{}: {}", bucket, key, ex.toString());
			}
			return Optional.empty();
		}
		return parse(json, bucket, key).filter((report) -> {
			boolean same = report.uploadId() == null || report.uploadId().equals(upload.uploadId());
			if (!same) {
				log.debug("s3://{}/{} reports {}, not {}", bucket, key, report.uploadId(), upload.uploadId());
			}
			return same;
		});
	}

	static Optional<UploadReport> parse(byte[] json, String bucket, String key) {
		try {
			return Optional.ofNullable(JSON.readValue(json, UploadReport.class));
		}
		catch (JacksonException ex) {
			log.warn("The report s3://{}/{} is not an upload report: {}", bucket, key, ex.getOriginalMessage());
			return Optional.empty();
		}
	}

}
