package com.retail.inventory.loader;

import com.retail.inventory.contracts.UploadReport;
import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives an upload's report its final status once the loader has marked the upload final:
 * ingest wrote the report (counts, errors, warnings) when it had read the file; this adds
 * the status, the rows loaded and the time.
 */
class UploadReportFinisher {

	private static final Logger log = LoggerFactory.getLogger(UploadReportFinisher.class);

	private final S3Client s3;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	UploadReportFinisher(S3Client s3) {
		this.s3 = s3;
	}

	/**
	 * @param finished the upload's tracking item, in its final status
	 */
	void finish(UploadProgress.Finished finished) {
		Map<String, AttributeValue> item = finished.item();
		String bucket = text(item, UploadsTable.BUCKET);
		String key = text(item, UploadsTable.REPORT_KEY);
		String status = text(item, UploadsTable.STATUS);
		if (bucket == null || key == null) {
			log.warn("Upload {}: no report key in its tracking item; no report written", finished.uploadId());
			return;
		}
		UploadReport report;
		try {
			report = this.json.readValue(this.s3.getObjectAsBytes((b) -> b.bucket(bucket).key(key)).asByteArray(),
					UploadReport.class);
		}
		catch (S3Exception ex) {
			// A missing object is a 404, or a 403 to a role without s3:ListBucket (as the
			// loader's in AWS). Ingest writes the report before the last rows; without it
			// (deleted by hand?), the counts still tell the store the outcome.
			if (!(ex instanceof NoSuchKeyException) && ex.statusCode() != 404 && ex.statusCode() != 403) {
				throw ex;
			}
			report = fromItem(finished.uploadId(), item);
		}
		if (!finished.uploadId().equals(report.uploadId())) {
			log.info("Upload {}: its report was replaced by that of a newer upload of the same key ({})",
					finished.uploadId(), report.uploadId());
			return;
		}
		if (status.equals(report.status())) {
			return;
		}
		UploadReport done = report.finished(UploadStatus.valueOf(status), text(item, UploadsTable.REASON),
				UploadProgress.number(item, UploadsTable.ROWS_LOADED), text(item, UploadsTable.FINISHED_AT));
		this.s3.putObject((b) -> b.bucket(bucket).key(key).contentType("application/json"),
				RequestBody.fromBytes(this.json.writeValueAsBytes(done)));
	}

	private static UploadReport fromItem(String uploadId, Map<String, AttributeValue> item) {
		long rejected = UploadProgress.number(item, UploadsTable.ROWS_REJECTED);
		return new UploadReport(uploadId, text(item, UploadsTable.BUCKET), text(item, UploadsTable.KEY), null, null,
				UploadProgress.number(item, UploadsTable.ROWS_TOTAL),
				UploadProgress.number(item, UploadsTable.ROWS_ACCEPTED), rejected, 0, List.of(), rejected > 0,
				List.of(), text(item, UploadsTable.STARTED_AT), null);
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null) ? value.s() : null;
	}

}
