package com.retail.inventory.dashboard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.retail.inventory.contracts.UploadReport;
import java.util.List;

/**
 * One upload: its tracking item and what its report in S3 lists.
 *
 * @param summary the tracking item (its fields appear at the top level in JSON)
 * @param reportAvailable whether this upload's report was read; when not (not written
 * yet, or replaced by the report of a later upload of the same key) the lists are empty
 * @param errors the rejected rows the report lists
 * @param errorsTruncated whether more rows were rejected than listed
 * @param warningsList the report's warnings
 */
public record UploadDetail(@JsonUnwrapped UploadSummary summary, boolean reportAvailable,
		List<UploadReport.RowError> errors, boolean errorsTruncated, List<String> warningsList) {

	public UploadDetail {
		errors = (errors == null) ? List.of() : List.copyOf(errors);
		warningsList = (warningsList == null) ? List.of() : List.copyOf(warningsList);
	}

	/**
	 * @param summary the tracking item
	 * @param report its report, if it could be read
	 * @return the upload's details
	 */
	static UploadDetail of(UploadSummary summary, UploadReport report) {
		if (report == null) {
			return new UploadDetail(summary, false, List.of(), false, List.of());
		}
		return new UploadDetail(summary, true, report.errors(), report.errorsTruncated(), report.warnings());
	}

}
