package com.retail.inventory.infra;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the services run: a cluster this app creates, or one that already exists. */
public sealed interface ClusterSettings {

	/**
	 * A new EKS cluster with its own VPC, a managed node group and an IAM OIDC provider.
	 *
	 * @param adminPrincipalArn IAM role or user given cluster-admin through an EKS access
	 * entry; without it only the CloudFormation execution role that created the cluster
	 * can use kubectl
	 */
	record NewCluster(String clusterName, String kubernetesVersion, String nodeInstanceType, int nodeCount,
			Optional<String> adminPrincipalArn) implements ClusterSettings {

		public NewCluster {
			if (nodeCount < 1) {
				throw new IllegalArgumentException("nodeCount must be at least 1, not " + nodeCount);
			}
			adminPrincipalArn.ifPresent(arn -> {
				if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+")) {
					throw new IllegalArgumentException("clusterAdminPrincipalArn must be an IAM role or user ARN "
							+ "(for an SSO session use the role's ARN, not the assumed-role ARN): " + arn);
				}
			});
		}
	}

	/**
	 * A cluster that exists already: only its name (for outputs and kubeconfig) and its
	 * IAM OIDC provider (for the IRSA trust policies) are needed, nothing in it is
	 * changed.
	 */
	record ExistingCluster(String clusterName, String oidcProviderArn) implements ClusterSettings {

		/**
		 * arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF
		 */
		private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile(
				"arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/(oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/id/[A-Za-z0-9]+)");

		public ExistingCluster {
			if (clusterName.isBlank()) {
				throw new IllegalArgumentException("existingClusterName must not be blank");
			}
			if (!OIDC_PROVIDER_ARN.matcher(oidcProviderArn).matches()) {
				throw new IllegalArgumentException("existingClusterOidcProviderArn is not an EKS OIDC provider ARN "
						+ "(see `aws iam list-open-id-connect-providers`): " + oidcProviderArn);
			}
		}

		/**
		 * The issuer as IAM condition keys spell it: the provider URL without
		 * {@code https://}.
		 */
		public String oidcIssuer() {
			Matcher matcher = OIDC_PROVIDER_ARN.matcher(oidcProviderArn);
			if (!matcher.matches()) {
				throw new IllegalStateException(oidcProviderArn);
			}
			return matcher.group(1);
		}
	}

}
