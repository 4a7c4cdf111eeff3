package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.InventoryTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the Inventory table ({@link InventoryTable}) for {@link InventoryView}: the whole
 * table at start and now and then, one store after it changed. Only the attributes the
 * dashboard shows are read.
 */
@Component
class InventoryRepository implements InventorySource {

	private static final String PROJECTION = "#s, #i, #c, #u, #up";

	private static final Map<String, String> NAMES = Map.of("#s", InventoryTable.STORE, "#i", InventoryTable.ITEM, "#c",
			InventoryTable.COUNT, "#u", InventoryTable.UPDATED_AT, "#up", InventoryTable.UPLOAD_ID);

	private final DynamoDbClient dynamoDb;

	private final String table;

	InventoryRepository(DynamoDbClient dynamoDb, DashboardProperties properties) {
		this.dynamoDb = dynamoDb;
		this.table = properties.table();
	}

	/**
	 * A consistent read: a write just before the change stream's consumer started has no
	 * change record the view would see, so the scan must not miss it.
	 */
	@Override
	public Map<String, List<TableItem>> scanAll() {
		Map<String, List<TableItem>> stores = new HashMap<>();
		this.dynamoDb
			.scanPaginator((b) -> b.tableName(this.table)
				.consistentRead(true)
				.projectionExpression(PROJECTION)
				.expressionAttributeNames(NAMES))
			.items()
			.forEach((item) -> stores.computeIfAbsent(item.get(InventoryTable.STORE).s(), (s) -> new ArrayList<>())
				.add(tableItem(item)));
		return stores;
	}

	/**
	 * A consistent read: the change that made the store dirty is in the table, and an
	 * eventually consistent read might not show it yet.
	 */
	@Override
	public List<TableItem> readStore(String store) {
		List<TableItem> items = new ArrayList<>();
		Map<String, AttributeValue> values = Map.of(":store", AttributeValue.fromS(store));
		this.dynamoDb
			.queryPaginator((b) -> b.tableName(this.table)
				.consistentRead(true)
				.keyConditionExpression("#s = :store")
				.projectionExpression(PROJECTION)
				.expressionAttributeNames(NAMES)
				.expressionAttributeValues(values))
			.items()
			.forEach((item) -> items.add(tableItem(item)));
		return items;
	}

	static TableItem tableItem(Map<String, AttributeValue> item) {
		return new TableItem(item.get(InventoryTable.ITEM).s(), count(item), text(item, InventoryTable.UPDATED_AT),
				text(item, InventoryTable.UPLOAD_ID));
	}

	/**
	 * @return the item's count, or null when it has none (see
	 * {@link com.retail.inventory.contracts.StockState#UNKNOWN})
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
