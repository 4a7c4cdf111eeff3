package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryResources;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * Users of the local Cognito pool, so a person can log in to the dashboard at once. Local
 * only.
 */
public final class DemoUsers {

	public static final String USERNAME = "ops-demo";

	public static final String PASSWORD = "Inventory-Demo-2026!";

	private DemoUsers() {
	}

	public static void create(CognitoIdentityProviderClient cognito, String userPoolId) {
		cognito.adminCreateUser(b -> b.userPoolId(userPoolId)
			.username(USERNAME)
			.userAttributes(AttributeType.builder().name("email").value("ops-demo@example.com").build())
			.messageAction("SUPPRESS"));
		cognito
			.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(USERNAME).password(PASSWORD).permanent(true));
		cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId)
			.username(USERNAME)
			.groupName(InventoryResources.load().headOfficeGroup()));
	}

}
