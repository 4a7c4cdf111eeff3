package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each consumer group's Kinesis Client Library tables, property by property, as KCL 3.1.2
 * would create them (and the local runner does): the lease table with its index by owner,
 * the coordinator state and worker metrics tables; on-demand, encrypted, no TTL.
 */
class KclTablesTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private static final Map<String, Object> ON_DEMAND_ENCRYPTED = Map.of("BillingMode", "PAY_PER_REQUEST",
			"SSESpecification", Map.of("SSEEnabled", true));

	enum Group {

		LOADER(NAMES.loaderLeaseTable(), NAMES.loaderCoordinatorStateTable(), NAMES.loaderWorkerMetricsTable()),

		STOCK_ALERT(NAMES.stockAlertLeaseTable(), NAMES.stockAlertCoordinatorStateTable(),
				NAMES.stockAlertWorkerMetricsTable());

		final String leases;

		final String coordinatorState;

		final String workerMetrics;

		Group(String leases, String coordinatorState, String workerMetrics) {
			this.leases = leases;
			this.coordinatorState = coordinatorState;
			this.workerMetrics = workerMetrics;
		}

	}

	private final TemplateResources template = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson());

	/**
	 * Hash key {@code leaseKey}, the index {@code LeaseOwnerToLeaseKeyIndex} (hash
	 * {@code leaseOwner}, range {@code leaseKey}, keys only, on demand like its table),
	 * point-in-time recovery: the checkpoints are the group's state.
	 */
	@ParameterizedTest
	@EnumSource(Group.class)
	void leaseTableHasKclsKeyIndexAndPointInTimeRecovery(Group group) {
		Map<String, Object> leases = properties(group.leases);
		assertThat(leases).containsAllEntriesOf(ON_DEMAND_ENCRYPTED)
			.containsEntry("KeySchema",
					List.of(Map.of("AttributeName", LeaseTableAttributes.LEASE_KEY, "KeyType", "HASH")))
			.containsEntry("AttributeDefinitions",
					List.of(Map.of("AttributeName", LeaseTableAttributes.LEASE_KEY, "AttributeType", "S"),
							Map.of("AttributeName", LeaseTableAttributes.LEASE_OWNER, "AttributeType", "S")))
			.containsEntry("GlobalSecondaryIndexes",
					List.of(Map.of("IndexName", LeaseTableAttributes.OWNER_INDEX, "KeySchema",
							List.of(Map.of("AttributeName", LeaseTableAttributes.LEASE_OWNER, "KeyType", "HASH"),
									Map.of("AttributeName", LeaseTableAttributes.LEASE_KEY, "KeyType", "RANGE")),
							"Projection", Map.of("ProjectionType", "KEYS_ONLY"))))
			.containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
			.doesNotContainKeys("TimeToLiveSpecification", "ProvisionedThroughput", "StreamSpecification",
					"KinesisStreamSpecification", "LocalSecondaryIndexes");
	}

	/**
	 * One string hash key each ({@code key}, {@code wid}), no index, no TTL, no
	 * point-in-time recovery (KCL rewrites their items continually).
	 */
	@ParameterizedTest
	@EnumSource(Group.class)
	void coordinatorStateAndWorkerMetricsTablesHaveKclsHashKeyAndNothingElse(Group group) {
		for (Map.Entry<String, String> table : Map
			.of(group.coordinatorState, LeaseTableAttributes.COORDINATOR_STATE_KEY, group.workerMetrics,
					LeaseTableAttributes.WORKER_METRICS_KEY)
			.entrySet()) {
			assertThat(properties(table.getKey())).as(table.getKey())
				.containsAllEntriesOf(ON_DEMAND_ENCRYPTED)
				.containsEntry("KeySchema", List.of(Map.of("AttributeName", table.getValue(), "KeyType", "HASH")))
				.containsEntry("AttributeDefinitions",
						List.of(Map.of("AttributeName", table.getValue(), "AttributeType", "S")))
				.doesNotContainKeys("GlobalSecondaryIndexes", "TimeToLiveSpecification",
						"PointInTimeRecoverySpecification", "ProvisionedThroughput", "StreamSpecification",
						"KinesisStreamSpecification");
		}
	}

	/**
	 * Only meaningful with the streams (records kept 24 h), so destroyed with the stack
	 * like them; the business tables are the ones kept and protected.
	 */
	@ParameterizedTest
	@EnumSource(Group.class)
	void kclTablesGoWithTheStack(Group group) {
		for (String name : List.of(group.leases, group.coordinatorState, group.workerMetrics)) {
			Map<String, Object> resource = template.single("AWS::DynamoDB::Table", "TableName", name).getValue();
			assertThat(resource).as(name).containsEntry("DeletionPolicy", "Delete");
			assertThat(TemplateResources.properties(resource)).as(name).doesNotContainKey("DeletionProtectionEnabled");
		}
	}

	private Map<String, Object> properties(String tableName) {
		return TemplateResources.properties(template.single("AWS::DynamoDB::Table", "TableName", tableName).getValue());
	}

}
