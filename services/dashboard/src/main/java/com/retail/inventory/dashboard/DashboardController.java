package com.retail.inventory.dashboard;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Server-rendered pages; Thymeleaf escapes every value it writes. */
@Controller
class DashboardController {

	private final InventoryRepository inventory;

	DashboardController(InventoryRepository inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String stores(Model model, Principal user) {
		model.addAttribute("user", user.getName());
		model.addAttribute("stores", inventory.stores());
		return "stores";
	}

	@GetMapping("/stores/{store}")
	String store(@PathVariable String store, Model model, Principal user) {
		model.addAttribute("user", user.getName());
		model.addAttribute("store", store);
		model.addAttribute("items", inventory.items(store));
		return "store";
	}

}
