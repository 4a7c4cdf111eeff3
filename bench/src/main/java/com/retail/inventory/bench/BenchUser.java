package com.retail.inventory.bench;

import com.retail.inventory.contracts.InventoryResources;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The benchmark's own head-office user in the local pool. Its own, because the demo users
 * start with a temporary password (a first sign-in must set a new one) and a benchmark
 * should not change theirs.
 */
final class BenchUser {

	static final String USERNAME = "bench-head-office";

	/** Meets the local pool's policy (12 characters, all four classes). */
	static final String PASSWORD = "Bench-Head-Office-2026!";

	private BenchUser() {
	}

	/**
	 * Creates the user when missing (permanent password, head-office group) and signs it
	 * in.
	 * @return its Cognito ID token
	 */
	static String idToken(CognitoIdentityProviderClient cognito, InventoryResources names) {
		String poolId = cognito.listUserPools((b) -> b.maxResults(60))
			.userPools()
			.stream()
			.filter((pool) -> names.userPool().equals(pool.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No user pool " + names.userPool() + " on the local emulator; is ./inventory up running?"))
			.id();
		String clientId = cognito.listUserPoolClients((b) -> b.userPoolId(poolId).maxResults(60))
			.userPoolClients()
			.stream()
			.filter((client) -> names.userPoolClient().equals(client.clientName()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No app client " + names.userPoolClient()))
			.clientId();
		try {
			cognito.adminCreateUser(
					(b) -> b.userPoolId(poolId).username(USERNAME).messageAction(MessageActionType.SUPPRESS));
		}
		catch (UsernameExistsException ex) {
			// Created by an earlier run against the same platform.
		}
		cognito.adminSetUserPassword((b) -> b.userPoolId(poolId).username(USERNAME).password(PASSWORD).permanent(true));
		cognito.adminAddUserToGroup((b) -> b.userPoolId(poolId).username(USERNAME).groupName(names.headOfficeGroup()));
		return cognito
			.initiateAuth((b) -> b.clientId(clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", USERNAME, "PASSWORD", PASSWORD)))
			.authenticationResult()
			.idToken();
	}

}
