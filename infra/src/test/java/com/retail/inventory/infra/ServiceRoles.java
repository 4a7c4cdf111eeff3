package com.retail.inventory.infra;

import java.util.List;
import java.util.Map;

/**
 * The IRSA roles of a synthesized cluster stack, found through the outputs the Helm
 * values are made from.
 */
final class ServiceRoles {

	private final TemplateResources cluster;

	ServiceRoles(Map<String, Object> clusterTemplate) {
		this.cluster = new TemplateResources(clusterTemplate);
	}

	String logicalId(Component component) {
		Map<String, Object> output = TemplateResources.map(cluster.outputs().get(OutputKeys.roleArn(component)));
		List<Object> getAtt = TemplateResources.list(TemplateResources.map(output.get("Value")).get("Fn::GetAtt"));
		if (!"Arn".equals(getAtt.get(1))) {
			throw new AssertionError("Output of " + component + " is not a role ARN: " + output);
		}
		return getAtt.get(0).toString();
	}

	Map<String, Object> properties(Component component) {
		Map<String, Object> role = cluster.ofType("AWS::IAM::Role").get(logicalId(component));
		if (role == null) {
			throw new AssertionError("No role " + logicalId(component));
		}
		return TemplateResources.properties(role);
	}

	/** The one statement of the trust policy. */
	Map<String, Object> trustStatement(Component component) {
		List<Object> statements = TemplateResources
			.list(TemplateResources.map(properties(component).get("AssumeRolePolicyDocument")).get("Statement"));
		if (statements.size() != 1) {
			throw new AssertionError(component + " trust policy has " + statements.size() + " statements");
		}
		return TemplateResources.map(statements.get(0));
	}

}
