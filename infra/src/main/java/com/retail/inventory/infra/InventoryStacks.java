package com.retail.inventory.infra;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.cluster.ClusterStack;
import com.retail.inventory.infra.data.DataStack;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The platform's two stacks, defined the same way by {@link InfraApp} and by the tests.
 */
public record InventoryStacks(DataStack data, ClusterStack cluster) {

	public static final String DATA_STACK = "InventoryData";

	public static final String CLUSTER_STACK = "InventoryCluster";

	/**
	 * @param environment account/region to pin the stacks to, or null for
	 * environment-agnostic templates (what the tests synthesize: no credentials, no
	 * lookups)
	 */
	public static InventoryStacks define(Construct scope, InventoryResources names, DeploymentSettings settings,
			Environment environment) {
		DataStack data = new DataStack(scope, DATA_STACK,
				props(environment, "Inventory platform data: uploads bucket, "
						+ "queues, streams, tables, alert topic, user pool, store uploader role, operations alarms"),
				names, settings);
		ClusterStack cluster = new ClusterStack(scope, CLUSTER_STACK,
				props(environment, "Inventory platform compute: EKS cluster and one IRSA role per service"), names,
				settings, data.users().userPool().getUserPoolArn());
		// The roles name data resources by ARN, not by reference (except the user pool,
		// whose id is generated: a cross-stack reference); deploy the data first.
		cluster.addStackDependency(data);
		Tags.of(scope).add("application", "inventory-platform");
		return new InventoryStacks(data, cluster);
	}

	private static StackProps props(Environment environment, String description) {
		StackProps.Builder props = StackProps.builder().description(description);
		if (environment != null) {
			props.env(environment);
		}
		return props.build();
	}
}
