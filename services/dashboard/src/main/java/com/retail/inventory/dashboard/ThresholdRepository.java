package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.ThresholdsTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The low-stock thresholds table ({@link ThresholdsTable}), which the stock-alert service
 * reads whole. Small (a chain sets hundreds of thresholds), so it is scanned.
 */
@Component
class ThresholdRepository {

	private static final Logger log = LoggerFactory.getLogger(ThresholdRepository.class);

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	@Autowired
	ThresholdRepository(DynamoDbClient dynamoDb, DashboardProperties properties, ApplicationEventPublisher events) {
		this(dynamoDb, properties.thresholds().table(), Clock.systemUTC(), events);
	}

	ThresholdRepository(DynamoDbClient dynamoDb, String table, Clock clock) {
		this(dynamoDb, table, clock, (event) -> {
		});
	}

	/**
	 * @param events where {@link ThresholdsChanged} goes after a put or delete (the
	 * inventory view applies it at once)
	 */
	ThresholdRepository(DynamoDbClient dynamoDb, String table, Clock clock, ApplicationEventPublisher events) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @return every threshold, in {@link Threshold#ORDER}
	 */
	List<Threshold> all() {
		return this.dynamoDb.scanPaginator((b) -> b.tableName(this.table).consistentRead(true))
			.items()
			.stream()
			.map(ThresholdRepository::threshold)
			.filter(Objects::nonNull)
			.sorted(Threshold.ORDER)
			.toList();
	}

	/**
	 * Sets (creates or replaces) a threshold.
	 * @param request what to set
	 * @param user who sets it
	 * @return the threshold as stored
	 */
	Threshold put(ThresholdRequest request, String user) {
		String now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		Threshold threshold = new Threshold(request.key().store(), request.key().item(), request.lowStock(), now, user);
		this.dynamoDb.putItem((b) -> b.tableName(this.table).item(item(threshold)));
		this.events.publishEvent(new ThresholdsChanged(threshold.key()));
		return threshold;
	}

	/**
	 * @param key the threshold to delete
	 * @return whether there was one
	 */
	boolean delete(ThresholdKey key) {
		DeleteItemResponse response = this.dynamoDb
			.deleteItem((b) -> b.tableName(this.table).key(key(key)).returnValues(ReturnValue.ALL_OLD));
		boolean deleted = response.hasAttributes() && !response.attributes().isEmpty();
		if (deleted) {
			this.events.publishEvent(new ThresholdsChanged(key));
		}
		return deleted;
	}

	/** The table key of a threshold key ({@link ThresholdsTable#ANY} for null). */
	static Map<String, AttributeValue> key(ThresholdKey key) {
		return Map.of(ThresholdsTable.STORE, AttributeValue.fromS(key.tableStore()), ThresholdsTable.ITEM,
				AttributeValue.fromS(key.tableItem()));
	}

	/** The table item of a threshold. */
	static Map<String, AttributeValue> item(Threshold threshold) {
		Map<String, AttributeValue> item = new HashMap<>(key(threshold.key()));
		// A plain integer: the stock-alert service parses it as a long.
		item.put(ThresholdsTable.LOW_STOCK, AttributeValue.fromN(Long.toString(threshold.lowStock())));
		if (threshold.updatedAt() != null) {
			item.put(ThresholdsTable.UPDATED_AT, AttributeValue.fromS(threshold.updatedAt()));
		}
		if (threshold.updatedBy() != null) {
			item.put(ThresholdsTable.UPDATED_BY, AttributeValue.fromS(threshold.updatedBy()));
		}
		return item;
	}

	/**
	 * @param item a table item
	 * @return it as a threshold, or null when it has no whole-number
	 * {@link ThresholdsTable#LOW_STOCK} (the stock-alert service ignores it too)
	 */
	static Threshold threshold(Map<String, AttributeValue> item) {
		ThresholdKey key = ThresholdKey.fromTable(text(item, ThresholdsTable.STORE), text(item, ThresholdsTable.ITEM));
		AttributeValue low = item.get(ThresholdsTable.LOW_STOCK);
		Long lowStock = wholeNumber((low != null) ? low.n() : null);
		if (lowStock == null) {
			log.warn("Ignoring the threshold for {}: {} is not a whole number", key.describe(),
					ThresholdsTable.LOW_STOCK);
			return null;
		}
		return new Threshold(key.store(), key.item(), lowStock, text(item, ThresholdsTable.UPDATED_AT),
				text(item, ThresholdsTable.UPDATED_BY));
	}

	private static Long wholeNumber(String number) {
		if (number == null) {
			return null;
		}
		try {
			return new BigDecimal(number).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return value == null ? null : value.s();
	}

}
