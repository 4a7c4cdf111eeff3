package com.retail.inventory.dashboard;

import java.util.List;

/** Signed-in users for web-layer tests, built as the dashboard's sign-in builds them. */
final class TestUsers {

	static final StoreAccessRules RULES = new StoreAccessRules("head-office", "store-managers");

	private TestUsers() {
	}

	/**
	 * @param name the username
	 * @param stores their {@code custom:stores}, or null
	 * @param groups their Cognito groups
	 */
	static CognitoAuthentication user(String name, String stores, String... groups) {
		return new CognitoAuthentication(name, List.of(groups), RULES.of(name, List.of(groups), stores), null);
	}

	static CognitoAuthentication headOffice(String name) {
		return user(name, null, "head-office");
	}

	static CognitoAuthentication storeManager(String name, String stores) {
		return user(name, stores, "store-managers");
	}

}
