package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.kinesis.coordinator.CoordinatorState;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseRefresher;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.worker.metricstats.WorkerMetricStats;

/**
 * One source of names: what the synthesized data template declares (names, stream and
 * queue settings, groups) is exactly {@code inventory-resources.properties}, which the
 * services and the local provisioning read too, and its tables have the key schema of the
 * contract classes. A key added to the file fails this test until the CDK app declares it
 * (or it is listed in {@link DeclaredSettings#SERVICE_ONLY_KEYS}, a setting only the
 * services apply; none is, at present).
 */
class NamesParityTests {

	@Test
	void templateDeclaresExactlyTheSharedNamesKeysAndSettings() {
		// This variant deploys the bucket under its exact shared name (empty suffix).
		Map<String, String> declared = DeclaredSettings.of(SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataJson());

		Map<String, String> shared = sharedFile();
		shared.keySet().removeAll(DeclaredSettings.SERVICE_ONLY_KEYS);
		// On-demand streams have no shard count; the provisioned default is checked
		// below.
		shared.remove("records-stream-shards");
		shared.remove("changes-stream-shards");
		declared.remove("records-stream-shards");
		declared.remove("changes-stream-shards");
		assertThat(declared).isEqualTo(shared);
	}

	@Test
	void defaultDeploymentDiffersOnlyByTheBucketSuffixForGlobalUniqueness() {
		Map<String, String> declared = DeclaredSettings.of(SynthesizedApp.of(Variant.DEFAULTS).dataJson());
		Map<String, String> shared = sharedFile();
		shared.keySet().removeAll(DeclaredSettings.SERVICE_ONLY_KEYS);

		assertThat(declared.remove("uploads-bucket"))
			.isEqualTo(shared.remove("uploads-bucket") + "-${AWS::AccountId}-${AWS::Region}");
		assertThat(declared).isEqualTo(shared);
	}

	/**
	 * No key is left to the services alone any more: the reports prefix is where the
	 * roles may write and read reports (and ingest skips those keys), the uploads
	 * retention is the bucket's expiration (and the services' TTL on upload items). The
	 * incoming prefix must stay gone: stores upload to the bucket root (or, with the
	 * store uploader role, under {@code stores/<store>/}), so no notification filter may
	 * scope by an upload prefix.
	 */
	@Test
	void everyKeyIsDeclaredByTheTemplatesAndThereIsNoIncomingPrefix() {
		Map<String, String> shared = sharedFile();
		assertThat(DeclaredSettings.SERVICE_ONLY_KEYS).isEmpty();
		assertThat(shared.get("uploads-reports-prefix")).isEqualTo(InventoryResources.load().uploadsReportsPrefix())
			.isEqualTo("reports/");
		assertThat(shared).doesNotContainKey("uploads-incoming-prefix");
		for (Variant variant : Variant.values()) {
			assertThat(DeclaredSettings.of(SynthesizedApp.of(variant).dataJson()))
				.containsEntry("uploads-reports-prefix", "reports/")
				.containsEntry("uploads-retention-days",
						String.valueOf(InventoryResources.load().uploadsRetentionDays()));
		}
	}

	/**
	 * The template's KCL tables have the key schema of {@link LeaseTableAttributes} (the
	 * tests above); here that is the key schema KCL 3 itself creates, taken from the code
	 * KCL builds its CreateTable and UpdateTable requests with. Not checked here: the
	 * index's KEYS_ONLY projection, which KCL writes inline into its UpdateTable request
	 * (LocalProvisioningParityIntegrationTests compares it with the local provisioning,
	 * and the services' integration tests run KCL on those tables).
	 */
	@Test
	void kclTablesHaveTheKeySchemaKclCreates() throws ReflectiveOperationException {
		DynamoDBLeaseSerializer leases = new DynamoDBLeaseSerializer();
		assertThat(keySchema(leases.getKeySchema())).isEqualTo(Map.of("HASH", LeaseTableAttributes.LEASE_KEY));
		assertThat(keySchema(leases.getWorkerIdToLeaseKeyIndexKeySchema()))
			.isEqualTo(Map.of("HASH", LeaseTableAttributes.LEASE_OWNER, "RANGE", LeaseTableAttributes.LEASE_KEY));
		// Package-private in KCL: the name KCL looks the index up by (DescribeTable) and
		// queries.
		Field ownerIndex = DynamoDBLeaseRefresher.class.getDeclaredField("LEASE_OWNER_TO_LEASE_KEY_INDEX_NAME");
		ownerIndex.setAccessible(true);
		assertThat(ownerIndex.get(null)).isEqualTo(LeaseTableAttributes.OWNER_INDEX);
		assertThat(CoordinatorState.COORDINATOR_STATE_TABLE_HASH_KEY_ATTRIBUTE_NAME)
			.isEqualTo(LeaseTableAttributes.COORDINATOR_STATE_KEY);
		assertThat(keySchema(WorkerMetricStats.getKeySchema()))
			.isEqualTo(Map.of("HASH", LeaseTableAttributes.WORKER_METRICS_KEY));
		// Every key attribute a string, as the template declares them.
		assertThat(attributeTypes(leases.getAttributeDefinitions(),
				leases.getWorkerIdToLeaseKeyIndexAttributeDefinitions(), WorkerMetricStats.getAttributeDefinitions()))
			.isEqualTo(Map.of(LeaseTableAttributes.LEASE_KEY, "S", LeaseTableAttributes.LEASE_OWNER, "S",
					LeaseTableAttributes.WORKER_METRICS_KEY, "S"));
	}

	@Test
	void everyDeployedResourceNameIsAnOutputForTheHelmValues() {
		Map<String, String> shared = sharedFile();
		assertThat(shared).containsKeys(OutputKeys.RESOURCE_NAME_KEYS.toArray(String[]::new));
		TemplateResources data = new TemplateResources(SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataJson());
		for (String key : OutputKeys.RESOURCE_NAME_KEYS) {
			assertThat(data.outputs()).as(key).containsKey(OutputKeys.forResource(key));
		}
		// Settings (not names) stay out of the outputs.
		assertThat(data.outputs().keySet().stream().filter(key -> key.startsWith("Resource")))
			.hasSize(OutputKeys.RESOURCE_NAME_KEYS.size());
		assertThat(List.copyOf(OutputKeys.RESOURCE_NAME_KEYS)).doesNotHaveDuplicates();
	}

	/**
	 * The shared file's settings plus the key schema of the contract classes.
	 */
	private static Map<String, String> sharedFile() {
		Map<String, String> expected = new LinkedHashMap<>(InventoryResources.load().entries());
		expected.putAll(DeclaredSettings.CONTRACT_KEY_SCHEMA);
		return expected;
	}

	private static Map<String, String> keySchema(Collection<KeySchemaElement> keys) {
		return keys.stream()
			.collect(Collectors.toMap(KeySchemaElement::keyTypeAsString, KeySchemaElement::attributeName));
	}

	@SafeVarargs
	private static Map<String, String> attributeTypes(Collection<AttributeDefinition>... definitions) {
		return List.of(definitions)
			.stream()
			.flatMap(Collection::stream)
			.collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString,
					(first, second) -> first.equals(second) ? first : first + "/" + second));
	}

}
