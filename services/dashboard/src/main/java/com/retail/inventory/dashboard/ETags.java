package com.retail.inventory.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong entity tags made from content, so every replica gives the same data the same tag
 * (a client polling through a load balancer gets 304 whichever replica answers), and the
 * {@code If-None-Match} test.
 */
final class ETags {

	private ETags() {
	}

	/**
	 * @param bytes a representation
	 * @return its entity tag (quoted)
	 */
	static String of(byte[] bytes) {
		return builder().add(bytes).etag();
	}

	static Builder builder() {
		return new Builder();
	}

	/**
	 * @param ifNoneMatch the request's {@code If-None-Match}, or null
	 * @param etag the current entity tag (quoted)
	 * @return whether the client has it: {@code *}, or the tag among the listed ones
	 * (compared weakly, as RFC 9110 wants for If-None-Match)
	 */
	static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
			return false;
		}
		String current = opaque(etag);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || opaque(tag).equals(current)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param etag the tag of a body as it is (quoted)
	 * @return the tag of its gzip coding: another representation, so another strong tag,
	 * as RFC 9110 wants
	 */
	static String gzip(String etag) {
		return etag.substring(0, etag.length() - 1) + "-gzip\"";
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	/** A SHA-256 over parts, each length-prefixed so that no two sequences collide. */
	static final class Builder {

		private final MessageDigest digest;

		private Builder() {
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java runtime has SHA-256", ex);
			}
		}

		Builder add(String part) {
			return add((part != null) ? part.getBytes(StandardCharsets.UTF_8) : null);
		}

		Builder add(byte[] part) {
			if (part == null) {
				this.digest.update((byte) 0);
				return this;
			}
			this.digest.update((byte) 1);
			update(part.length);
			this.digest.update(part);
			return this;
		}

		Builder add(long number) {
			this.digest.update((byte) 2);
			update(number);
			return this;
		}

		private void update(long number) {
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.digest.update((byte) (number >>> shift));
			}
		}

		/** 128 bits of the hash, quoted. */
		String etag() {
			byte[] hash = Arrays.copyOf(this.digest.digest(), 16);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
		}

	}

}
