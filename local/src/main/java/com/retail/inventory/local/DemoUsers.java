package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UserPoolAttributes;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * Users of the local Cognito pool, one per dashboard role, created the documented way
 * ({@code AdminCreateUser} with a temporary password): the first sign-in asks each to
 * choose a new password. Local only.
 */
public final class DemoUsers {

	/** Head office: every store, may change thresholds. */
	public static final String USERNAME = "ops-demo";

	/** Store manager of {@link #MANAGER_STORES}. */
	public static final String MANAGER = "store-manager";

	/** The stores of {@link #MANAGER} ({@code custom:stores}). */
	public static final String MANAGER_STORES = "Berlin,Pusan";

	/** In no group: signed in, but sees nothing until head office adds them to one. */
	public static final String NEW_STARTER = "new-starter";

	/** The temporary password of every demo user. */
	public static final String PASSWORD = "Inventory-Demo-2026!";

	private DemoUsers() {
	}

	/**
	 * A demo user.
	 *
	 * @param username the username
	 * @param group their Cognito group, or null for none
	 * @param stores their {@code custom:stores}, or null
	 * @param role what they can do, for people reading the list
	 */
	public record Demo(String username, String group, String stores, String role) {
	}

	/** The demo users, one per role. */
	public static List<Demo> all() {
		InventoryResources names = InventoryResources.load();
		return List.of(new Demo(USERNAME, names.headOfficeGroup(), null, "head office: every store, edits thresholds"),
				new Demo(MANAGER, names.storeManagersGroup(), MANAGER_STORES, "store manager: only Berlin and Pusan"),
				new Demo(NEW_STARTER, null, null, "no group: signed in, but no access until added to a group"));
	}

	/**
	 * Creates every demo user with the temporary password {@link #PASSWORD} (status
	 * FORCE_CHANGE_PASSWORD), in their group and with their stores. The pool must have
	 * the custom attribute {@code stores}.
	 */
	public static void create(CognitoIdentityProviderClient cognito, String userPoolId) {
		for (Demo demo : all()) {
			List<AttributeType> attributes = new ArrayList<>();
			attributes.add(AttributeType.builder().name("email").value(demo.username() + "@example.com").build());
			if (demo.stores() != null) {
				attributes
					.add(AttributeType.builder().name(UserPoolAttributes.STORES_CLAIM).value(demo.stores()).build());
			}
			cognito.adminCreateUser(b -> b.userPoolId(userPoolId)
				.username(demo.username())
				.temporaryPassword(PASSWORD)
				.userAttributes(attributes)
				.messageAction("SUPPRESS"));
			if (demo.group() != null) {
				cognito.adminAddUserToGroup(
						b -> b.userPoolId(userPoolId).username(demo.username()).groupName(demo.group()));
			}
		}
	}

	/**
	 * For tests that are not about the first sign-in: makes the password permanent, so
	 * signing in gives tokens at once instead of the new-password challenge.
	 */
	public static void confirm(CognitoIdentityProviderClient cognito, String userPoolId, String username,
			String password) {
		cognito
			.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(username).password(password).permanent(true));
	}

	/** {@link #confirm} for every demo user, keeping {@link #PASSWORD}. */
	public static void confirmAll(CognitoIdentityProviderClient cognito, String userPoolId) {
		for (Demo demo : all()) {
			confirm(cognito, userPoolId, demo.username(), PASSWORD);
		}
	}

}
