package com.retail.inventory.dashboard;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API over the upload tracking: {@code Authorization: Bearer <Cognito ID or access
 * token>} or the session cookie, as for the rest of {@code /api/**}. A user sees the
 * uploads that name any of their stores (head office: all). Errors are problem details
 * ({@code application/problem+json}) whose {@code detail} says what was wrong.
 */
@RestController
class UploadsApiController {

	private final Uploads uploads;

	UploadsApiController(Uploads uploads) {
		this.uploads = uploads;
	}

	/**
	 * @param store only uploads whose accepted rows name this store
	 * @param status only uploads with this {@code UploadStatus}
	 * @param limit 1 to 200, default 50
	 * @return the newest matching uploads, newest first
	 */
	@GetMapping("/api/uploads")
	List<UploadSummary> uploads(@RequestParam(required = false) String store,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit,
			StoreAccess access) {
		return uploads.latest(UploadQuery.parse(store, status, limit), access);
	}

	/**
	 * @param id an upload's {@code id} (URL-safe base64 of its {@code uploadId})
	 * @return the upload with the errors and warnings of its report
	 */
	@GetMapping("/api/uploads/{id}")
	UploadDetail upload(@PathVariable String id, StoreAccess access) {
		return uploads.detail(id, access);
	}

	@ExceptionHandler(UploadQuery.Invalid.class)
	ProblemDetail invalidQuery(UploadQuery.Invalid ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(Uploads.NotFound.class)
	ProblemDetail notFound(Uploads.NotFound ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

}
