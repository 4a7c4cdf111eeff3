package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;

/** The pool's password policy as the new-password page shows and checks it. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = PasswordPolicy.of(PasswordPolicyType.builder()
		.minimumLength(12)
		.requireUppercase(true)
		.requireLowercase(true)
		.requireNumbers(true)
		.requireSymbols(true)
		.build());

	@Test
	void listsEachRule() {
		assertThat(policy.rules()).hasSize(5).first().isEqualTo("At least 12 characters");
	}

	@Test
	void saysWhatAPasswordLacks() {
		assertThat(policy.violations("Inventory-2026!x")).isEmpty();
		assertThat(policy.violations("short")).containsExactly("The password must have at least 12 characters.",
				"The password must contain an upper-case letter (A–Z).", "The password must contain a digit (0–9).",
				"The password must contain a symbol such as ! @ # $ % ^ & * - _ = + ?");
		assertThat(policy.violations("ALLUPPERCASE2026!"))
			.containsExactly("The password must contain a lower-case letter (a–z).");
	}

	@Test
	void onlyWhatThePoolRequires() {
		PasswordPolicy lenient = PasswordPolicy.of(PasswordPolicyType.builder().minimumLength(6).build());
		assertThat(lenient.rules()).containsExactly("At least 6 characters");
		assertThat(lenient.violations("abcdef")).isEmpty();
		assertThat(PasswordPolicy.of(null)).isEqualTo(PasswordPolicy.COGNITO_DEFAULT);
	}

}
