package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.StockLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the alert log ({@link AlertLogTable}) for items at level {@link StockLevel#OUT}
 * or {@link StockLevel#LOW}. The table has no index by level, so this is a Scan with a
 * filter and a projection: it reads (and is billed for) the whole table, acceptable for
 * an operator's command, not for anything run often.
 */
public final class AlertsSection {

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final int limit;

	public AlertsSection(DynamoDbClient dynamoDb, String table, int limit) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.limit = limit;
	}

	public OpenAlerts read() {
		List<AlertRow> alerts = new ArrayList<>();
		long total = 0;
		Map<String, AttributeValue> start = null;
		do {
			Map<String, AttributeValue> from = start;
			ScanResponse page = this.dynamoDb.scan((b) -> b.tableName(this.table)
				.filterExpression("#level IN (:out, :low)")
				.projectionExpression("#store, #item, #level, #type")
				.expressionAttributeNames(Map.of("#level", AlertLogTable.LEVEL, "#store", AlertLogTable.STORE, "#item",
						AlertLogTable.ITEM, "#type", AlertLogTable.TYPE))
				.expressionAttributeValues(Map.of(":out", AttributeValue.fromS(StockLevel.OUT.name()), ":low",
						AttributeValue.fromS(StockLevel.LOW.name())))
				.exclusiveStartKey(from));
			total += page.count();
			for (Map<String, AttributeValue> item : page.items()) {
				if (alerts.size() < this.limit) {
					alerts.add(new AlertRow(text(item, AlertLogTable.STORE), text(item, AlertLogTable.ITEM),
							text(item, AlertLogTable.LEVEL), text(item, AlertLogTable.TYPE)));
				}
			}
			start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		alerts.sort(Comparator.comparing((AlertRow a) -> Objects.toString(a.store(), ""))
			.thenComparing((a) -> Objects.toString(a.item(), "")));
		return new OpenAlerts(total, alerts);
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null) ? value.s() : null;
	}

}
