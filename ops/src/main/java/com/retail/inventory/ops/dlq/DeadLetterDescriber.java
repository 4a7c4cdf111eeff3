package com.retail.inventory.ops.dlq;

import com.retail.inventory.contracts.UploadNotifications;
import com.retail.inventory.contracts.UploadRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says why each dead letter is where it is: for the records queue, what the loader put in
 * the message attributes; for the upload-events queue, the uploads the S3 notification
 * names and, when the uploads table has them, their status and reason (ingest marks an
 * upload FAILED with the reason on its last delivery).
 */
public final class DeadLetterDescriber {

	/** The message attributes the loader's DeadLetters sets, in the order shown. */
	static final List<String> RECORD_ATTRIBUTES = List.of("stream", "shard", "sequenceNumber", "partitionKey",
			"truncatedFromBytes");

	private final Function<Set<String>, Map<String, UploadState>> uploads;

	/**
	 * @param uploads the uploads table's states by upload id (e.g.
	 * {@link UploadLookup#states})
	 */
	public DeadLetterDescriber(Function<Set<String>, Map<String, UploadState>> uploads) {
		this.uploads = uploads;
	}

	public List<DeadLetterRow> describe(DeadLetterSource source, List<DeadLetter> letters) {
		if (source == DeadLetterSource.RECORDS) {
			return letters.stream().map(DeadLetterDescriber::record).toList();
		}
		Set<String> ids = new HashSet<>();
		for (DeadLetter letter : letters) {
			uploadsOf(letter).forEach((upload) -> ids.add(upload.id()));
		}
		Map<String, UploadState> states = ids.isEmpty() ? Map.of() : this.uploads.apply(ids);
		return letters.stream().map((letter) -> upload(letter, states)).toList();
	}

	static DeadLetterRow record(DeadLetter letter) {
		Map<String, String> details = new LinkedHashMap<>();
		for (String name : RECORD_ATTRIBUTES) {
			String value = letter.attribute(name);
			if (value != null) {
				details.put(name, value);
			}
		}
		String reason = letter.attribute("reason");
		return row(letter, (reason != null) ? reason : "(no reason attribute)", details);
	}

	static DeadLetterRow upload(DeadLetter letter, Map<String, UploadState> states) {
		List<UploadRef> uploads;
		try {
			uploads = UploadNotifications.uploads(letter.body());
		}
		catch (IllegalArgumentException ex) {
			return row(letter, ex.getMessage(), Map.of());
		}
		if (uploads.isEmpty()) {
			return row(letter, "S3 notification without an ObjectCreated record (e.g. s3:TestEvent)", Map.of());
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("bucket", join(uploads, UploadRef::bucket));
		details.put("key", join(uploads, UploadRef::key));
		details.put("uploadId", join(uploads, UploadRef::id));
		details.put("status", join(uploads, (upload) -> {
			UploadState state = states.get(upload.id());
			return (state != null) ? state.status() : "(not in the uploads table)";
		}));
		String reason = join(uploads, (upload) -> {
			UploadState state = states.get(upload.id());
			if (state == null) {
				return "ingest did not record this upload";
			}
			return (state.reason() != null) ? state.reason() : "(no reason recorded)";
		});
		return row(letter, reason, details);
	}

	private static String join(List<UploadRef> uploads, Function<UploadRef, String> value) {
		return uploads.stream().map(value).collect(Collectors.joining("; "));
	}

	private static DeadLetterRow row(DeadLetter letter, String reason, Map<String, String> details) {
		return new DeadLetterRow(letter.queue(), letter.messageId(), letter.sentAt(), letter.firstReceivedAt(),
				letter.receiveCount(), reason, details);
	}

	private static List<UploadRef> uploadsOf(DeadLetter letter) {
		try {
			return UploadNotifications.uploads(letter.body());
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

}
