package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ThresholdRules;
import com.retail.inventory.contracts.ThresholdsTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The thresholds table, read whole (a chain sets hundreds of thresholds, not millions)
 * and kept for a short while, so a change costs no request and a threshold set through
 * the dashboard applies within {@code refresh}.
 */
class ThresholdsCache {

	private static final Logger log = LoggerFactory.getLogger(ThresholdsCache.class);

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final Duration refresh;

	private final Clock clock;

	private ThresholdRules current;

	private Instant readAt = Instant.MIN;

	ThresholdsCache(DynamoDbClient dynamoDb, String table, Duration refresh, Clock clock) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.refresh = refresh;
		this.clock = clock;
	}

	/**
	 * @return the thresholds, read again when older than the refresh interval
	 * @throws software.amazon.awssdk.core.exception.SdkException when they cannot be read
	 * (the batch is then read again: alerting without the thresholds would send wrong
	 * alerts)
	 */
	synchronized ThresholdRules get() {
		Instant now = this.clock.instant();
		if (this.current == null || now.isAfter(this.readAt.plus(this.refresh))) {
			Map<ThresholdRules.Key, Long> thresholds = new HashMap<>();
			this.dynamoDb.scanPaginator((b) -> b.tableName(this.table).consistentRead(true)).items().forEach((item) -> {
				AttributeValue low = item.get(ThresholdsTable.LOW_STOCK);
				if (low != null && low.n() != null) {
					thresholds.put(new ThresholdRules.Key(item.get(ThresholdsTable.STORE).s(),
							item.get(ThresholdsTable.ITEM).s()), Long.parseLong(low.n()));
				}
			});
			this.current = new ThresholdRules(thresholds);
			this.readAt = now;
			log.debug("Read {} low-stock thresholds", thresholds.size());
		}
		return this.current;
	}

}
