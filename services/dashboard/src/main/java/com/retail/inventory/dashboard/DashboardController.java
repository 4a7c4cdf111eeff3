package com.retail.inventory.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The inventory pages: shells whose scripts read the JSON API (and poll it), so a page
 * shows the same data as the API and updates without a reload. Another store's page is
 * refused (403) like its API.
 */
@Controller
class DashboardController {

	@GetMapping("/")
	String overview(StoreAccess access) {
		requireAny(access);
		return "overview";
	}

	@GetMapping("/stores/{store}")
	String store(@PathVariable String store, StoreAccess access, Model model) {
		access.require(store);
		model.addAttribute("store", store);
		return "store";
	}

	@GetMapping("/items/{item}")
	String item(@PathVariable String item, StoreAccess access, Model model) {
		requireAny(access);
		model.addAttribute("item", item);
		return "item";
	}

	/** A user in no dashboard group gets the page saying why, not an empty one. */
	private static void requireAny(StoreAccess access) {
		if (!access.any()) {
			access.require(null);
		}
	}

}
