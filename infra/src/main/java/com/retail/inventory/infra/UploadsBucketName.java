package com.retail.inventory.infra;

import com.retail.inventory.contracts.InventoryResources;
import software.amazon.awscdk.Aws;

/**
 * The uploads bucket's name in AWS. S3 bucket names are global across all accounts, so
 * the shared name {@code inventory-uploads} alone would collide; by default the account
 * id and region are appended ({@code inventory-uploads-123456789012-eu-west-1}). Context
 * {@code uploadsBucketPrefix} and {@code uploadsBucketSuffix} replace that;
 * {@code -c uploadsBucketSuffix=} deploys the exact shared name.
 *
 * <p>
 * The name is computed, not read from the bucket resource, so the IAM roles (another
 * stack) and the queue policy (which the bucket must wait for) can name the bucket
 * without a reference to it.
 */
public final class UploadsBucketName {

	private UploadsBucketName() {
	}

	/**
	 * A string that may contain CloudFormation pseudo-parameter tokens; valid in any
	 * stack of the app.
	 */
	public static String of(InventoryResources names, DeploymentSettings settings) {
		String suffix = settings.uploadsBucketSuffix().orElse("-" + Aws.ACCOUNT_ID + "-" + Aws.REGION);
		return settings.uploadsBucketPrefix() + names.uploadsBucket() + suffix;
	}

}
