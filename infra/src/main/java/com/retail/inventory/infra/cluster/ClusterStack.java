package com.retail.inventory.infra.cluster;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.ClusterSettings;
import com.retail.inventory.infra.Component;
import com.retail.inventory.infra.DeploymentSettings;
import com.retail.inventory.infra.OutputKeys;
import com.retail.inventory.infra.UploadsBucketName;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Where the services run and what each may do: the EKS cluster (new, or an existing one
 * by name) and one IRSA role per service. The roles name the data stack's resources by
 * ARN, so this stack can be deployed, replaced or pointed at another cluster without
 * touching the data. The exception is the user pool, whose id Cognito generates: its ARN
 * is imported from the data stack, which therefore cannot replace the pool while this
 * stack exists (a replaced pool would be an empty one: users, passwords and MFA devices
 * do not move, so that block is welcome).
 */
public final class ClusterStack extends Stack {

	private final Map<Component, ServiceAccountRole> roles = new EnumMap<>(Component.class);

	/**
	 * @param userPoolArn the data stack's user pool: the one resource the roles reference
	 * (an import of the data stack's export), because Cognito generates the pool's id
	 */
	public ClusterStack(Construct scope, String id, StackProps props, InventoryResources names,
			DeploymentSettings settings, String userPoolArn) {
		super(scope, id, props);
		ClusterAccess cluster = clusterAccess(settings.cluster());
		ServicePermissions permissions = new ServicePermissions(names,
				new ResourceArns(this, names, UploadsBucketName.of(names, settings)), userPoolArn);
		for (Component component : Component.values()) {
			ServiceAccountRole role = new ServiceAccountRole(this, component.pascalName(), cluster.oidcTrust(),
					settings.namespace(), component, permissions.of(component));
			roles.put(component, role);
			output(OutputKeys.roleArn(component), role.role().getRoleArn(),
					"IRSA role of the " + component.serviceName() + " ServiceAccount");
		}
		output(OutputKeys.CLUSTER_NAME, cluster.clusterName(), "EKS cluster the services run on");
		output(OutputKeys.NAMESPACE, settings.namespace(), "Kubernetes namespace the roles trust");
	}

	private ClusterAccess clusterAccess(ClusterSettings settings) {
		if (settings instanceof ClusterSettings.ExistingCluster existing) {
			return new ClusterAccess(existing.clusterName(),
					new OidcTrust(existing.oidcProviderArn(), existing.oidcIssuer()));
		}
		return new NewEksCluster(this, "Eks", (ClusterSettings.NewCluster) settings).access();
	}

	private void output(String key, String value, String description) {
		CfnOutput.Builder.create(this, key).key(key).value(value).description(description).build();
	}

	public ServiceAccountRole role(Component component) {
		return roles.get(component);
	}

}
