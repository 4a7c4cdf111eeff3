package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertLogTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The alert state of each store item ({@link AlertLogTable}): the level of the newest
 * transition seen and its version, so a transition delivered again, or a late older one,
 * alerts nobody. Entries expire through the table's TTL attribute, long after the stream
 * could deliver such a change.
 */
@Component
class AlertLog {

	/** BatchGetItem takes up to 100 keys. */
	private static final int MAX_KEYS = 100;

	private final DynamoDbClient dynamoDb;

	private final StockAlertProperties properties;

	private final Clock clock;

	@Autowired
	AlertLog(DynamoDbClient dynamoDb, StockAlertProperties properties) {
		this(dynamoDb, properties, Clock.systemUTC());
	}

	AlertLog(DynamoDbClient dynamoDb, StockAlertProperties properties, Clock clock) {
		this.dynamoDb = dynamoDb;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param alertIds {@link AlertLogTable#alertId} of store items
	 * @return the version of the newest transition recorded for each that has one
	 */
	Map<String, String> versions(Collection<String> alertIds) {
		Map<String, String> versions = new HashMap<>();
		List<String> ids = new ArrayList<>(alertIds);
		for (int from = 0; from < ids.size(); from += MAX_KEYS) {
			List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + MAX_KEYS))
				.stream()
				.map((id) -> Map.of(AlertLogTable.ALERT_ID, AttributeValue.fromS(id)))
				.toList();
			Map<String, KeysAndAttributes> request = Map.of(this.properties.alertLogTable(),
					KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
			while (!request.isEmpty()) {
				Map<String, KeysAndAttributes> next = request;
				var response = this.dynamoDb.batchGetItem((b) -> b.requestItems(next));
				response.responses().getOrDefault(this.properties.alertLogTable(), List.of()).forEach((item) -> {
					AttributeValue version = item.get(AlertLogTable.VERSION);
					if (version != null) {
						versions.put(item.get(AlertLogTable.ALERT_ID).s(), version.s());
					}
				});
				request = response.unprocessedKeys();
			}
		}
		return versions;
	}

	/**
	 * Records a transition, unless a newer one was recorded meanwhile.
	 * @param alerted whether an alert was sent for it
	 * @return whether it was recorded
	 */
	boolean record(Transition transition, boolean alerted) {
		long expiresAt = this.clock.instant().plus(this.properties.alertLogRetention()).getEpochSecond();
		Map<String, AttributeValue> item = new HashMap<>(Map.of(AlertLogTable.ALERT_ID,
				AttributeValue.fromS(AlertLogTable.alertId(transition.store(), transition.item())),
				AlertLogTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)), AlertLogTable.STORE,
				AttributeValue.fromS(transition.store()), AlertLogTable.ITEM, AttributeValue.fromS(transition.item()),
				AlertLogTable.LEVEL, AttributeValue.fromS(transition.now().name()), AlertLogTable.VERSION,
				AttributeValue.fromS(transition.version())));
		if (alerted) {
			item.put(AlertLogTable.TYPE, AttributeValue.fromS(transition.alertType().name()));
		}
		try {
			this.dynamoDb.putItem((b) -> b.tableName(this.properties.alertLogTable())
				.item(item)
				.conditionExpression("attribute_not_exists(#v) OR #v < :v")
				.expressionAttributeNames(Map.of("#v", AlertLogTable.VERSION))
				.expressionAttributeValues(Map.of(":v", AttributeValue.fromS(transition.version()))));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

}
