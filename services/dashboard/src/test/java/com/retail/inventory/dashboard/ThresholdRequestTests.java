package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRequestTests {

	private static Map<String, Object> body(Object... entries) {
		Map<String, Object> body = new HashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			body.put((String) entries[i], entries[i + 1]);
		}
		return body;
	}

	@Test
	void namesAreTrimmedAndNullOrAbsentMeansAll() {
		assertThat(ThresholdRequest.fromJson(body("store", " Berlin ", "item", "Echo Dot\t", "lowStock", 5)))
			.isEqualTo(new ThresholdRequest(new ThresholdKey("Berlin", "Echo Dot"), 5));
		assertThat(ThresholdRequest.fromJson(body("store", null, "item", null, "lowStock", 10)))
			.isEqualTo(new ThresholdRequest(new ThresholdKey(null, null), 10));
		assertThat(ThresholdRequest.fromJson(body("item", "Echo Dot", "lowStock", 7L)).key())
			.isEqualTo(new ThresholdKey(null, "Echo Dot"));
	}

	@Test
	void acceptsTheReadOnlyFieldsOfAListedThreshold() {
		assertThat(ThresholdRequest.fromJson(body("store", "Berlin", "item", null, "lowStock", 3, "updatedAt",
				"2026-12-02T10:00:00Z", "updatedBy", "ops-demo")))
			.isEqualTo(new ThresholdRequest(new ThresholdKey("Berlin", null), 3));
	}

	@Test
	void lowStockIsAWholeNumberFromOneToOneBillion() {
		assertThat(ThresholdRequest.fromJson(body("lowStock", 1)).lowStock()).isEqualTo(1);
		assertThat(ThresholdRequest.fromJson(body("lowStock", 1_000_000_000)).lowStock()).isEqualTo(1_000_000_000L);
		assertThat(ThresholdRequest.fromJson(body("lowStock", 25.0)).lowStock()).isEqualTo(25);
		assertThat(ThresholdRequest.fromJson(body("lowStock", new BigDecimal("1E+3"))).lowStock()).isEqualTo(1000);
		for (Object bad : List.of(0, -1, 1_000_000_001L, 5.5, new BigInteger("100000000000000000000000"),
				new BigDecimal("1e-3"))) {
			assertThatThrownBy(() -> ThresholdRequest.fromJson(body("lowStock", bad))).as("%s", bad)
				.isInstanceOf(ThresholdRequest.Invalid.class)
				.hasMessageContaining("lowStock must be a whole number from 1 to 1,000,000,000");
		}
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("lowStock", "5")))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessageContaining("lowStock must be a number");
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("store", "Berlin")))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessageContaining("lowStock is required");
		assertThatThrownBy(() -> new ThresholdRequest(new ThresholdKey(null, null), 0))
			.isInstanceOf(ThresholdRequest.Invalid.class);
	}

	@Test
	void namesMustNotBeBlankTooLongControlOrTheWildcard() {
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("store", "  ", "lowStock", 5)))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessage("store must not be blank: give a name, or null (leave it out) for all stores");
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("item", "*", "lowStock", 5)))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessage("item cannot be '*': use null (leave it out) for all items");
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("item", "Echo\u0007Dot", "lowStock", 5)))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessage("item must not contain control characters");
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("store", "x".repeat(129), "lowStock", 5)))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessage("store must be at most 128 characters");
		assertThat(ThresholdRequest.fromJson(body("store", "x".repeat(128), "lowStock", 5)).key().store()).hasSize(128);
		// Characters, not UTF-16 units.
		assertThat(ThresholdRequest.fromJson(body("store", "\uD83D\uDED2".repeat(128), "lowStock", 5)).key().store())
			.isNotNull();
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("store", 42, "lowStock", 5)))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessage("store must be a string, or null for all stores");
	}

	@Test
	void unknownFieldsAreRefusedSoATypoCannotSetTheDefaultForAll() {
		assertThatThrownBy(() -> ThresholdRequest.fromJson(body("Store", "Berlin", "lowStock", 5)))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessage("Unknown field(s) [Store]; expected item, lowStock, store");
		assertThatThrownBy(() -> ThresholdRequest.fromJson(null)).isInstanceOf(ThresholdRequest.Invalid.class);
	}

	@Test
	void theFormsLeaveBlankNamesForAll() {
		assertThat(ThresholdRequest.fromForm("", " ", " 12 "))
			.isEqualTo(new ThresholdRequest(new ThresholdKey(null, null), 12));
		assertThat(ThresholdRequest.fromForm(" Berlin", null, "3"))
			.isEqualTo(new ThresholdRequest(new ThresholdKey("Berlin", null), 3));
		assertThat(ThresholdRequest.keyFromForm("", "Echo Dot")).isEqualTo(new ThresholdKey(null, "Echo Dot"));
		assertThatThrownBy(() -> ThresholdRequest.fromForm("Berlin", "", "ten"))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessageContaining("not 'ten'");
		assertThatThrownBy(() -> ThresholdRequest.fromForm("Berlin", "", ""))
			.isInstanceOf(ThresholdRequest.Invalid.class)
			.hasMessageContaining("lowStock is required");
		assertThatThrownBy(() -> ThresholdRequest.fromForm("*", "", "1")).isInstanceOf(ThresholdRequest.Invalid.class);
	}

	@Test
	void aDeleteBodyNamesTheKey() {
		assertThat(ThresholdRequest.keyFromJson(body("store", "Berlin", "item", null)))
			.isEqualTo(new ThresholdKey("Berlin", null));
		assertThat(ThresholdRequest.keyFromJson(body())).isEqualTo(new ThresholdKey(null, null));
		assertThatThrownBy(() -> ThresholdRequest.keyFromJson(body("stores", "Berlin")))
			.isInstanceOf(ThresholdRequest.Invalid.class);
	}

}
