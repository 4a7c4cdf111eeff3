package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.StockLevel;
import com.retail.inventory.contracts.ThresholdRules;
import com.retail.inventory.contracts.ThresholdsTable;
import com.retail.inventory.local.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InventoryViewTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FakeTable table = new FakeTable();

	private final Map<ThresholdRules.Key, Long> thresholds = new HashMap<>();

	private final MutableClock clock = new MutableClock();

	private final InventoryView view = new InventoryView(this.table, () -> Map.copyOf(this.thresholds), JSON,
			Duration.ofSeconds(1), Duration.ofMillis(50), this.clock);

	@Test
	void requestsWaitForTheFirstReadAndThenGetSummariesAndItems() {
		this.table.put("Berlin", "Echo Dot", 12L, "2026-12-01T10:00:00.123456789Z");
		this.table.put("Berlin", "Echo Plus", 0L, "2026-12-01T11:00:00Z");
		this.table.put("Berlin", "Echo Look", null, null);
		this.table.put("Pusan", "Echo Show", 3L, "2026-12-01T09:00:00Z");
		this.thresholds.put(new ThresholdRules.Key(ThresholdsTable.ANY, ThresholdsTable.ANY), 5L);

		assertThatThrownBy(this.view::snapshot).isInstanceOf(InventoryView.Loading.class);
		this.view.load();
		assertThat(this.table.scans).isEqualTo(1);

		InventorySnapshot snapshot = this.view.snapshot();
		StoreView berlin = snapshot.store("Berlin");
		assertThat(berlin.summary()).isEqualTo(new StoreSummary("Berlin", 3, 1, 0, 12, "2026-12-01T11:00:00.000Z"));
		assertThat(berlin.items()).extracting(ItemStock::item).containsExactly("Echo Dot", "Echo Look", "Echo Plus");
		assertThat(berlin.item("Echo Dot")).isEqualTo(new ItemStock("Echo Dot", 12L, false, StockLevel.OK, 5L,
				"2026-12-01T10:00:00.123Z", "upload-Echo Dot"));
		assertThat(berlin.item("Echo Look").level()).isEqualTo(StockLevel.UNKNOWN);
		assertThat(berlin.item("Echo Plus").level()).isEqualTo(StockLevel.OUT);
		assertThat(snapshot.store("Pusan").summary().lowStock()).isEqualTo(1);

		JsonNode stores = JSON.readTree(snapshot.summaries(ViewScope.ALL).bytes());
		assertThat(stores).hasSize(2);
		assertThat(stores.get(0).propertyNames()).containsExactly("store", "items", "outOfStock", "lowStock", "units",
				"updatedAt");
		assertThat(stores.get(1).get("store").asString()).isEqualTo("Pusan");
		JsonNode items = JSON.readTree(berlin.itemsJson().bytes());
		assertThat(items.get(0).propertyNames()).containsExactly("item", "count", "outOfStock", "level", "lowStock",
				"updatedAt", "uploadId");
		assertThat(items.get(1).get("count").isNull()).isTrue();
		assertThat(items.get(1).get("lowStock").asLong()).isEqualTo(5);
	}

	@Test
	void aChangedStoreIsReadAgainWithOneQueryAtMostOncePerDebounce() {
		this.table.put("Berlin", "Echo Dot", 12L, null);
		this.table.put("Pusan", "Echo Show", 3L, null);
		this.view.changed(Set.of("Berlin"));
		// Before the first read nothing is read per store: the scan reads it anyway.
		assertThat(this.view.refreshDirty()).isZero();
		this.view.load();
		long loaded = this.view.snapshot().version();

		this.table.put("Berlin", "Echo Dot", 0L, null);
		this.view.changed(List.of("Berlin", "Berlin"));
		assertThat(this.view.refreshDirty()).isEqualTo(1);
		assertThat(this.table.queries).containsExactly("Berlin");
		assertThat(this.view.snapshot().store("Berlin").summary().outOfStock()).isEqualTo(1);
		assertThat(this.view.snapshot().version()).isGreaterThan(loaded);

		// Within the debounce: waits.
		this.table.put("Berlin", "Echo Plus", 4L, null);
		this.view.changed(Set.of("Berlin"));
		this.clock.advance(Duration.ofMillis(500));
		assertThat(this.view.refreshDirty()).isZero();
		assertThat(this.view.snapshot().store("Berlin").items()).hasSize(1);
		this.clock.advance(Duration.ofMillis(500));
		assertThat(this.view.refreshDirty()).isEqualTo(1);
		assertThat(this.view.snapshot().store("Berlin").items()).hasSize(2);
		assertThat(this.table.queries).containsExactly("Berlin", "Berlin");
		assertThat(this.table.scans).isEqualTo(1);

		// A new store appears, a store whose items are all gone disappears.
		this.table.put("Oslo", "Echo Dot", 1L, null);
		this.table.stores.remove("Pusan");
		this.view.changed(Set.of("Oslo", "Pusan"));
		this.view.refreshDirty();
		assertThat(this.view.snapshot().stores().keySet()).containsExactly("Berlin", "Oslo");
	}

	@Test
	void aStoreThatReadsTheSameKeepsItsVersionAndJson() {
		this.table.put("Berlin", "Echo Dot", 12L, null);
		this.view.load();
		StoreView before = this.view.snapshot().store("Berlin");
		Representation json = before.itemsJson();
		this.view.changed(Set.of("Berlin"));
		this.view.refreshDirty();
		this.view.load();
		assertThat(this.view.snapshot().store("Berlin")).isSameAs(before);
		assertThat(this.view.snapshot().store("Berlin").itemsJson()).isSameAs(json);
	}

	@Test
	void aFailedReadLeavesTheStoreDirty() {
		this.table.put("Berlin", "Echo Dot", 12L, null);
		this.view.load();
		this.table.failing = true;
		this.view.changed(Set.of("Berlin"));
		assertThatThrownBy(this.view::refreshDirty).isInstanceOf(IllegalStateException.class);
		this.table.failing = false;
		this.table.put("Berlin", "Echo Dot", 1L, null);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.view.refreshDirty()).isEqualTo(1);
		assertThat(this.view.snapshot().store("Berlin").item("Echo Dot").count()).isEqualTo(1);
	}

	@Test
	void thresholdsApplyWithoutReadingTheTable() {
		this.table.put("Berlin", "Echo Dot", 3L, null);
		this.table.put("Pusan", "Echo Dot", 3L, null);
		this.view.load();
		StoreView pusan = this.view.snapshot().store("Pusan");
		assertThat(this.view.snapshot().store("Berlin").item("Echo Dot").level()).isEqualTo(StockLevel.OK);

		this.thresholds.put(new ThresholdRules.Key("Berlin", ThresholdsTable.ANY), 5L);
		this.view.refreshThresholds();
		assertThat(this.table.scans).isEqualTo(1);
		assertThat(this.table.queries).isEmpty();
		ItemStock dot = this.view.snapshot().store("Berlin").item("Echo Dot");
		assertThat(dot.level()).isEqualTo(StockLevel.LOW);
		assertThat(dot.lowStock()).isEqualTo(5);
		assertThat(this.view.snapshot().store("Berlin").summary().lowStock()).isEqualTo(1);
		// Pusan's items are the same: the same view, the same entity tags.
		assertThat(this.view.snapshot().store("Pusan")).isSameAs(pusan);

		long version = this.view.snapshot().version();
		this.view.refreshThresholds();
		assertThat(this.view.snapshot().version()).isEqualTo(version);
	}

	@Test
	void scopeFiltersEveryListAndIsPartOfTheEntityTag() {
		this.table.put("Berlin", "Echo Dot", 0L, null);
		this.table.put("Berlin", "Echo Plus", 2L, null);
		this.table.put("Pusan", "Echo Dot", 0L, null);
		this.table.put("Oslo", "Echo Show", 1L, null);
		this.thresholds.put(new ThresholdRules.Key(ThresholdsTable.ANY, ThresholdsTable.ANY), 3L);
		this.view.load();
		InventorySnapshot snapshot = this.view.snapshot();

		ViewScope berlinAndNowhere = ViewScope.of(Set.of("Nowhere", "Berlin"));
		ViewScope berlin = ViewScope.of(Set.of("Berlin"));
		assertThat(JSON.readTree(snapshot.summaries(berlinAndNowhere).bytes()).findValuesAsString("store"))
			.containsExactly("Berlin");
		assertThat(snapshot.summariesTag(berlin)).isEqualTo(snapshot.summaries(berlin).etag())
			.isNotEqualTo(snapshot.summariesTag(berlinAndNowhere))
			.isNotEqualTo(snapshot.summariesTag(ViewScope.ALL));
		assertThat(snapshot.summariesTag(ViewScope.ALL)).isEqualTo(snapshot.summaries(ViewScope.ALL).etag());

		assertThat(snapshot.item("Echo Dot", ViewScope.ALL)).extracting(StoreItemStock::store)
			.containsExactly("Berlin", "Pusan");
		assertThat(snapshot.item("Echo Dot", berlin)).extracting(StoreItemStock::store).containsExactly("Berlin");

		// Out of stock first (by store, item), then low.
		assertThat(snapshot.attention(ViewScope.ALL)).extracting((a) -> a.store() + "/" + a.item() + "=" + a.level())
			.containsExactly("Berlin/Echo Dot=OUT", "Pusan/Echo Dot=OUT", "Berlin/Echo Plus=LOW", "Oslo/Echo Show=LOW");
		JsonNode overview = JSON.readTree(snapshot.overview(berlin).bytes());
		assertThat(overview.propertyNames()).containsExactly("stores", "items", "outOfStock", "lowStock", "units",
				"attention", "attentionTotal");
		assertThat(overview.get("stores").asInt()).isEqualTo(1);
		assertThat(overview.get("items").asInt()).isEqualTo(2);
		assertThat(overview.get("units").asInt()).isEqualTo(2);
		assertThat(overview.get("attentionTotal").asInt()).isEqualTo(2);
		assertThat(overview.get("attention").get(0).propertyNames()).containsExactly("store", "item", "count", "level",
				"updatedAt");
		assertThat(snapshot.overview(ViewScope.ALL)).isSameAs(snapshot.overview(ViewScope.ALL));
	}

	@Test
	void theOverviewListsAtMost500ItemsButCountsAll() {
		for (int i = 0; i < 600; i++) {
			this.table.put("Berlin", String.format("Item %03d", i), 0L, null);
		}
		this.view.load();
		JsonNode overview = JSON.readTree(this.view.snapshot().overview(ViewScope.ALL).bytes());
		assertThat(overview.get("attention")).hasSize(Overview.MAX_ATTENTION);
		assertThat(overview.get("attentionTotal").asInt()).isEqualTo(600);
		assertThat(this.view.snapshot().attention(ViewScope.ALL)).hasSize(600);
	}

	/** The Inventory table, in memory; counts the reads. */
	static final class FakeTable implements InventorySource {

		final Map<String, Map<String, TableItem>> stores = new TreeMap<>();

		final List<String> queries = new ArrayList<>();

		int scans;

		volatile boolean failing;

		void put(String store, String item, Long count, String updatedAt) {
			this.stores.computeIfAbsent(store, (s) -> new TreeMap<>())
				.put(item, new TableItem(item, count, updatedAt, "upload-" + item));
		}

		@Override
		public Map<String, List<TableItem>> scanAll() {
			this.scans++;
			Map<String, List<TableItem>> all = new HashMap<>();
			this.stores.forEach((store, items) -> all.put(store, List.copyOf(items.values())));
			return all;
		}

		@Override
		public List<TableItem> readStore(String store) {
			if (this.failing) {
				throw new IllegalStateException("table unavailable");
			}
			this.queries.add(store);
			return List.copyOf(this.stores.getOrDefault(store, Map.of()).values());
		}

	}

}
