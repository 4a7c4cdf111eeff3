package com.retail.inventory.contracts;

/**
 * The dashboard's user pool attribute that scopes a store manager: declared by the pool
 * (infra, local provisioning), set by administrators, read by the dashboard.
 */
public final class UserPoolAttributes {

	/** The custom attribute as the pool's schema declares it (without the prefix). */
	public static final String STORES = "stores";

	/**
	 * The same attribute as tokens, {@code GetUser} and {@code AdminUpdateUserAttributes}
	 * name it: the store names a store manager may see, comma-separated, exact case.
	 */
	public static final String STORES_CLAIM = "custom:" + STORES;

	private UserPoolAttributes() {
	}

}
