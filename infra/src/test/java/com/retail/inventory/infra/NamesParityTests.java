package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.BinderTableAttributes;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import io.awspring.cloud.dynamodb.DynamoDbLockRepository;
import io.awspring.cloud.dynamodb.DynamoDbMetadataStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

	@Test
	void binderTablesHaveTheKeySchemaTheBinderLibraryUses() {
		assertThat(BinderTableAttributes.CHECKPOINT).isEqualTo(DynamoDbMetadataStore.KEY);
		assertThat(BinderTableAttributes.CHECKPOINT_SEQUENCE).isEqualTo(DynamoDbMetadataStore.VALUE);
		assertThat(BinderTableAttributes.LOCK).isEqualTo(DynamoDbLockRepository.KEY_ATTR);
		assertThat(BinderTableAttributes.LOCK_EXPIRES_AT).isEqualTo(DynamoDbLockRepository.TTL_ATTR);
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

	/** The shared file's settings plus the key schema of the contract classes. */
	private static Map<String, String> sharedFile() {
		Map<String, String> expected = new LinkedHashMap<>(InventoryResources.load().entries());
		expected.putAll(DeclaredSettings.CONTRACT_KEY_SCHEMA);
		return expected;
	}

}
