package com.retail.inventory.infra;

import static com.retail.inventory.infra.TemplateResources.list;
import static com.retail.inventory.infra.TemplateResources.map;
import static com.retail.inventory.infra.TemplateResources.properties;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.contracts.ThresholdsTable;
import com.retail.inventory.contracts.UploadsTable;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads back, from a synthesized data template alone, the value of every key of
 * {@code inventory-resources.properties} except {@link #SERVICE_ONLY_KEYS}, and the key
 * schema of every table ({@link #CONTRACT_KEY_SCHEMA}): the names, key schema and
 * settings as AWS will create them. Resources are found by what they are (the queue with
 * a redrive policy, the queue it redrives to, the table with a range key that streams its
 * changes, the business table with an index), never by the expected name, so a wrong name
 * shows as a wrong value rather than as a missing resource.
 */
final class DeclaredSettings {

	/**
	 * Keys of the shared file that only the services apply, so no template declares them.
	 * None at present: {@code uploads-reports-prefix} is applied by IAM (the store
	 * uploader role here reads {@code <prefix>stores/<store>/*}; the service roles in the
	 * cluster stack write {@code <prefix>*}), and {@code uploads-retention-days} by the
	 * bucket's expiration rule (the services write the upload items' TTL attribute from
	 * the same value; the table only has TTL switched on).
	 */
	static final Set<String> SERVICE_ONLY_KEYS = Set.of();

	/**
	 * The key schema the contract classes define (attribute names are code, not settings
	 * of the shared file), under the keys this class reads the template's key schema
	 * into.
	 */
	static final Map<String, String> CONTRACT_KEY_SCHEMA = Map.ofEntries(
			Map.entry("inventory-table-hash-key", InventoryTable.STORE),
			Map.entry("inventory-table-range-key", InventoryTable.ITEM),
			Map.entry("alert-log-table-hash-key", AlertLogTable.ALERT_ID),
			Map.entry("alert-log-table-ttl-attribute", AlertLogTable.EXPIRES_AT),
			Map.entry("thresholds-table-hash-key", ThresholdsTable.STORE),
			Map.entry("thresholds-table-range-key", ThresholdsTable.ITEM),
			Map.entry("uploads-table-hash-key", UploadsTable.UPLOAD_ID),
			Map.entry("uploads-table-ttl-attribute", UploadsTable.EXPIRES_AT),
			Map.entry("uploads-table-index", UploadsTable.BY_DAY_INDEX),
			Map.entry("uploads-table-index-hash-key", UploadsTable.RECEIVED_DAY),
			Map.entry("uploads-table-index-range-key", UploadsTable.RECEIVED_AT),
			// "all attributes" (UploadsTable.BY_DAY_INDEX)
			Map.entry("uploads-table-index-projection", "ALL"),
			Map.entry("kcl-lease-table-hash-key", LeaseTableAttributes.LEASE_KEY),
			Map.entry("kcl-lease-table-index", LeaseTableAttributes.OWNER_INDEX),
			Map.entry("kcl-lease-table-index-hash-key", LeaseTableAttributes.LEASE_OWNER),
			Map.entry("kcl-lease-table-index-range-key", LeaseTableAttributes.LEASE_KEY),
			// KCL creates the index with the keys only (DynamoDBLeaseRefresher).
			Map.entry("kcl-lease-table-index-projection", "KEYS_ONLY"),
			Map.entry("kcl-coordinator-state-table-hash-key", LeaseTableAttributes.COORDINATOR_STATE_KEY),
			Map.entry("kcl-worker-metrics-table-hash-key", LeaseTableAttributes.WORKER_METRICS_KEY));

	private final TemplateResources template;

	private final Map<String, String> declared = new LinkedHashMap<>();

	private DeclaredSettings(Map<String, Object> dataTemplate) {
		this.template = new TemplateResources(dataTemplate);
	}

	/**
	 * Key of inventory-resources.properties (without its prefix) to the value the
	 * template declares.
	 */
	static Map<String, String> of(Map<String, Object> dataTemplate) {
		return new DeclaredSettings(dataTemplate).read();
	}

	private Map<String, String> read() {
		uploads();
		queues();
		streams();
		tables();
		// The topic no alarm notifies (the other one is the operations topic).
		Set<Object> alarmTargets = template.ofType("AWS::CloudWatch::Alarm")
			.values()
			.stream()
			.flatMap(alarm -> list(properties(alarm).getOrDefault("AlarmActions", List.of())).stream())
			.map(action -> map(action).get("Ref"))
			.collect(Collectors.toSet());
		List<Object> alertTopics = template.ofType("AWS::SNS::Topic")
			.entrySet()
			.stream()
			.filter(topic -> !alarmTargets.contains(topic.getKey()))
			.map(topic -> properties(topic.getValue()).get("TopicName"))
			.toList();
		put("no-stock-topic", alertTopics.size() == 1 ? alertTopics.get(0) : alertTopics);
		Map<String, Object> pool = one("AWS::Cognito::UserPool", any -> true);
		put("user-pool", pool.get("UserPoolName"));
		put("user-pool-client", one("AWS::Cognito::UserPoolClient", any -> true).get("ClientName"));
		Map<Object, Object> groupsByPrecedence = template.ofType("AWS::Cognito::UserPoolGroup")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.collect(Collectors.toMap(group -> group.get("Precedence"), group -> group.get("GroupName")));
		put("head-office-group", groupsByPrecedence.get(0));
		put("store-managers-group", groupsByPrecedence.get(10));
		return declared;
	}

	private void uploads() {
		Map<String, Object> bucket = one("AWS::S3::Bucket", any -> true);
		put("uploads-bucket", CfnExpressions.render(bucket.get("BucketName")));
		// The one lifecycle rule that expires current objects (uploads and reports
		// alike: the notification and the rules apply to every key).
		List<Map<String, Object>> expirations = list(map(bucket.get("LifecycleConfiguration")).get("Rules")).stream()
			.map(TemplateResources::map)
			.filter(rule -> rule.containsKey("ExpirationInDays"))
			.toList();
		put("uploads-retention-days",
				expirations.size() == 1 ? expirations.get(0).get("ExpirationInDays") : expirations);
		reportsPrefix();
	}

	/**
	 * The store uploader role (the role whose trust admits session tags) may put
	 * {@code stores/<store>/*} and read the reports of exactly those keys: the key
	 * pattern it may read is the reports prefix followed by the pattern it may put.
	 */
	private void reportsPrefix() {
		Map<String, Object> role = one("AWS::IAM::Role",
				properties -> list(map(properties.get("AssumeRolePolicyDocument")).get("Statement")).stream()
					.anyMatch(statement -> CfnExpressions.renderAll(map(statement).get("Action"))
						.contains("sts:TagSession")));
		Map<String, String> keyPatternByAction = new LinkedHashMap<>();
		for (Object policy : list(role.get("Policies"))) {
			for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
				List<String> actions = CfnExpressions.renderAll(map(statement).get("Action"));
				for (String resource : CfnExpressions.renderAll(map(statement).get("Resource"))) {
					String afterBucket = resource.substring(resource.indexOf(":s3:::") + ":s3:::".length());
					if (afterBucket.contains("/")) {
						actions.forEach(action -> keyPatternByAction.put(action,
								afterBucket.substring(afterBucket.indexOf('/') + 1)));
					}
				}
			}
		}
		String uploads = keyPatternByAction.get("s3:PutObject");
		String reports = keyPatternByAction.get("s3:GetObject");
		if (uploads == null || reports == null || !reports.endsWith(uploads)) {
			throw new AssertionError(
					"The store uploader's reports are not <prefix><its uploads>: " + keyPatternByAction);
		}
		put("uploads-reports-prefix", reports.substring(0, reports.length() - uploads.length()));
	}

	/**
	 * Three queues, told apart by their redrive wiring: the upload queue is the one queue
	 * with a redrive policy, its DLQ the queue that policy targets, and the records DLQ
	 * the one queue that neither redrives nor is a redrive target (the loader sends to it
	 * directly).
	 */
	private void queues() {
		Map<String, Map<String, Object>> queues = new LinkedHashMap<>();
		template.ofType("AWS::SQS::Queue").forEach((id, resource) -> queues.put(id, properties(resource)));
		Set<String> redriveTargets = queues.values()
			.stream()
			.filter(properties -> properties.containsKey("RedrivePolicy"))
			.map(properties -> getAttTarget(map(properties.get("RedrivePolicy")).get("deadLetterTargetArn")))
			.collect(Collectors.toSet());

		Map<String, Object> queue = only(queues.values(), properties -> properties.containsKey("RedrivePolicy"),
				"queue with a redrive policy");
		Map<String, Object> dlq = queues.get(getAttTarget(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn")));
		Map<String, Object> recordsDlq = only(
				queues.entrySet()
					.stream()
					.filter(entry -> !redriveTargets.contains(entry.getKey()))
					.map(Map.Entry::getValue)
					.toList(),
				properties -> !properties.containsKey("RedrivePolicy"), "queue outside any redrive wiring");

		put("upload-events-queue", queue.get("QueueName"));
		put("upload-events-dlq", dlq.get("QueueName"));
		put("upload-events-max-receives", map(queue.get("RedrivePolicy")).get("maxReceiveCount"));
		put("upload-events-visibility-timeout-seconds", queue.get("VisibilityTimeout"));
		put("upload-events-dlq-retention-days", retentionDays(dlq));
		put("records-dlq", recordsDlq.get("QueueName"));
		put("records-dlq-retention-days", retentionDays(recordsDlq));
	}

	/** A queue's MessageRetentionPeriod in whole days, as the shared file states it. */
	private static Object retentionDays(Map<String, Object> queue) {
		if (!(queue.get("MessageRetentionPeriod") instanceof Number period)) {
			return "(SQS default: not declared)";
		}
		int seconds = period.intValue();
		return (seconds % 86_400 == 0) ? seconds / 86_400 : seconds + " s (not whole days)";
	}

	/** The logical id a {@code {"Fn::GetAtt": [id, "Arn"]}} refers to. */
	private static String getAttTarget(Object getAtt) {
		return list(map(getAtt).get("Fn::GetAtt")).get(0).toString();
	}

	private static Map<String, Object> only(Collection<Map<String, Object>> candidates,
			Predicate<Map<String, Object>> filter, String what) {
		List<Map<String, Object>> matches = candidates.stream().filter(filter).toList();
		if (matches.size() != 1) {
			throw new AssertionError("Expected one " + what + ", found " + matches.size());
		}
		return matches.get(0);
	}

	private void streams() {
		// The changes stream is the one the Inventory table streams to; the other is the
		// records stream.
		Map<String, Object> streaming = one("AWS::DynamoDB::Table",
				properties -> properties.containsKey("KinesisStreamSpecification"));
		String changesArnOwner = list(
				map(map(streaming.get("KinesisStreamSpecification")).get("StreamArn")).get("Fn::GetAtt"))
			.get(0)
			.toString();
		Map<String, Map<String, Object>> streams = template.ofType("AWS::Kinesis::Stream");
		Map<String, Object> changes = properties(streams.get(changesArnOwner));
		Map<String, Object> records = streams.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals(changesArnOwner))
			.map(entry -> properties(entry.getValue()))
			.findFirst()
			.orElseThrow();
		put("records-stream", records.get("Name"));
		put("changes-stream", changes.get("Name"));
		put("records-stream-shards", records.get("ShardCount"));
		put("changes-stream-shards", changes.get("ShardCount"));
		Set<Object> retention = new HashSet<>(
				List.of(records.get("RetentionPeriodHours"), changes.get("RetentionPeriodHours")));
		put("stream-retention-hours", retention.size() == 1 ? retention.iterator().next() : retention);
	}

	private void tables() {
		// Two tables have a range key: Inventory streams its changes, the thresholds
		// table has no stream, TTL or index.
		Map<String, Object> inventory = one("AWS::DynamoDB::Table",
				properties -> keys(properties).size() == 2 && properties.containsKey("KinesisStreamSpecification"));
		put("inventory-table", inventory.get("TableName"));
		put("inventory-table-hash-key", keys(inventory).get("HASH"));
		put("inventory-table-range-key", keys(inventory).get("RANGE"));

		Map<String, Object> thresholds = one("AWS::DynamoDB::Table",
				properties -> keys(properties).size() == 2 && !properties.containsKey("KinesisStreamSpecification")
						&& !properties.containsKey("StreamSpecification")
						&& !properties.containsKey("TimeToLiveSpecification")
						&& !properties.containsKey("GlobalSecondaryIndexes"));
		put("thresholds-table", thresholds.get("TableName"));
		put("thresholds-table-hash-key", keys(thresholds).get("HASH"));
		put("thresholds-table-range-key", keys(thresholds).get("RANGE"));

		Map<String, Object> alertLog = one("AWS::DynamoDB::Table",
				properties -> keys(properties).size() == 1 && !isKclTable(properties)
						&& properties.containsKey("TimeToLiveSpecification")
						&& !properties.containsKey("GlobalSecondaryIndexes"));
		put("alert-log-table", alertLog.get("TableName"));
		put("alert-log-table-hash-key", keys(alertLog).get("HASH"));
		put("alert-log-table-ttl-attribute", map(alertLog.get("TimeToLiveSpecification")).get("AttributeName"));

		// The upload tracking table: the one business table with an index.
		Map<String, Object> uploads = one("AWS::DynamoDB::Table",
				properties -> !isKclTable(properties) && properties.containsKey("GlobalSecondaryIndexes"));
		put("uploads-table", uploads.get("TableName"));
		put("uploads-table-hash-key", keys(uploads).get("HASH"));
		put("uploads-table-ttl-attribute", map(uploads.get("TimeToLiveSpecification")).get("AttributeName"));
		List<Object> indexes = list(uploads.get("GlobalSecondaryIndexes"));
		if (indexes.size() != 1) {
			throw new AssertionError("Expected one index of the uploads table, found " + indexes.size());
		}
		Map<String, Object> index = map(indexes.get(0));
		Map<String, String> indexKeys = keys(uploads, index.get("KeySchema"));
		put("uploads-table-index", index.get("IndexName"));
		put("uploads-table-index-hash-key", indexKeys.get("HASH"));
		put("uploads-table-index-range-key", indexKeys.get("RANGE"));
		put("uploads-table-index-projection", map(index.get("Projection")).get("ProjectionType"));

		// KCL tables, three per consumer group (the group's service is in the name,
		// checked against the file): the lease table is the one with an index; of the
		// two others, the coordinator state and the worker metrics tables are told apart
		// by their names.
		for (String service : List.of("Loader", "StockAlert")) {
			String prefix = service.equals("Loader") ? "loader" : "stock-alert";
			Predicate<Map<String, Object>> ofService = properties -> isKclTable(properties)
					&& properties.get("TableName").toString().contains(service);
			Map<String, Object> leases = one("AWS::DynamoDB::Table",
					ofService.and(properties -> properties.containsKey("GlobalSecondaryIndexes")));
			Map<String, Object> coordinatorState = one("AWS::DynamoDB::Table",
					ofService.and(properties -> !properties.containsKey("GlobalSecondaryIndexes")
							&& properties.get("TableName").toString().contains("Coordinator")));
			Map<String, Object> workerMetrics = one("AWS::DynamoDB::Table",
					ofService.and(properties -> !properties.containsKey("GlobalSecondaryIndexes")
							&& properties.get("TableName").toString().contains("Worker")));
			put(prefix + "-lease-table", leases.get("TableName"));
			put(prefix + "-coordinator-state-table", coordinatorState.get("TableName"));
			put(prefix + "-worker-metrics-table", workerMetrics.get("TableName"));
			put("kcl-lease-table-hash-key", keys(leases).get("HASH"));
			List<Object> leaseIndexes = list(leases.get("GlobalSecondaryIndexes"));
			if (leaseIndexes.size() != 1) {
				throw new AssertionError(
						"Expected one index of " + leases.get("TableName") + ", found " + leaseIndexes.size());
			}
			Map<String, Object> leaseIndex = map(leaseIndexes.get(0));
			Map<String, String> leaseIndexKeys = keys(leases, leaseIndex.get("KeySchema"));
			put("kcl-lease-table-index", leaseIndex.get("IndexName"));
			put("kcl-lease-table-index-hash-key", leaseIndexKeys.get("HASH"));
			put("kcl-lease-table-index-range-key", leaseIndexKeys.get("RANGE"));
			put("kcl-lease-table-index-projection", map(leaseIndex.get("Projection")).get("ProjectionType"));
			put("kcl-coordinator-state-table-hash-key", keys(coordinatorState).get("HASH"));
			put("kcl-worker-metrics-table-hash-key", keys(workerMetrics).get("HASH"));
			for (Map<String, Object> table : List.of(leases, coordinatorState, workerMetrics)) {
				if (keys(table).size() != 1 || table.containsKey("TimeToLiveSpecification")) {
					throw new AssertionError(
							table.get("TableName") + " is not as KCL creates it: one hash key, no TTL");
				}
			}
		}
	}

	/**
	 * The KCL tables are the only ones with a lowercase key attribute (KCL's own names;
	 * the business tables' attributes are capitalized).
	 */
	private static boolean isKclTable(Map<String, Object> properties) {
		String hashKey = keys(properties).get("HASH");
		return hashKey != null && Character.isLowerCase(hashKey.charAt(0));
	}

	/**
	 * Key type (HASH/RANGE) to attribute name; every key attribute must be declared as a
	 * string.
	 */
	private static Map<String, String> keys(Map<String, Object> table) {
		return keys(table, table.get("KeySchema"));
	}

	/**
	 * The same for a key schema of the table's (its own or an index's), against the
	 * table's attribute definitions.
	 */
	private static Map<String, String> keys(Map<String, Object> table, Object keySchema) {
		Map<String, String> types = list(table.get("AttributeDefinitions")).stream()
			.map(TemplateResources::map)
			.collect(Collectors.toMap(a -> a.get("AttributeName").toString(), a -> a.get("AttributeType").toString()));
		Map<String, String> keys = new LinkedHashMap<>();
		for (Object element : list(keySchema)) {
			String name = map(element).get("AttributeName").toString();
			if (!"S".equals(types.get(name))) {
				throw new AssertionError("Key " + name + " of " + table.get("TableName") + " is not a string");
			}
			keys.put(map(element).get("KeyType").toString(), name);
		}
		return keys;
	}

	private Map<String, Object> one(String type, Predicate<Map<String, Object>> filter) {
		List<Map<String, Object>> matches = template.ofType(type)
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(filter)
			.toList();
		if (matches.size() != 1) {
			throw new AssertionError("Expected one " + type + " of that kind, found " + matches.size());
		}
		return matches.get(0);
	}

	/**
	 * A key read twice (e.g. KCL key schema, from each service's tables) must agree.
	 */
	private void put(String key, Object value) {
		String text = String.valueOf(value);
		String previous = declared.putIfAbsent(key, text);
		if (previous != null && !previous.equals(text)) {
			throw new AssertionError(key + " is declared as both " + previous + " and " + text);
		}
	}

}
