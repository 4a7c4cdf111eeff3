package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The authenticator codes against the RFC 6238 test vector (SHA-1). */
class TotpCodesTests {

	@Test
	void matchesTheRfcTestVector() {
		// Base32 of the ASCII secret "12345678901234567890".
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
		assertThat(TotpCodes.at(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(TotpCodes.at(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
	}

}
