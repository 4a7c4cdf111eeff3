package com.retail.inventory.infra.cluster;

import com.retail.inventory.infra.ClusterSettings.NewCluster;
import java.util.List;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.eks_v2.AccessPolicy;
import software.amazon.awscdk.services.eks_v2.AccessPolicyNameOptions;
import software.amazon.awscdk.services.eks_v2.AccessScopeType;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.ClusterLoggingTypes;
import software.amazon.awscdk.services.eks_v2.DefaultCapacityType;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.eks_v2.NodegroupAmiType;
import software.amazon.awscdk.services.eks_v2.NodegroupOptions;
import software.amazon.awscdk.services.eks_v2.OidcProviderNative;
import software.constructs.Construct;

/**
 * A new EKS cluster for the platform: its own VPC (two AZs, one NAT gateway), a managed
 * node group in the private subnets, and the IAM OIDC provider IRSA needs.
 *
 * <p>
 * Built with {@code aws-eks-v2}, which declares the cluster, node group, access entries
 * and OIDC provider as native CloudFormation resources: no kubectl Lambda layer
 * (lambda-layer-kubectl) and no kubectl custom resource are involved. Nothing is applied
 * inside the cluster; the Helm chart does that.
 */
public final class NewEksCluster extends Construct {

	private final Cluster cluster;

	private final OidcProviderNative oidcProvider;

	public NewEksCluster(Construct scope, String id, NewCluster settings) {
		super(scope, id);
		// One NAT gateway, not one per AZ: an AZ outage cuts the nodes' egress, but saves
		// ~$33/month idle.
		Vpc vpc = Vpc.Builder.create(this, "Vpc").maxAzs(2).natGateways(1).build();

		this.cluster = Cluster.Builder.create(this, "Cluster")
			.clusterName(settings.clusterName())
			.version(KubernetesVersion.of(settings.kubernetesVersion()))
			.vpc(vpc)
			.vpcSubnets(List.of(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build()))
			.defaultCapacityType(DefaultCapacityType.NODEGROUP)
			.defaultCapacity(0)
			// Who called the Kubernetes API, and who authenticated: the records a
			// security review asks for.
			.clusterLogging(List.of(ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR))
			.build();

		cluster.addNodegroupCapacity("Nodes",
				NodegroupOptions.builder()
					.amiType(NodegroupAmiType.AL2023_X86_64_STANDARD)
					.instanceTypes(List.of(new InstanceType(settings.nodeInstanceType())))
					.minSize(settings.nodeCount())
					.desiredSize(settings.nodeCount())
					.maxSize(settings.nodeCount() * 2)
					.subnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
					.build());

		// Declared here rather than through cluster.getOpenIdConnectProvider(), which
		// still deploys the
		// deprecated Lambda-backed provider; AWS::IAM::OIDCProvider needs no thumbprint
		// for EKS issuers.
		this.oidcProvider = OidcProviderNative.Builder.create(this, "OidcProvider")
			.url(cluster.getClusterOpenIdConnectIssuerUrl())
			.build();

		settings.adminPrincipalArn()
			.ifPresent(arn -> cluster.grantAccess("ClusterAdmin", arn,
					List.of(AccessPolicy.fromAccessPolicyName("AmazonEKSClusterAdminPolicy",
							AccessPolicyNameOptions.builder().accessScopeType(AccessScopeType.CLUSTER).build()))));
	}

	public ClusterAccess access() {
		return new ClusterAccess(cluster.getClusterName(), new OidcTrust(oidcProvider.getOpenIdConnectProviderArn(),
				oidcProvider.getOpenIdConnectProviderIssuer()));
	}

}
