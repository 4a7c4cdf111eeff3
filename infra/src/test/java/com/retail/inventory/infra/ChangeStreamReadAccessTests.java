package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.ServiceRolePolicyTests.Statement;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The managed policy other teams attach to read {@code inventory-changes}
 * (docs/change-stream.md, issue #9 point 6): polling reads of that one stream, nothing
 * else, its ARN an output of the data stack.
 */
class ChangeStreamReadAccessTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	@ParameterizedTest
	@EnumSource(Variant.class)
	void policyDescribesAndReadsTheChangeStreamOnly(Variant variant) {
		String changes = "${" + changesStreamId(variant) + ".Arn}";
		assertThat(statements(variant)).containsExactly(
				new Statement("DescribeChangeStream",
						List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"),
						List.of(changes)),
				new Statement("ReadChangeStreamRecords", List.of("kinesis:GetShardIterator", "kinesis:GetRecords"),
						List.of(changes)));
	}

	/**
	 * Exactly what stock-alert, the platform's own consumer of the stream, may call on
	 * it: a consumer built like stock-alert (docs/change-stream.md) works with this
	 * policy.
	 */
	@Test
	void grantsTheKinesisActionsStockAlertUsesOnTheSameStream() {
		List<String> stockAlert = ServiceRolePolicyTests.statementsOf(Component.STOCK_ALERT, Variant.DEFAULTS)
			.stream()
			.filter(statement -> statement.resources()
				.stream()
				.anyMatch(r -> r.endsWith(":stream/" + NAMES.changesStream())))
			.flatMap(statement -> statement.actions().stream())
			.sorted()
			.toList();
		assertThat(stockAlert).isNotEmpty();
		assertThat(statements(Variant.DEFAULTS).stream().flatMap(statement -> statement.actions().stream()).sorted())
			.containsExactlyElementsOf(stockAlert);
	}

	/**
	 * No enhanced fan-out (it needs a grant on a named consumer's ARN), no writes, no
	 * other stream, no KMS: the stream uses the AWS managed key, which needs no grant.
	 * Should the stream move to a customer managed key, this test fails: the policy then
	 * needs kms:Decrypt on that key.
	 */
	@Test
	void noFanOutNoWritesAndNoKmsBecauseTheStreamUsesTheAwsManagedKey() {
		List<String> actions = statements(Variant.DEFAULTS).stream()
			.flatMap(statement -> statement.actions().stream())
			.toList();
		assertThat(actions)
			.doesNotContain("kinesis:SubscribeToShard", "kinesis:RegisterStreamConsumer",
					"kinesis:DescribeStreamConsumer", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:ListStreams")
			.noneMatch(action -> action.startsWith("kms:"));
		Map<String, Object> changes = TemplateResources.properties(
				data(Variant.DEFAULTS).single("AWS::Kinesis::Stream", "Name", NAMES.changesStream()).getValue());
		assertThat(changes.get("StreamEncryption"))
			.isEqualTo(Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"));
	}

	/**
	 * A policy for others to attach: attached to nothing here, named by CloudFormation
	 * (IAM names are global to the account; the stack may be deployed in several
	 * regions), its ARN the output ChangeStreamReadPolicyArn.
	 */
	@ParameterizedTest
	@EnumSource(Variant.class)
	void policyIsUnattachedUnnamedAndItsArnIsAnOutput(Variant variant) {
		TemplateResources data = data(variant);
		Map<String, Map<String, Object>> policies = data.ofType("AWS::IAM::ManagedPolicy");
		assertThat(policies).hasSize(1);
		Map.Entry<String, Map<String, Object>> policy = policies.entrySet().iterator().next();
		assertThat(TemplateResources.properties(policy.getValue())).containsKeys("PolicyDocument", "Description")
			.doesNotContainKeys("ManagedPolicyName", "Roles", "Users", "Groups");
		Map<String, Object> output = TemplateResources
			.map(data.outputs().get(OutputKeys.CHANGE_STREAM_READ_POLICY_ARN));
		assertThat(output).as("output " + OutputKeys.CHANGE_STREAM_READ_POLICY_ARN).isNotNull();
		assertThat(output.get("Value")).isEqualTo(Map.of("Ref", policy.getKey()));
		// No role of either stack uses it: it is for other teams' consumers.
		for (Map<String, Object> template : List.of(SynthesizedApp.of(variant).dataJson(),
				SynthesizedApp.of(variant).clusterJson())) {
			assertThat(new TemplateResources(template).ofType("AWS::IAM::Role").values())
				.map(TemplateResources::properties)
				.allSatisfy(role -> assertThat(String.valueOf(role.get("ManagedPolicyArns")))
					.doesNotContain(policy.getKey()));
		}
	}

	private static List<Statement> statements(Variant variant) {
		Map<String, Object> policy = TemplateResources
			.properties(data(variant).ofType("AWS::IAM::ManagedPolicy").values().iterator().next());
		return ServiceRolePolicyTests.statementsIn(policy);
	}

	private static String changesStreamId(Variant variant) {
		return data(variant).single("AWS::Kinesis::Stream", "Name", NAMES.changesStream()).getKey();
	}

	private static TemplateResources data(Variant variant) {
		return new TemplateResources(SynthesizedApp.of(variant).dataJson());
	}

}
