package com.retail.inventory.local;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The six-digit codes an authenticator app shows for a Cognito software token secret (RFC
 * 6238 TOTP: HMAC-SHA1, 30 s steps, the secret in base 32), for tests that sign in with
 * MFA (the local moto_server checks the codes).
 */
public final class TotpCodes {

	public static final int STEP_SECONDS = 30;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private TotpCodes() {
	}

	/**
	 * The current code, taken at least 3 s before its step ends (waiting for the next
	 * step if needed), so it is still valid when it arrives.
	 */
	public static String current(String base32Secret) {
		long secondInStep = Instant.now().getEpochSecond() % STEP_SECONDS;
		if (secondInStep > STEP_SECONDS - 3) {
			Emulators.sleep(Duration.ofSeconds(STEP_SECONDS - secondInStep + 1));
		}
		return at(base32Secret, Instant.now());
	}

	/** The code at that time. */
	public static String at(String base32Secret, Instant time) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
			byte[] hash = mac
				.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(time.getEpochSecond() / STEP_SECONDS).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base32) {
		String text = base32.replace("=", "").toUpperCase();
		ByteBuffer bytes = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not base 32: " + base32);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return bytes.array();
	}

}
