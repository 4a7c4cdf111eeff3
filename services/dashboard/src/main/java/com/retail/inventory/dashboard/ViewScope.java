package com.retail.inventory.dashboard;

import java.util.Set;
import java.util.TreeSet;

/**
 * The stores one user may see, as {@link InventoryView} needs it: every store, or the
 * listed ones. Part of every entity tag of a filtered list, so users with different
 * scopes never share one.
 *
 * @param all every store
 * @param stores the stores when not all
 */
record ViewScope(boolean all, Set<String> stores) {

	static final ViewScope ALL = new ViewScope(true, Set.of());

	ViewScope {
		stores = Set.copyOf(stores);
	}

	static ViewScope of(Set<String> stores) {
		return new ViewScope(false, stores);
	}

	boolean allows(String store) {
		return this.all || this.stores.contains(store);
	}

	/** A canonical text of the scope, for entity tags. */
	String key() {
		return this.all ? "*" : String.join("\n", new TreeSet<>(this.stores));
	}

}
