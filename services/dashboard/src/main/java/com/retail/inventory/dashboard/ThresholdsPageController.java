package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The thresholds page: everyone sees those of their stores and those for all stores;
 * members of the head-office group (from the {@code cognito:groups} of the ID token they
 * signed in with) also get a form to set one and a button to delete each. Changes are
 * posted (with the CSRF token) and answered with a redirect back to the page.
 */
@Controller
class ThresholdsPageController {

	private static final String PAGE = "thresholds";

	private static final String REDIRECT = "redirect:/thresholds";

	private final ThresholdRepository thresholds;

	private final HeadOffice headOffice;

	ThresholdsPageController(ThresholdRepository thresholds, HeadOffice headOffice) {
		this.thresholds = thresholds;
		this.headOffice = headOffice;
	}

	@GetMapping("/thresholds")
	String page(Model model, Authentication user) {
		return page(model, user, "", "", "");
	}

	@PostMapping("/thresholds")
	String set(@RequestParam(required = false) String store, @RequestParam(required = false) String item,
			@RequestParam(required = false) String lowStock, Model model, Authentication user,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!this.headOffice.includes(user)) {
			return forbidden(model, user, response);
		}
		try {
			Threshold threshold = this.thresholds.put(ThresholdRequest.fromForm(store, item, lowStock), user.getName());
			redirect.addFlashAttribute("notice",
					"Low stock for " + threshold.key().describe() + " is now below " + threshold.lowStock() + ".");
			return REDIRECT;
		}
		catch (ThresholdRequest.Invalid ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			return page(model, user, store, item, lowStock);
		}
	}

	@PostMapping("/thresholds/delete")
	String delete(@RequestParam(required = false) String store, @RequestParam(required = false) String item,
			Model model, Authentication user, RedirectAttributes redirect, HttpServletResponse response) {
		if (!this.headOffice.includes(user)) {
			return forbidden(model, user, response);
		}
		try {
			ThresholdKey key = ThresholdRequest.keyFromForm(store, item);
			redirect.addFlashAttribute("notice",
					this.thresholds.delete(key) ? "Deleted the threshold for " + key.describe() + "."
							: "There was no threshold for " + key.describe() + ".");
			return REDIRECT;
		}
		catch (ThresholdRequest.Invalid ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			return page(model, user, "", "", "");
		}
	}

	private String forbidden(Model model, Authentication user, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("error", this.headOffice.denial());
		return page(model, user, "", "", "");
	}

	private String page(Model model, Authentication user, String store, String item, String lowStock) {
		model.addAttribute("user", user.getName());
		model.addAttribute("headOffice", this.headOffice.includes(user));
		model.addAttribute("headOfficeGroup", this.headOffice.group());
		model.addAttribute("thresholds", ThresholdsApiController.visible(this.thresholds.all(), StoreAccess.of(user)));
		model.addAttribute("store", store == null ? "" : store);
		model.addAttribute("item", item == null ? "" : item);
		model.addAttribute("lowStock", lowStock == null ? "" : lowStock);
		return PAGE;
	}

}
