package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryChangeRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockRulesTests {

	private final StockRules rules = new StockRules();

	private static Map<String, Map<String, Object>> image(String count) {
		return ChangeRecords.image("Berlin", "Echo Plus", count);
	}

	private static InventoryChangeRecord change(String event, Map<String, Map<String, Object>> oldImage,
			Map<String, Map<String, Object>> newImage) {
		InventoryChangeRecord change = ChangeRecords.change("evt-1", oldImage, newImage);
		assertThat(change.eventName()).isEqualTo(event);
		return change;
	}

	@Test
	void countDroppingToZeroAlerts() {
		var alert = rules.evaluate(change("MODIFY", image("4"), image("0"))).orElseThrow();
		assertThat(alert.message()).isEqualTo("Berlin is out of stock of Echo Plus");
		assertThat(alert.id()).isEqualTo("evt-1");
		assertThat(alert.type()).isEqualTo("OUT_OF_STOCK");
		assertThat(alert.count()).isZero();
	}

	@Test
	void newItemAtZeroAlerts() {
		assertThat(rules.evaluate(change("INSERT", null, image("0")))).isPresent();
	}

	@Test
	void itemWithoutACountBeforeAlertsAtZero() {
		assertThat(rules.evaluate(change("MODIFY", image(null), image("0")))).isPresent();
	}

	@Test
	void alreadyZeroDoesNotAlertAgain() {
		assertThat(rules.evaluate(change("MODIFY", image("0"), image("0")))).isEmpty();
	}

	@Test
	void stockAboveZeroDoesNotAlert() {
		assertThat(rules.evaluate(change("MODIFY", image("0"), image("3")))).isEmpty();
		assertThat(rules.evaluate(change("INSERT", null, image("1")))).isEmpty();
	}

	@Test
	void removalDoesNotAlert() {
		assertThat(rules.evaluate(change("REMOVE", image("5"), null))).isEmpty();
	}

}
