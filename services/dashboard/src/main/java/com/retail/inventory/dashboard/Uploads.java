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
	 * The newest uploads the user may see: those naming any of their stores (head office
	 * sees all, also those that name no store yet).
	 * @throws StoreAccess.Denied when the query names a store the user may not see
	 */
	List<UploadSummary> latest(UploadQuery query, StoreAccess access) {
		if (query.store() != null) {
			access.require(query.store());
		}
		if (access.all()) {
			return repository.latest(query);
		}
		return repository.latest(query).stream().filter((upload) -> access.allowsAny(upload.stores())).toList();
	}

	/**
	 * One upload, when the user may see it.
	 * @throws StoreAccess.Denied when it names none of the user's stores
	 */
	UploadDetail detail(String id, StoreAccess access) {
		UploadDetail detail = detail(id);
		if (!access.allowsAny(detail.summary().stores())) {
			throw new StoreAccess.Denied("You cannot see this upload: it names none of your stores");
		}
		return detail;
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
