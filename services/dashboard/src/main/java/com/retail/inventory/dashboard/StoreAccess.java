package com.retail.inventory.dashboard;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.security.core.Authentication;

/**
 * Which stores a signed-in user may see: head office every store, a store manager the
 * stores of their Cognito attribute {@code custom:stores}, anyone else none. Built once
 * at sign-in (or per bearer token) by {@link StoreAccessRules} and carried in the
 * {@link CognitoAuthentication}; immutable, and serializable because it lives in the HTTP
 * session.
 */
public final class StoreAccess implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final boolean all;

	private final boolean any;

	private final Set<String> stores;

	private StoreAccess(String username, boolean all, boolean any, Set<String> stores) {
		this.username = username;
		this.all = all;
		this.any = any;
		this.stores = Set.copyOf(stores);
	}

	/** Head office: every store, and may edit thresholds. */
	static StoreAccess headOffice(String username) {
		return new StoreAccess(username, true, true, Set.of());
	}

	/** A store manager of the given stores (possibly none yet). */
	static StoreAccess storeManager(String username, Set<String> stores) {
		return new StoreAccess(username, false, true, stores);
	}

	/** Signed in, but in no dashboard group. */
	static StoreAccess none(String username) {
		return new StoreAccess(username, false, false, Set.of());
	}

	/**
	 * @param user the signed-in user (web session or bearer token)
	 * @return what the dashboard's sign-in put into it; no store for anything else
	 */
	public static StoreAccess of(Authentication user) {
		if (user instanceof CognitoAuthentication cognito) {
			return cognito.access();
		}
		return none(user == null ? null : user.getName());
	}

	public String username() {
		return this.username;
	}

	/** Head office: every store. */
	public boolean all() {
		return this.all;
	}

	/** False for users in no dashboard group. */
	public boolean any() {
		return this.any;
	}

	public boolean allows(String store) {
		return this.all || (store != null && this.stores.contains(store));
	}

	/** The listed stores, sorted (empty when {@link #all()}). */
	public Set<String> stores() {
		return new TreeSet<>(this.stores);
	}

	/**
	 * @throws Denied when the user may not see the store
	 */
	public void require(String store) {
		if (!allows(store)) {
			throw new Denied(this.any
					? "You cannot see store '" + store + "': your stores are "
							+ (this.stores.isEmpty() ? "none yet (ask head office)" : String.join(", ", stores()))
					: noGroup());
		}
	}

	/** Whether any of the stores is allowed (an upload naming several stores). */
	public boolean allowsAny(Collection<String> stores) {
		return this.all || stores.stream().anyMatch(this::allows);
	}

	/** The rows of the allowed stores, in their order. */
	public <T> List<T> filter(List<T> rows, Function<T, String> storeOf) {
		if (this.all) {
			return rows;
		}
		return rows.stream().filter((row) -> allows(storeOf.apply(row))).toList();
	}

	/** Head office only. */
	public boolean canEditThresholds() {
		return this.all;
	}

	/** Why a user in no group sees nothing. */
	String noGroup() {
		return "You are signed in as " + this.username
				+ ", but you are in no dashboard group, so you cannot see any store. Ask head office to add you to "
				+ "the head-office or store-managers group.";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StoreAccess that && this.all == that.all && this.any == that.any
				&& this.stores.equals(that.stores) && Objects.equals(this.username, that.username);
	}

	@Override
	public int hashCode() {
		return this.stores.hashCode() * 31 + (this.all ? 1 : 0) + (this.any ? 2 : 0);
	}

	@Override
	public String toString() {
		return this.all ? "all stores" : this.any ? "stores " + stores() : "no store";
	}

	/** The user may not see a store; the message names it. */
	public static final class Denied extends RuntimeException {

		@Serial
		private static final long serialVersionUID = 1L;

		Denied(String message) {
			super(message);
		}

	}

}
