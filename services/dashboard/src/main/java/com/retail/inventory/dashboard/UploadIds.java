package com.retail.inventory.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Upload ids in URLs: an {@code UploadId} ({@code bucket/key#eTag@time} or
 * {@code bucket/key?versionId=v}) has slashes, {@code #} and {@code ?}, so paths carry it
 * as unpadded URL-safe base64 of its UTF-8 bytes.
 */
final class UploadIds {

	private UploadIds() {
	}

	/**
	 * @param uploadId an {@code UploadId}
	 * @return its path-safe form ({@code [A-Za-z0-9_-]*})
	 */
	static String encode(String uploadId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(uploadId.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param id what {@link #encode} made
	 * @return the {@code UploadId}, or empty when {@code id} is not unpadded URL-safe
	 * base64 of UTF-8 text
	 */
	static Optional<String> decode(String id) {
		if (id == null || id.isEmpty() || !id.chars().allMatch(UploadIds::isUrlSafeBase64)) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	private static boolean isUrlSafeBase64(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
