package com.retail.inventory.infra;

import com.retail.inventory.contracts.InventoryResources;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * The CDK app ({@code cdk.json} runs it). Deployment settings come from context; see
 * infra/README.md.
 */
public final class InfraApp {

	private InfraApp() {
	}

	public static void main(String[] args) {
		App app = new App();
		DeploymentSettings settings = DeploymentSettings.fromContext(app.getNode()::tryGetContext);
		InventoryStacks.define(app, InventoryResources.load(), settings, environmentOfCli());
		app.synth();
	}

	/**
	 * The cdk CLI sets these from the caller's credentials and profile; without them (no
	 * credentials) the stacks are environment-agnostic and synthesize all the same.
	 */
	private static Environment environmentOfCli() {
		String account = System.getenv("CDK_DEFAULT_ACCOUNT");
		String region = System.getenv("CDK_DEFAULT_REGION");
		if (account == null && region == null) {
			return null;
		}
		return Environment.builder().account(account).region(region).build();
	}

}
