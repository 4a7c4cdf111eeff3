package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.ThresholdsTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code *} / null mapping between the table and the API, and the order. */
class ThresholdRepositoryTests {

	@Test
	void nullIsTheWildcardInTheTable() {
		assertThat(ThresholdRepository.key(new ThresholdKey(null, null))).isEqualTo(Map.of(ThresholdsTable.STORE,
				AttributeValue.fromS("*"), ThresholdsTable.ITEM, AttributeValue.fromS("*")));
		assertThat(ThresholdRepository.key(new ThresholdKey("Berlin", null))).isEqualTo(Map.of(ThresholdsTable.STORE,
				AttributeValue.fromS("Berlin"), ThresholdsTable.ITEM, AttributeValue.fromS(ThresholdsTable.ANY)));
		assertThat(ThresholdRepository.key(new ThresholdKey(null, "Echo Dot")))
			.containsEntry(ThresholdsTable.STORE, AttributeValue.fromS(ThresholdsTable.ANY))
			.containsEntry(ThresholdsTable.ITEM, AttributeValue.fromS("Echo Dot"));
		assertThat(ThresholdKey.fromTable("*", "Echo Dot")).isEqualTo(new ThresholdKey(null, "Echo Dot"));
		assertThat(ThresholdKey.fromTable("Berlin", "*")).isEqualTo(new ThresholdKey("Berlin", null));
	}

	@Test
	void writesAndReadsTheItem() {
		Threshold threshold = new Threshold(null, "Echo Dot", 1_000_000_000L, "2026-12-02T10:00:00Z", "ops-demo");
		Map<String, AttributeValue> item = ThresholdRepository.item(threshold);
		assertThat(item).isEqualTo(Map.of(ThresholdsTable.STORE, AttributeValue.fromS("*"), ThresholdsTable.ITEM,
				AttributeValue.fromS("Echo Dot"), ThresholdsTable.LOW_STOCK, AttributeValue.fromN("1000000000"),
				ThresholdsTable.UPDATED_AT, AttributeValue.fromS("2026-12-02T10:00:00Z"), ThresholdsTable.UPDATED_BY,
				AttributeValue.fromS("ops-demo")));
		assertThat(ThresholdRepository.threshold(item)).isEqualTo(threshold);
	}

	@Test
	void readsItemsWrittenElsewhereAndSkipsOnesWithoutAWholeNumber() {
		assertThat(ThresholdRepository.threshold(Map.of(ThresholdsTable.STORE, AttributeValue.fromS("Berlin"),
				ThresholdsTable.ITEM, AttributeValue.fromS("*"), ThresholdsTable.LOW_STOCK, AttributeValue.fromN("4"))))
			.isEqualTo(new Threshold("Berlin", null, 4, null, null));
		assertThat(ThresholdRepository.threshold(Map.of(ThresholdsTable.STORE, AttributeValue.fromS("Berlin"),
				ThresholdsTable.ITEM, AttributeValue.fromS("*"))))
			.isNull();
		assertThat(ThresholdRepository
			.threshold(Map.of(ThresholdsTable.STORE, AttributeValue.fromS("Berlin"), ThresholdsTable.ITEM,
					AttributeValue.fromS("*"), ThresholdsTable.LOW_STOCK, AttributeValue.fromN("4.5"))))
			.isNull();
		assertThat(ThresholdRepository.threshold(Map.of(ThresholdsTable.STORE, AttributeValue.fromS("Berlin"),
				ThresholdsTable.ITEM, AttributeValue.fromS("*"), ThresholdsTable.LOW_STOCK, AttributeValue.fromS("4"))))
			.isNull();
	}

	@Test
	void theDefaultForAllComesFirstThenByStoreAndItem() {
		Threshold all = new Threshold(null, null, 1, null, null);
		Threshold echoEverywhere = new Threshold(null, "Echo Dot", 1, null, null);
		Threshold berlin = new Threshold("Berlin", null, 1, null, null);
		Threshold berlinEcho = new Threshold("Berlin", "Echo Dot", 1, null, null);
		Threshold berlinAlexa = new Threshold("Berlin", "Alexa", 1, null, null);
		Threshold pusan = new Threshold("Pusan", null, 1, null, null);
		assertThat(List.of(pusan, berlinEcho, berlin, echoEverywhere, berlinAlexa, all)
			.stream()
			.sorted(Threshold.ORDER)
			.toList()).containsExactly(all, echoEverywhere, berlin, berlinAlexa, berlinEcho, pusan);
	}

	@Test
	void describesTheKey() {
		assertThat(new ThresholdKey(null, null).describe()).isEqualTo("all items in all stores");
		assertThat(new ThresholdKey("Berlin", "Echo Dot").describe()).isEqualTo("Echo Dot in Berlin");
		assertThat(new Threshold(null, "Echo Dot", 3, null, null).describe()).isEqualTo("Echo Dot in all stores");
	}

}
