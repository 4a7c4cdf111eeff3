package com.retail.inventory.dashboard;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;

/**
 * The user pool's password policy, to show it on the new-password page and to check a new
 * password with specific messages before Cognito does.
 *
 * @param minimumLength at least this many characters
 * @param uppercase needs an upper-case letter
 * @param lowercase needs a lower-case letter
 * @param numbers needs a digit
 * @param symbols needs one of {@link #SYMBOLS}
 */
record PasswordPolicy(int minimumLength, boolean uppercase, boolean lowercase, boolean numbers, boolean symbols) {

	/** The special characters Cognito counts as symbols. */
	static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

	/** Cognito's default policy, used when the pool's cannot be read. */
	static final PasswordPolicy COGNITO_DEFAULT = new PasswordPolicy(8, true, true, true, true);

	static PasswordPolicy of(PasswordPolicyType policy) {
		if (policy == null) {
			return COGNITO_DEFAULT;
		}
		return new PasswordPolicy((policy.minimumLength() != null) ? policy.minimumLength() : 8,
				Boolean.TRUE.equals(policy.requireUppercase()), Boolean.TRUE.equals(policy.requireLowercase()),
				Boolean.TRUE.equals(policy.requireNumbers()), Boolean.TRUE.equals(policy.requireSymbols()));
	}

	/** The rules, one sentence each, for the page. */
	List<String> rules() {
		List<String> rules = new ArrayList<>();
		rules.add("At least " + this.minimumLength + " characters");
		if (this.uppercase) {
			rules.add("An upper-case letter (A–Z)");
		}
		if (this.lowercase) {
			rules.add("A lower-case letter (a–z)");
		}
		if (this.numbers) {
			rules.add("A digit (0–9)");
		}
		if (this.symbols) {
			rules.add("A symbol such as ! @ # $ % ^ & * - _ = + ?");
		}
		return rules;
	}

	/** What the password lacks; empty when it meets the policy. */
	List<String> violations(String password) {
		List<String> violations = new ArrayList<>();
		if (password.codePointCount(0, password.length()) < this.minimumLength) {
			violations.add("The password must have at least " + this.minimumLength + " characters.");
		}
		if (this.uppercase && password.chars().noneMatch((c) -> c >= 'A' && c <= 'Z')) {
			violations.add("The password must contain an upper-case letter (A–Z).");
		}
		if (this.lowercase && password.chars().noneMatch((c) -> c >= 'a' && c <= 'z')) {
			violations.add("The password must contain a lower-case letter (a–z).");
		}
		if (this.numbers && password.chars().noneMatch((c) -> c >= '0' && c <= '9')) {
			violations.add("The password must contain a digit (0–9).");
		}
		if (this.symbols && password.chars().noneMatch((c) -> SYMBOLS.indexOf(c) >= 0)) {
			violations.add("The password must contain a symbol such as ! @ # $ % ^ & * - _ = + ?");
		}
		return violations;
	}

}
