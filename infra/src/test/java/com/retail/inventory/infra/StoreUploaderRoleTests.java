package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store uploader role (issue #8, point 4): a session tagged {@code store=<store>} may
 * put files under {@code stores/<store>/}, read their reports under
 * {@code reports/stores/<store>/} and list those two prefixes; nothing else, and no
 * session without a store tag.
 */
class StoreUploaderRoleTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private static final String OWN_STORE = "stores/${aws:PrincipalTag/store}/*";

	/** One statement as the tests compare it: everything rendered to strings. */
	record Statement(String sid, List<String> actions, List<String> resources, Map<String, Object> condition) {
	}

	@ParameterizedTest
	@EnumSource(Variant.class)
	void uploaderPutsOnlyUnderItsStoreReadsOnlyItsReportsAndListsOnlyThosePrefixes(Variant variant) {
		String bucket = "arn:${AWS::Partition}:s3:::" + bucketName(variant);
		String ownReports = NAMES.uploadsReportsPrefix() + OWN_STORE;
		assertThat(statements(variant)).containsExactly(
				new Statement("UploadOwnStoreFiles", List.of("s3:PutObject"), List.of(bucket + "/" + OWN_STORE),
						Map.of()),
				new Statement("ReadOwnStoreReports", List.of("s3:GetObject"), List.of(bucket + "/" + ownReports),
						Map.of()),
				new Statement("ListOwnStorePrefixes", List.of("s3:ListBucket"), List.of(bucket),
						Map.of("StringLike", Map.of("s3:prefix", List.of(OWN_STORE, ownReports)))));
	}

	/**
	 * What the statements allow, evaluated as IAM would for a session tagged
	 * store=Berlin: its own keys only, never another store's (not even one whose name
	 * starts with Berlin), the bucket root or the other reports.
	 */
	@Test
	void aBerlinSessionReachesBerlinsKeysOnly() {
		List<Statement> statements = statements(Variant.EXISTING_CLUSTER);
		String bucket = "arn:aws:s3:::" + NAMES.uploadsBucket();
		String reports = NAMES.uploadsReportsPrefix();

		assertThat(allowed(statements, "s3:PutObject", bucket + "/stores/Berlin/2026-12-02.csv")).isTrue();
		assertThat(allowed(statements, "s3:PutObject", bucket + "/stores/Berlin/sub/dir/file.csv")).isTrue();
		for (String key : List.of("stores/Munich/file.csv", "stores/BerlinMitte/file.csv", "stores/Berlin", "file.csv",
				"stores/file.csv", reports + "stores/Berlin/file.csv.json")) {
			assertThat(allowed(statements, "s3:PutObject", bucket + "/" + key)).as(key).isFalse();
		}

		assertThat(allowed(statements, "s3:GetObject", bucket + "/" + reports + "stores/Berlin/file.csv.json"))
			.isTrue();
		assertThat(allowed(statements, "s3:GetObject", bucket + "/" + reports + "stores/Berlin/file.csv.rejected.csv"))
			.isTrue();
		for (String key : List.of(reports + "stores/Munich/file.csv.json", reports + "file.csv.json",
				"stores/Berlin/file.csv", "file.csv")) {
			assertThat(allowed(statements, "s3:GetObject", bucket + "/" + key)).as(key).isFalse();
		}
		for (String action : List.of("s3:DeleteObject", "s3:GetObjectVersion", "s3:PutObjectAcl",
				"s3:ListBucketVersions")) {
			assertThat(allowed(statements, action, bucket + "/stores/Berlin/file.csv")).as(action).isFalse();
			assertThat(allowed(statements, action, bucket)).as(action).isFalse();
		}

		Statement list = statements.get(2);
		List<String> prefixes = CfnExpressions
			.renderAll(TemplateResources.map(list.condition().get("StringLike")).get("s3:prefix"));
		assertThat(prefixes).anyMatch(p -> glob(p, "stores/Berlin/"));
		assertThat(prefixes).anyMatch(p -> glob(p, reports + "stores/Berlin/"));
		for (String prefix : List.of("", "stores/", "stores/Munich/", "stores/BerlinMitte/", reports)) {
			assertThat(prefixes).as(prefix).noneMatch(p -> glob(p, prefix));
		}
	}

	@ParameterizedTest
	@EnumSource(Variant.class)
	void noStatementGrantsTheBucketRootAnyOtherBucketOrEverything(Variant variant) {
		String bucket = "arn:${AWS::Partition}:s3:::" + bucketName(variant);
		for (Statement statement : statements(variant)) {
			assertThat(statement.actions()).as(statement.sid())
				.isSubsetOf("s3:PutObject", "s3:GetObject", "s3:ListBucket")
				.noneMatch(action -> action.contains("*"));
			for (String resource : statement.resources()) {
				assertThat(resource).as(statement.sid())
					.isNotEqualTo("*")
					.isNotEqualTo(bucket + "/*")
					.isNotEqualTo(bucket + "/" + NAMES.uploadsReportsPrefix() + "*")
					.startsWith(bucket);
				if (resource.equals(bucket)) {
					// The bucket itself only for listing, and only with the store's
					// prefixes.
					assertThat(statement.actions()).containsExactly("s3:ListBucket");
					assertThat(statement.condition()).containsOnlyKeys("StringLike");
					assertThat(CfnExpressions
						.renderAll(TemplateResources.map(statement.condition().get("StringLike")).get("s3:prefix")))
						.isNotEmpty()
						.allMatch(prefix -> prefix.endsWith(OWN_STORE));
				}
				else {
					assertThat(resource).as(statement.sid()).endsWith("/" + OWN_STORE);
				}
			}
		}
	}

	@Test
	void byDefaultEveryPrincipalOfTheAccountMayAssumeItButOnlyWithAStoreTag() {
		assertThat(trust(Variant.DEFAULTS))
			.isEqualTo(Map.of("Effect", "Allow", "Action", List.of("sts:AssumeRole", "sts:TagSession"), "Principal",
					Map.of("AWS", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"), "Condition",
					Map.of("Null", Map.of("aws:RequestTag/store", "false"))));
	}

	@Test
	void aTrustedPrincipalFromContextReplacesTheAccount() {
		assertThat(trust(Variant.EXISTING_CLUSTER))
			.isEqualTo(Map.of("Effect", "Allow", "Action", List.of("sts:AssumeRole", "sts:TagSession"), "Principal",
					Map.of("AWS", SynthesizedApp.STORE_UPLOADER_TRUSTED_PRINCIPAL_ARN), "Condition",
					Map.of("Null", Map.of("aws:RequestTag/store", "false"))));
	}

	@ParameterizedTest
	@EnumSource(Variant.class)
	void roleHasOneInlinePolicyNoManagedPolicyAndItsArnIsAnOutput(Variant variant) {
		Map<String, Object> role = role(variant);
		assertThat(role).doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary", "RoleName");
		assertThat(TemplateResources.list(role.get("Policies"))).hasSize(1);
		assertThat(new TemplateResources(SynthesizedApp.of(variant).dataJson()).ofType("AWS::IAM::Policy")).isEmpty();
	}

	private static Map<String, Object> trust(Variant variant) {
		List<Object> statements = TemplateResources
			.list(TemplateResources.map(role(variant).get("AssumeRolePolicyDocument")).get("Statement"));
		assertThat(statements).hasSize(1);
		Map<String, Object> trust = TemplateResources.map(statements.get(0));
		return Map.of("Effect", trust.get("Effect"), "Action", CfnExpressions.renderAll(trust.get("Action")),
				"Principal",
				Map.of("AWS", CfnExpressions.render(TemplateResources.map(trust.get("Principal")).get("AWS"))),
				"Condition", trust.get("Condition"));
	}

	private static List<Statement> statements(Variant variant) {
		Map<String, Object> policy = TemplateResources
			.map(TemplateResources.list(role(variant).get("Policies")).get(0));
		return TemplateResources.list(TemplateResources.map(policy.get("PolicyDocument")).get("Statement"))
			.stream()
			.map(TemplateResources::map)
			.map(statement -> {
				assertThat(statement).containsKeys("Sid", "Effect", "Action", "Resource");
				assertThat(statement.keySet()).isSubsetOf("Sid", "Effect", "Action", "Resource", "Condition");
				assertThat(statement.get("Effect")).isEqualTo("Allow");
				Map<String, Object> condition = statement.containsKey("Condition")
						? TemplateResources.map(statement.get("Condition")) : Map.of();
				return new Statement(statement.get("Sid").toString(), CfnExpressions.renderAll(statement.get("Action")),
						CfnExpressions.renderAll(statement.get("Resource")), condition);
			})
			.toList();
	}

	/** The role the data stack's StoreUploaderRoleArn output names. */
	private static Map<String, Object> role(Variant variant) {
		TemplateResources data = new TemplateResources(SynthesizedApp.of(variant).dataJson());
		Map<String, Object> output = TemplateResources.map(data.outputs().get(OutputKeys.STORE_UPLOADER_ROLE_ARN));
		assertThat(output).as("output " + OutputKeys.STORE_UPLOADER_ROLE_ARN).isNotNull();
		List<Object> getAtt = TemplateResources.list(TemplateResources.map(output.get("Value")).get("Fn::GetAtt"));
		assertThat(getAtt.get(1)).isEqualTo("Arn");
		Map<String, Object> role = data.ofType("AWS::IAM::Role").get(getAtt.get(0).toString());
		assertThat(role).as("role " + getAtt.get(0)).isNotNull();
		return TemplateResources.properties(role);
	}

	private static String bucketName(Variant variant) {
		Map<String, Object> bucket = new TemplateResources(SynthesizedApp.of(variant).dataJson())
			.ofType("AWS::S3::Bucket")
			.values()
			.iterator()
			.next();
		return CfnExpressions.render(TemplateResources.properties(bucket).get("BucketName"));
	}

	/**
	 * Whether an Allow statement matches the action and resource for a session tagged
	 * store=Berlin in partition aws (conditions are checked separately).
	 */
	private static boolean allowed(List<Statement> statements, String action, String resource) {
		return statements.stream()
			.filter(statement -> statement.condition().isEmpty())
			.filter(statement -> statement.actions().contains(action))
			.flatMap(statement -> statement.resources().stream())
			.anyMatch(pattern -> glob(pattern.replace("${AWS::Partition}", "aws"), resource));
	}

	/** IAM's matching: {@code *} any run of characters, {@code ?} one character. */
	private static boolean glob(String pattern, String value) {
		String substituted = pattern.replace("${aws:PrincipalTag/store}", "Berlin");
		StringBuilder regex = new StringBuilder();
		for (char c : substituted.toCharArray()) {
			regex.append(switch (c) {
				case '*' -> ".*";
				case '?' -> ".";
				default -> Pattern.quote(String.valueOf(c));
			});
		}
		return value.matches(regex.toString());
	}

}
