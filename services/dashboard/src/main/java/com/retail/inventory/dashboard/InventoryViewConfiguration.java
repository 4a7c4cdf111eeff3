package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.ThresholdRules;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The in-memory inventory view and what keeps it current. */
@Configuration(proxyBeanMethods = false)
class InventoryViewConfiguration {

	@Bean
	InventoryView inventoryView(InventoryRepository inventory, ThresholdRepository thresholds, JsonMapper json,
			DashboardProperties properties) {
		DashboardProperties.View view = properties.view();
		return new InventoryView(inventory, () -> rules(thresholds), json, view.debounce(), view.startupWait(),
				Clock.systemUTC());
	}

	@Bean
	InventoryViewUpdater inventoryViewUpdater(InventoryView view, DashboardProperties properties) {
		return new InventoryViewUpdater(view, properties.view());
	}

	@Bean
	LastUploads lastUploads(UploadRepository uploads, DashboardProperties properties) {
		return new LastUploads((store) -> uploads.latest(new UploadQuery(store, null, 1))
			.stream()
			.findFirst()
			.map(StoreDetail.LastUpload::of), properties.view().lastUploadTtl(), Clock.systemUTC());
	}

	/** The thresholds as {@link ThresholdRules} keys ({@code *} for all). */
	static Map<ThresholdRules.Key, Long> rules(ThresholdRepository thresholds) {
		Map<ThresholdRules.Key, Long> rules = new HashMap<>();
		for (Threshold threshold : thresholds.all()) {
			rules.put(new ThresholdRules.Key(threshold.key().tableStore(), threshold.key().tableItem()),
					threshold.lowStock());
		}
		return rules;
	}

}
