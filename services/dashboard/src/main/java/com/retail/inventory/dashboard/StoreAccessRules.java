package com.retail.inventory.dashboard;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rule from Cognito groups and the {@code custom:stores} attribute to a user's
 * {@link StoreAccess}: the head-office group sees every store (it wins over
 * store-managers, like its precedence in the pool), the store-managers group the listed
 * stores, anyone else none.
 */
@Component
class StoreAccessRules {

	private final String headOfficeGroup;

	private final String storeManagersGroup;

	@Autowired
	StoreAccessRules(DashboardProperties properties) {
		this(properties.headOfficeGroup(), properties.storeManagersGroup());
	}

	StoreAccessRules(String headOfficeGroup, String storeManagersGroup) {
		this.headOfficeGroup = headOfficeGroup;
		this.storeManagersGroup = storeManagersGroup;
	}

	String headOfficeGroup() {
		return this.headOfficeGroup;
	}

	String storeManagersGroup() {
		return this.storeManagersGroup;
	}

	/**
	 * @param username who the user is
	 * @param groups their {@code cognito:groups}
	 * @param stores their {@code custom:stores}, or null
	 */
	StoreAccess of(String username, Collection<String> groups, String stores) {
		if (groups.contains(this.headOfficeGroup)) {
			return StoreAccess.headOffice(username);
		}
		if (groups.contains(this.storeManagersGroup)) {
			return StoreAccess.storeManager(username, parse(stores));
		}
		return StoreAccess.none(username);
	}

	/**
	 * Store names as the attribute lists them: comma-separated, trimmed, empty entries
	 * ignored; names match exactly (case-sensitive) later.
	 */
	static Set<String> parse(String stores) {
		if (stores == null) {
			return Set.of();
		}
		return Arrays.stream(stores.split(","))
			.map(String::trim)
			.filter((store) -> !store.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

}
