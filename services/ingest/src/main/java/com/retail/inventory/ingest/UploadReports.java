package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.contracts.UploadReport;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts an upload's report next to it in the bucket, where the store reads it with the
 * tool it uploaded with: {@code <prefix><key>.json} and, when rows were rejected,
 * {@code <prefix><key>.rejected.csv}.
 */
class UploadReports {

	private final S3Client s3;

	private final String prefix;

	private final JsonMapper json = JsonMapper.builder().build();

	UploadReports(S3Client s3, String prefix) {
		this.s3 = s3;
		this.prefix = prefix;
	}

	/** The key of the upload's JSON report. */
	String reportKey(UploadRef upload) {
		return UploadReport.jsonKey(this.prefix, upload.key());
	}

	void write(UploadRef upload, UploadReport report) {
		this.s3.putObject((b) -> b.bucket(upload.bucket()).key(reportKey(upload)).contentType("application/json"),
				RequestBody.fromBytes(this.json.writeValueAsBytes(report)));
	}

	void writeRejectedRows(UploadRef upload, RejectedRowsFile rows) {
		rows.flush();
		this.s3.putObject((b) -> b.bucket(upload.bucket())
			.key(UploadReport.rejectedCsvKey(this.prefix, upload.key()))
			.contentType("text/csv; charset=utf-8"), RequestBody.fromFile(rows.path()));
	}

}
