package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertLogTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The alert state of each store item ({@link AlertLogTable}): the level of the newest
 * transition seen and its version, so a transition delivered again, or a late older one,
 * alerts nobody; and, while its alert is being sent, which instance sends it, so two
 * instances reading the same change send it once. Entries expire through the table's TTL
 * attribute, long after the stream could deliver such a change.
 */
@Component
class AlertLog {

	private static final Logger log = LoggerFactory.getLogger(AlertLog.class);

	/** BatchGetItem takes up to 100 keys. */
	private static final int MAX_KEYS = 100;

	private final DynamoDbClient dynamoDb;

	private final StockAlertProperties properties;

	private final Clock clock;

	/** Names this instance in the claims it holds: unique per process. */
	private final String instance;

	@Autowired
	AlertLog(DynamoDbClient dynamoDb, StockAlertProperties properties, @Value("${HOSTNAME:local}") String host) {
		this(dynamoDb, properties, Clock.systemUTC(), host + "-" + UUID.randomUUID());
	}

	AlertLog(DynamoDbClient dynamoDb, StockAlertProperties properties, Clock clock, String instance) {
		this.dynamoDb = dynamoDb;
		this.properties = properties;
		this.clock = clock;
		this.instance = instance;
	}

	/**
	 * @param alertIds {@link AlertLogTable#alertId} of store items
	 * @return the version of the newest transition recorded for each that has one, but
	 * for an item whose alert is being sent right now ({@link #claim} decides for those)
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
					if (version != null && !item.containsKey(AlertLogTable.CLAIMED_BY)) {
						versions.put(item.get(AlertLogTable.ALERT_ID).s(), version.s());
					}
				});
				request = response.unprocessedKeys();
			}
		}
		return versions;
	}

	/**
	 * Records a transition that alerts nobody (or whose alert type is off), unless a
	 * newer one was recorded meanwhile.
	 * @return whether it was recorded
	 */
	boolean record(Transition transition) {
		try {
			this.dynamoDb.putItem((b) -> b.tableName(this.properties.alertLogTable())
				.item(itemOf(transition, false))
				.conditionExpression("attribute_not_exists(#v) OR #v < :v")
				.expressionAttributeNames(Map.of("#v", AlertLogTable.VERSION))
				.expressionAttributeValues(Map.of(":v", AttributeValue.fromS(transition.version()))));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	/**
	 * Takes the alert of a transition before it is sent, so that of two instances reading
	 * the same change (a shard moving from one replica to another), only one sends it:
	 * the transition is recorded with this instance as its sender, unless the item holds
	 * this version or a newer one already. A claim of the same version this instance
	 * holds, or one older than the claim timeout (its instance stopped before it sent the
	 * alert), is taken over.
	 */
	Claim claim(Transition transition) {
		Instant now = this.clock.instant();
		Map<String, AttributeValue> item = itemOf(transition, true);
		item.put(AlertLogTable.CLAIMED_BY, AttributeValue.fromS(this.instance));
		item.put(AlertLogTable.CLAIMED_AT, AttributeValue.fromN(Long.toString(now.toEpochMilli())));
		try {
			this.dynamoDb.putItem((b) -> b.tableName(this.properties.alertLogTable())
				.item(item)
				.conditionExpression("attribute_not_exists(#v) OR #v < :v OR (#v = :v AND (#by = :me OR #at < :stale))")
				.expressionAttributeNames(Map.of("#v", AlertLogTable.VERSION, "#by", AlertLogTable.CLAIMED_BY, "#at",
						AlertLogTable.CLAIMED_AT))
				.expressionAttributeValues(Map.of(":v", AttributeValue.fromS(transition.version()), ":me",
						AttributeValue.fromS(this.instance), ":stale", AttributeValue
							.fromN(Long.toString(now.minus(this.properties.claimTimeout()).toEpochMilli())))));
			return Claim.CLAIMED;
		}
		catch (ConditionalCheckFailedException ex) {
			Map<String, AttributeValue> current = this.dynamoDb
				.getItem((b) -> b.tableName(this.properties.alertLogTable())
					.key(Map.of(AlertLogTable.ALERT_ID, item.get(AlertLogTable.ALERT_ID)))
					.consistentRead(true))
				.item();
			AttributeValue version = current.get(AlertLogTable.VERSION);
			boolean sameVersion = version != null && version.s().equals(transition.version());
			return (sameVersion && current.containsKey(AlertLogTable.CLAIMED_BY)) ? Claim.ELSEWHERE : Claim.SEEN;
		}
	}

	/**
	 * Marks the alert of a claimed transition sent. Nothing to do when a newer change
	 * replaced it meanwhile, or another instance took the claim over (it was older than
	 * the claim timeout).
	 */
	void sent(Transition transition) {
		try {
			this.dynamoDb.updateItem((b) -> b.tableName(this.properties.alertLogTable())
				.key(Map.of(AlertLogTable.ALERT_ID,
						AttributeValue.fromS(AlertLogTable.alertId(transition.store(), transition.item()))))
				.updateExpression("REMOVE #by, #at")
				.conditionExpression("#v = :v AND #by = :me")
				.expressionAttributeNames(Map.of("#v", AlertLogTable.VERSION, "#by", AlertLogTable.CLAIMED_BY, "#at",
						AlertLogTable.CLAIMED_AT))
				.expressionAttributeValues(Map.of(":v", AttributeValue.fromS(transition.version()), ":me",
						AttributeValue.fromS(this.instance))));
		}
		catch (ConditionalCheckFailedException ex) {
			log.debug("{} / {} changed again before its alert was marked sent", transition.store(), transition.item());
		}
	}

	private Map<String, AttributeValue> itemOf(Transition transition, boolean alerted) {
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
		return item;
	}

	/** What {@link #claim} found. */
	enum Claim {

		/** This instance sends the alert, then marks it {@link #sent}. */
		CLAIMED,

		/** This version, or a newer one, was recorded already: nothing to send. */
		SEEN,

		/**
		 * Another instance is sending it right now: read the change again later (by then
		 * it is sent, or the claim is old enough to take over).
		 */
		ELSEWHERE

	}

}
