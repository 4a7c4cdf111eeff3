package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertLogTable;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Remembers which changes were alerted, in DynamoDB, so a retried batch, a restart or a
 * replay of the stream does not send the same alert again. Entries expire through the
 * table's TTL attribute.
 */
@Component
class AlertLog {

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

	boolean wasSent(StockAlert alert) {
		return dynamoDb
			.getItem(b -> b.tableName(properties.alertLogTable())
				.key(Map.of(AlertLogTable.ALERT_ID, AttributeValue.fromS(alert.id())))
				.consistentRead(true))
			.hasItem();
	}

	void recordSent(StockAlert alert) {
		long expiresAt = clock.instant().plus(properties.alertLogRetention()).getEpochSecond();
		dynamoDb.putItem(b -> b.tableName(properties.alertLogTable())
			.item(Map.of(AlertLogTable.ALERT_ID, AttributeValue.fromS(alert.id()), AlertLogTable.EXPIRES_AT,
					AttributeValue.fromN(Long.toString(expiresAt)), AlertLogTable.STORE,
					AttributeValue.fromS(alert.store()), AlertLogTable.ITEM, AttributeValue.fromS(alert.item()),
					AlertLogTable.TYPE, AttributeValue.fromS(alert.type()))));
	}

}
