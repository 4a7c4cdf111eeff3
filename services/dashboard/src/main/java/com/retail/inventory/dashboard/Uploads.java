package com.retail.inventory.dashboard;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The uploads as the API and the pages show them: the tracking table for the list, plus
 * the report from S3 for one upload.
 */
@Component
class Uploads {

	private final UploadRepository repository;

	private final UploadReports reports;

	Uploads(UploadRepository repository, UploadReports reports) {
		this.repository = repository;
		this.reports = reports;
	}

	List<UploadSummary> latest(UploadQuery query) {
		return repository.latest(query);
	}

	/**
	 * @param id an upload's {@link UploadSummary#id()}
	 * @return the upload and its report's errors and warnings
	 * @throws NotFound when the id is not one or names no upload
	 */
	UploadDetail detail(String id) {
		String uploadId = UploadIds.decode(id).orElseThrow(() -> new NotFound("'" + id + "' is not an upload id"));
		UploadSummary summary = repository.find(uploadId)
			.orElseThrow(() -> new NotFound("No upload with id '" + id + "' (" + uploadId + ")"));
		return UploadDetail.of(summary, reports.of(summary).orElse(null));
	}

	/** No such upload; the message says which. */
	static final class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

}
