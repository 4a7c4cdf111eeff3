package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.StockState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the Inventory table ({@link InventoryTable}). */
@Component
class InventoryRepository {

	private final DynamoDbClient dynamoDb;

	private final String table;

	InventoryRepository(DynamoDbClient dynamoDb, DashboardProperties properties) {
		this.dynamoDb = dynamoDb;
		this.table = properties.table();
	}

	/**
	 * Every store with its item and out-of-stock counts, by name. A paginated Scan
	 * projecting only the key and count; fine for a retail chain's few thousand store
	 * items, to be replaced by an aggregate when it is not.
	 */
	List<StoreSummary> stores() {
		Map<String, int[]> stores = new TreeMap<>();
		dynamoDb
			.scanPaginator(b -> b.tableName(table)
				.projectionExpression("#s, #c")
				.expressionAttributeNames(Map.of("#s", InventoryTable.STORE, "#c", InventoryTable.COUNT)))
			.items()
			.forEach(item -> {
				int[] counts = stores.computeIfAbsent(item.get(InventoryTable.STORE).s(), s -> new int[2]);
				counts[0]++;
				if (StockState.of(count(item)) == StockState.OUT_OF_STOCK) {
					counts[1]++;
				}
			});
		List<StoreSummary> summaries = new ArrayList<>();
		stores.forEach((store, counts) -> summaries.add(new StoreSummary(store, counts[0], counts[1])));
		return summaries;
	}

	/**
	 * The store's items by name (a Query on the hash key); empty when the store is
	 * unknown.
	 */
	List<ItemStock> items(String store) {
		List<ItemStock> items = new ArrayList<>();
		dynamoDb
			.queryPaginator(b -> b.tableName(table)
				.keyConditionExpression("#s = :store")
				.expressionAttributeNames(Map.of("#s", InventoryTable.STORE))
				.expressionAttributeValues(Map.of(":store", AttributeValue.fromS(store))))
			.items()
			.forEach(item -> items.add(ItemStock.of(item.get(InventoryTable.ITEM).s(), count(item),
					text(item, InventoryTable.UPDATED_AT), text(item, InventoryTable.UPLOAD_ID))));
		items.sort(Comparator.comparing(ItemStock::item));
		return items;
	}

	/**
	 * @return the item's count, or null when it has none (see {@link StockState#UNKNOWN})
	 */
	private static Long count(Map<String, AttributeValue> item) {
		AttributeValue count = item.get(InventoryTable.COUNT);
		return (count == null || count.n() == null) ? null : new BigDecimal(count.n()).longValue();
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return value == null ? null : value.s();
	}

}
