package com.retail.inventory.dashboard;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API over the low-stock thresholds, with
 * {@code Authorization: Bearer <Cognito ID or
 * access token>} as for the rest of {@code /api/**}. Users see the thresholds of their
 * stores and those for all stores; only members of the head-office group may set or
 * delete one (403 otherwise). A null or absent {@code store} / {@code item} stands for
 * all stores / all items. Errors are problem details whose {@code detail} says what was
 * wrong.
 */
@RestController
class ThresholdsApiController {

	private final ThresholdRepository thresholds;

	private final HeadOffice headOffice;

	ThresholdsApiController(ThresholdRepository thresholds, HeadOffice headOffice) {
		this.thresholds = thresholds;
		this.headOffice = headOffice;
	}

	/**
	 * @return every threshold: the global default first, then by store and item
	 */
	@GetMapping("/api/thresholds")
	List<Threshold> list(StoreAccess access) {
		return visible(this.thresholds.all(), access);
	}

	/**
	 * @param body {@code {"store": name or null, "item": name or null, "lowStock": 1 to
	 * 1000000000}}
	 * @return the threshold as stored
	 */
	@PutMapping("/api/thresholds")
	Threshold put(@RequestBody Map<String, Object> body, Authentication user) {
		this.headOffice.require(user);
		return this.thresholds.put(ThresholdRequest.fromJson(body), user.getName());
	}

	/**
	 * Deletes the threshold of a key given as query parameters ({@code ?store=&item=},
	 * either left out for all) or as a JSON body ({@code {"store": …, "item": …}}), not
	 * both.
	 * @return 204, or 404 when there is no such threshold
	 */
	@DeleteMapping("/api/thresholds")
	ResponseEntity<Void> delete(@RequestParam(required = false) String store,
			@RequestParam(required = false) String item, @RequestBody(required = false) Map<String, Object> body,
			Authentication user) {
		this.headOffice.require(user);
		ThresholdKey key;
		if (body != null) {
			if (store != null || item != null) {
				throw new ThresholdRequest.Invalid(
						"Give the threshold's store and item either as query parameters or as a JSON body, not both");
			}
			key = ThresholdRequest.keyFromJson(body);
		}
		else {
			key = ThresholdKey.of(store, item);
		}
		if (!this.thresholds.delete(key)) {
			throw new NoThreshold("No threshold for " + key.describe());
		}
		return ResponseEntity.noContent().build();
	}

	/** The thresholds of the user's stores and those for all stores. */
	static List<Threshold> visible(List<Threshold> thresholds, StoreAccess access) {
		return access.all() ? thresholds
				: thresholds.stream().filter((t) -> t.store() == null || access.allows(t.store())).toList();
	}

	@ExceptionHandler(ThresholdRequest.Invalid.class)
	ProblemDetail invalid(ThresholdRequest.Invalid ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body must be a JSON object like {\"store\": \"Berlin\" or null, \"item\": \"Echo Dot\" or null, "
						+ "\"lowStock\": 5}");
	}

	@ExceptionHandler(HeadOffice.NotMember.class)
	ProblemDetail forbidden(HeadOffice.NotMember ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(NoThreshold.class)
	ProblemDetail notFound(NoThreshold ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** There is no threshold with the key asked for. */
	static final class NoThreshold extends RuntimeException {

		NoThreshold(String message) {
			super(message);
		}

	}

}
