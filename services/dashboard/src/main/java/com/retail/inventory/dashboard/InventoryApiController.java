package com.retail.inventory.dashboard;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * JSON API: {@code Authorization: Bearer <Cognito ID or access token>} on every request.
 */
@RestController
class InventoryApiController {

	private final InventoryRepository inventory;

	InventoryApiController(InventoryRepository inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/api/stores")
	List<StoreSummary> stores() {
		return inventory.stores();
	}

	@GetMapping("/api/stores/{store}/items")
	List<ItemStock> items(@PathVariable String store) {
		List<ItemStock> items = inventory.items(store);
		if (items.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No inventory for store '" + store + "'");
		}
		return items;
	}

}
