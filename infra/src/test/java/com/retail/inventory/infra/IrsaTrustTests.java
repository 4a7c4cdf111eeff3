package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;

/**
 * Each role can be assumed only with a web identity token of its own ServiceAccount in
 * the configured namespace, issued by the cluster's OIDC provider for STS.
 */
class IrsaTrustTests {

	@ParameterizedTest
	@EnumSource(Component.class)
	void existingClusterRoleTrustsOnlyItsServiceAccountInTheConfiguredNamespace(Component component) {
		SynthesizedApp app = SynthesizedApp.of(Variant.EXISTING_CLUSTER);
		Map<String, Object> trust = new ServiceRoles(app.clusterJson()).trustStatement(component);

		assertThat(trust).containsOnlyKeys("Action", "Condition", "Effect", "Principal");
		assertThat(trust.get("Effect")).isEqualTo("Allow");
		assertThat(trust.get("Action")).isEqualTo("sts:AssumeRoleWithWebIdentity");
		assertThat(trust.get("Principal")).isEqualTo(Map.of("Federated", SynthesizedApp.EXISTING_OIDC_PROVIDER_ARN));
		String issuer = SynthesizedApp.EXISTING_OIDC_ISSUER;
		assertThat(trust.get("Condition")).isEqualTo(Map.of("StringEquals",
				Map.of(issuer + ":sub", "system:serviceaccount:inventory-prod:" + component.serviceAccountName(),
						issuer + ":aud", "sts.amazonaws.com")));
	}

	@ParameterizedTest
	@EnumSource(Component.class)
	void newClusterRoleTrustsOnlyItsServiceAccountThroughTheNewOidcProvider(Component component) throws Exception {
		SynthesizedApp app = SynthesizedApp.of(Variant.DEFAULTS);
		TemplateResources cluster = new TemplateResources(app.clusterJson());
		String eksId = single(cluster, "AWS::EKS::Cluster");
		String oidcId = single(cluster, "AWS::IAM::OIDCProvider");
		app.clusterTemplate()
			.hasResourceProperties("AWS::IAM::OIDCProvider",
					Map.of("Url", Map.of("Fn::GetAtt", List.of(eksId, "OpenIdConnectIssuerUrl")), "ClientIdList",
							List.of("sts.amazonaws.com")));

		Map<String, Object> trust = new ServiceRoles(app.clusterJson()).trustStatement(component);
		assertThat(trust.get("Action")).isEqualTo("sts:AssumeRoleWithWebIdentity");
		assertThat(trust.get("Principal")).isEqualTo(Map.of("Federated", Map.of("Ref", oidcId)));

		// The issuer is only known at deploy time, so the condition map is built by a
		// CfnJson resource.
		Map<String, Object> stringEquals = TemplateResources
			.map(TemplateResources.map(trust.get("Condition")).get("StringEquals"));
		List<Object> getAtt = TemplateResources.list(stringEquals.get("Fn::GetAtt"));
		assertThat(getAtt.get(1)).isEqualTo("Value");
		Map<String, Object> cfnJson = cluster.ofType("Custom::AWSCDKCfnJson").get(getAtt.get(0).toString());
		String rendered = CfnExpressions.render(TemplateResources.properties(cfnJson).get("Value"));

		String issuer = "Select(1,Split(:oidc-provider/,${" + oidcId + "}))";
		assertThat(new ObjectMapper().readValue(rendered, Map.class))
			.isEqualTo(Map.of(issuer + ":sub", "system:serviceaccount:inventory:" + component.serviceAccountName(),
					issuer + ":aud", "sts.amazonaws.com"));
	}

	@ParameterizedTest
	@EnumSource(Variant.class)
	void everyServiceHasItsOwnRole(Variant variant) {
		ServiceRoles roles = new ServiceRoles(SynthesizedApp.of(variant).clusterJson());
		assertThat(List.of(Component.values()).stream().map(roles::logicalId).distinct()).hasSize(4);
		SynthesizedApp.of(variant)
			.clusterTemplate()
			.resourcePropertiesCountIs("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
					Map.of("Statement", List.of(Match.objectLike(Map.of("Action", "sts:AssumeRoleWithWebIdentity")))))),
					4);
	}

	private static String single(TemplateResources resources, String type) {
		assertThat(resources.ofType(type)).as(type).hasSize(1);
		return resources.ofType(type).keySet().iterator().next();
	}

}
