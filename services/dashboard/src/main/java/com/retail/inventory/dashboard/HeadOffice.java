package com.retail.inventory.dashboard;

import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who may change thresholds: members of the head-office Cognito group
 * ({@code inventory.resources.head-office-group}), as the {@code cognito:groups} claim of
 * the bearer token (API) or of the ID token of the web sign-in (pages) says.
 */
@Component
class HeadOffice {

	private final String group;

	@Autowired
	HeadOffice(DashboardProperties properties) {
		this(properties.headOfficeGroup());
	}

	HeadOffice(String group) {
		this.group = group;
	}

	String group() {
		return this.group;
	}

	/**
	 * @return whether the user is in the head-office group
	 */
	boolean includes(Authentication user) {
		return CognitoClaims.groups(user).contains(this.group);
	}

	/** Why a user who is not in the group may not change thresholds. */
	String denial() {
		return "Only head office can change thresholds: you are not in the Cognito group '" + this.group + "'";
	}

	/**
	 * @throws NotMember when the user is not in the head-office group
	 */
	void require(Authentication user) {
		if (!includes(user)) {
			throw new NotMember(denial());
		}
	}

	/** The user may read but not change; the message says why. */
	static final class NotMember extends RuntimeException {

		NotMember(String message) {
			super(message);
		}

	}

}
