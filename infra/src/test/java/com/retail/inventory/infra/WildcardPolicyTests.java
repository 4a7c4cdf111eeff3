package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wildcards across every IAM document of every synthesized template: no identity policy
 * written here grants a wildcard action or the resource "*", and the only key patterns
 * are the four named below; the only "*" resources come with the AWS managed policies
 * that AWS itself prescribes for EKS and Lambda roles, each named below; resource
 * policies use wildcards only to deny.
 */
class WildcardPolicyTests {

	/**
	 * The AWS managed policies attached, by the service that assumes the role. They
	 * contain "*" resources and are the documented requirement of that service (EKS
	 * cluster role, EKS node role) or of CDK's CfnJson custom resource, which resolves
	 * the IRSA condition keys of a new cluster (Lambda basic execution: logs).
	 */
	private static final Map<String, List<String>> AWS_REQUIRED_MANAGED_POLICIES = Map.of("eks.amazonaws.com",
			List.of("AmazonEKSClusterPolicy"), "ec2.amazonaws.com",
			List.of("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"),
			"lambda.amazonaws.com", List.of("service-role/AWSLambdaBasicExecutionRole"));

	@ParameterizedTest
	@EnumSource(Variant.class)
	void noIdentityPolicyHasAWildcardActionOrTheStarResource(Variant variant) {
		List<Map<String, Object>> statements = identityStatements(variant);
		assertThat(statements).isNotEmpty();
		for (Map<String, Object> statement : statements) {
			assertThat(CfnExpressions.renderAll(statement.get("Action"))).as("%s", statement)
				.noneMatch(action -> action.contains("*"));
			assertThat(statement).as("%s", statement).doesNotContainKeys("NotAction", "NotResource");
			for (String resource : CfnExpressions.renderAll(statement.get("Resource"))) {
				assertThat(resource).as("%s", statement).isNotEqualTo("*");
				if (resource.contains("*")) {
					// Named cases: an S3 object ARN is a key pattern. Ingest reads every
					// object of the uploads bucket (uploads land in its root); the
					// services read and write the reports; a store uploader puts and
					// reads under its own store's prefixes (the session's store tag).
					assertThat(resource).as("%s", statement).isIn(namedKeyPatterns(variant));
				}
			}
		}
	}

	@Test
	void newClusterAttachesOnlyTheManagedPoliciesAwsPrescribes() {
		assertThat(managedPoliciesByTrustedService(Variant.DEFAULTS)).isEqualTo(AWS_REQUIRED_MANAGED_POLICIES);
	}

	@Test
	void existingClusterModeAttachesNoManagedPolicyAndCreatesOnlyTheServiceRoles() {
		assertThat(managedPoliciesByTrustedService(Variant.EXISTING_CLUSTER)).isEmpty();
		assertThat(resources(Variant.EXISTING_CLUSTER, InventoryStacks.CLUSTER_STACK).ofType("AWS::IAM::Role"))
			.hasSize(Component.values().length);
	}

	@ParameterizedTest
	@EnumSource(Variant.class)
	void resourcePoliciesUseWildcardsOnlyToDenyRequestsWithoutTls(Variant variant) {
		int denies = 0;
		for (String type : List.of("AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy")) {
			for (Map<String, Object> policy : resources(variant, InventoryStacks.DATA_STACK).ofType(type).values()) {
				Map<String, Object> document = TemplateResources
					.map(TemplateResources.properties(policy).get("PolicyDocument"));
				for (Object item : TemplateResources.list(document.get("Statement"))) {
					Map<String, Object> statement = TemplateResources.map(item);
					boolean wildcard = CfnExpressions.renderAll(statement.get("Action"))
						.stream()
						.anyMatch(a -> a.contains("*")) || String.valueOf(statement.get("Principal")).contains("*");
					if ("Allow".equals(statement.get("Effect"))) {
						assertThat(wildcard).as("%s allows with a wildcard: %s", type, statement).isFalse();
					}
					else if (wildcard) {
						denies++;
						assertThat(TemplateResources.map(statement.get("Condition"))).as("%s", statement)
							.satisfiesAnyOf(
									condition -> assertThat(condition)
										.isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
									condition -> assertThat(condition)
										.isEqualTo(Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2))));
					}
				}
			}
		}
		// Bucket: plain HTTP and TLS < 1.2; each of the three queues (upload queue, its
		// DLQ, the records DLQ); the two topics (NoStock, the ops topic).
		assertThat(denies).isEqualTo(7);
	}

	private static List<String> namedKeyPatterns(Variant variant) {
		String objects = "arn:${AWS::Partition}:s3:::" + bucketName(variant) + "/";
		String reports = InventoryResources.load().uploadsReportsPrefix();
		String ownStore = "stores/${aws:PrincipalTag/store}/*";
		return List.of(objects + "*", objects + reports + "*", objects + ownStore, objects + reports + ownStore);
	}

	private static String bucketName(Variant variant) {
		Map<String, Object> bucket = resources(variant, InventoryStacks.DATA_STACK).ofType("AWS::S3::Bucket")
			.values()
			.iterator()
			.next();
		return CfnExpressions.render(TemplateResources.properties(bucket).get("BucketName"));
	}

	private static Map<String, List<String>> managedPoliciesByTrustedService(Variant variant) {
		Map<String, List<String>> found = new TreeMap<>();
		for (String stack : List.of(InventoryStacks.DATA_STACK, InventoryStacks.CLUSTER_STACK)) {
			for (Map<String, Object> role : resources(variant, stack).ofType("AWS::IAM::Role").values()) {
				Map<String, Object> properties = TemplateResources.properties(role);
				if (!properties.containsKey("ManagedPolicyArns")) {
					continue;
				}
				Map<String, Object> trust = TemplateResources.map(TemplateResources
					.list(TemplateResources.map(properties.get("AssumeRolePolicyDocument")).get("Statement"))
					.get(0));
				String service = TemplateResources.map(trust.get("Principal")).get("Service").toString();
				List<String> names = CfnExpressions.renderAll(properties.get("ManagedPolicyArns"))
					.stream()
					.map(arn -> arn.substring(arn.indexOf(":policy/") + ":policy/".length()))
					.toList();
				assertThat(found.put(service, names)).as("one role per trusted service").isNull();
			}
		}
		return found;
	}

	private static List<Map<String, Object>> identityStatements(Variant variant) {
		List<Map<String, Object>> statements = new ArrayList<>();
		for (String stack : List.of(InventoryStacks.DATA_STACK, InventoryStacks.CLUSTER_STACK)) {
			TemplateResources template = resources(variant, stack);
			for (Map<String, Object> role : template.ofType("AWS::IAM::Role").values()) {
				for (Object policy : TemplateResources
					.list(TemplateResources.properties(role).getOrDefault("Policies", List.of()))) {
					statements.addAll(statementsOf(TemplateResources.map(policy).get("PolicyDocument")));
				}
			}
			for (String type : new TreeSet<>(List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"))) {
				for (Map<String, Object> policy : template.ofType(type).values()) {
					statements.addAll(statementsOf(TemplateResources.properties(policy).get("PolicyDocument")));
				}
			}
		}
		return statements;
	}

	private static List<Map<String, Object>> statementsOf(Object document) {
		return TemplateResources.list(TemplateResources.map(document).get("Statement"))
			.stream()
			.map(TemplateResources::map)
			.toList();
	}

	private static TemplateResources resources(Variant variant, String stack) {
		SynthesizedApp app = SynthesizedApp.of(variant);
		return new TemplateResources(stack.equals(InventoryStacks.DATA_STACK) ? app.dataJson() : app.clusterJson());
	}

}
