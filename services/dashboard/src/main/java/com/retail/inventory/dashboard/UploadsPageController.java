package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.UploadStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The upload pages, showing the uploads that name any of the user's stores; Thymeleaf
 * escapes every value it writes.
 */
@Controller
class UploadsPageController {

	private final Uploads uploads;

	UploadsPageController(Uploads uploads) {
		this.uploads = uploads;
	}

	@GetMapping("/uploads")
	String uploads(@RequestParam(required = false) String store, @RequestParam(required = false) String status,
			Model model, Principal user, StoreAccess access, HttpServletResponse response) {
		model.addAttribute("user", user.getName());
		model.addAttribute("statuses", List.of(UploadStatus.values()));
		model.addAttribute("store", store == null ? "" : store);
		model.addAttribute("status", status == null ? "" : status);
		try {
			model.addAttribute("uploads", uploads.latest(UploadQuery.parse(store, status, null), access));
		}
		catch (UploadQuery.Invalid ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("uploads", List.of());
		}
		return "uploads";
	}

	@GetMapping("/uploads/{id}")
	String upload(@PathVariable String id, Model model, Principal user, StoreAccess access,
			HttpServletResponse response) {
		model.addAttribute("user", user.getName());
		try {
			UploadDetail upload = uploads.detail(id, access);
			model.addAttribute("upload", upload);
			String key = upload.summary().key();
			model.addAttribute("title", key != null ? key : "Upload");
		}
		catch (Uploads.NotFound ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("title", "Upload not found");
			model.addAttribute("error", ex.getMessage());
		}
		return "upload";
	}

}
