package com.retail.inventory.infra.cluster;

import com.retail.inventory.infra.Component;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnJson;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The IAM role one service assumes through IRSA: only a pod running as
 * {@code <namespace>/<service account>} of this cluster gets a web identity token that
 * satisfies the trust policy.
 *
 * <p>
 * Both conditions are required: {@code :sub} binds the role to the one ServiceAccount,
 * {@code :aud} to tokens minted for STS (not for other audiences of the same issuer).
 */
public final class ServiceAccountRole extends Construct {

	static final String STS_AUDIENCE = "sts.amazonaws.com";

	private final Role role;

	public ServiceAccountRole(Construct scope, String id, OidcTrust trust, String namespace, Component component,
			List<PolicyStatement> permissions) {
		super(scope, id);
		Map<String, String> claims = Map.of(trust.issuer() + ":sub",
				"system:serviceaccount:" + namespace + ":" + component.serviceAccountName(), trust.issuer() + ":aud",
				STS_AUDIENCE);
		this.role = Role.Builder.create(this, "Role")
			.description("IRSA role of " + component.serviceName() + " (" + namespace + "/"
					+ component.serviceAccountName() + ")")
			.assumedBy(new FederatedPrincipal(trust.providerArn(), Map.of("StringEquals", conditionKeys(claims)),
					"sts:AssumeRoleWithWebIdentity"))
			.inlinePolicies(Map.of(component.pascalName() + "Permissions",
					PolicyDocument.Builder.create().statements(permissions).build()))
			.build();
	}

	/**
	 * Condition keys embed the issuer. CloudFormation cannot compute a JSON key, so when
	 * the issuer is only known at deploy time (a cluster created in this stack) the map
	 * goes through CfnJson, which resolves it in a small custom resource. An existing
	 * cluster's issuer is known at synth time and needs none.
	 */
	private Object conditionKeys(Map<String, String> claims) {
		boolean issuerKnownAtSynth = claims.keySet().stream().noneMatch(Token::isUnresolved);
		if (issuerKnownAtSynth) {
			return claims;
		}
		return CfnJson.Builder.create(this, "TrustConditions").value(claims).build();
	}

	public Role role() {
		return role;
	}

}
