package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ThresholdRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.AlertType;
import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.StockLevel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StockRulesTests {

	private final StockRules rules = new StockRules();

	/** Echo Plus is low below 5 in Berlin. */
	private final ThresholdRules thresholds = new ThresholdRules(
			Map.of(new ThresholdRules.Key("Berlin", "Echo Plus"), 5L));

	private static Map<String, Map<String, Object>> image(String count) {
		return ChangeRecords.image("Berlin", "Echo Plus", count);
	}

	private Optional<Transition> evaluate(String event, Map<String, Map<String, Object>> oldImage,
			Map<String, Map<String, Object>> newImage, ThresholdRules thresholds) {
		InventoryChangeRecord change = ChangeRecords.change("evt-1", oldImage, newImage);
		assertThat(change.eventName()).isEqualTo(event);
		return this.rules.evaluate(change, thresholds);
	}

	private AlertType alert(String oldCount, String newCount) {
		return evaluate((oldCount == null) ? "INSERT" : "MODIFY", (oldCount == null) ? null : image(oldCount),
				image(newCount), this.thresholds)
			.map(Transition::alertType)
			.orElse(null);
	}

	@Test
	void countDroppingToZeroIsOutOfStock() {
		Transition transition = evaluate("MODIFY", image("4"), image("0"), ThresholdRules.NONE).orElseThrow();
		assertThat(transition.alert().message()).isEqualTo("Berlin is out of stock of Echo Plus");
		assertThat(transition.alertType()).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(transition.count()).isZero();
		assertThat(transition.before()).isEqualTo(StockLevel.OK);
	}

	@Test
	void outOfStockFromAnyCountOrNoneButNotFromZero() {
		assertThat(alert(null, "0")).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(alert("3", "0")).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(alert("9", "0")).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(evaluate("MODIFY", image(null), image("0"), this.thresholds).map(Transition::alertType))
			.contains(AlertType.OUT_OF_STOCK);
		assertThat(alert("0", "0")).isNull();
	}

	@Test
	void lowStockWhenTheCountFallsBelowTheThresholdAndStaysAboveZero() {
		Transition low = evaluate("MODIFY", image("9"), image("3"), this.thresholds).orElseThrow();
		assertThat(low.alertType()).isEqualTo(AlertType.LOW_STOCK);
		assertThat(low.alert().message()).isEqualTo("Berlin is low on Echo Plus: 3 left (threshold 5)");
		assertThat(alert(null, "4")).isEqualTo(AlertType.LOW_STOCK);
		assertThat(alert("5", "4")).isEqualTo(AlertType.LOW_STOCK);
		// Still low, or at the threshold: nothing.
		assertThat(alert("4", "2")).isNull();
		assertThat(alert("9", "5")).isNull();
		// Without a threshold nothing is ever low.
		assertThat(evaluate("MODIFY", image("9"), image("3"), ThresholdRules.NONE)).isEmpty();
	}

	@Test
	void backInStockWhenZeroBecomesMore() {
		Transition back = evaluate("MODIFY", image("0"), image("7"), this.thresholds).orElseThrow();
		assertThat(back.alertType()).isEqualTo(AlertType.BACK_IN_STOCK);
		assertThat(back.alert().message()).isEqualTo("Berlin has Echo Plus back in stock: 7");
		assertThat(alert("0", "2")).isEqualTo(AlertType.BACK_IN_STOCK);
	}

	@Test
	void leavingLowAboveTheThresholdIsATransitionWithoutAnAlert() {
		Transition recovered = evaluate("MODIFY", image("3"), image("8"), this.thresholds).orElseThrow();
		assertThat(recovered.now()).isEqualTo(StockLevel.OK);
		assertThat(recovered.alertType()).isNull();
	}

	@Test
	void reUploadingTheSameCountAndRemovalsChangeNothing() {
		assertThat(alert("12", "12")).isNull();
		assertThat(evaluate("MODIFY", image("12"), image("12"), this.thresholds)).isEmpty();
		assertThat(evaluate("REMOVE", image("5"), null, this.thresholds)).isEmpty();
		assertThat(evaluate("INSERT", null, image("1"), ThresholdRules.NONE)).isEmpty();
	}

}
