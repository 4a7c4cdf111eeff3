package com.retail.inventory.infra.cluster;

import com.retail.inventory.infra.ClusterSettings.NewCluster;
import java.util.List;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.eks.CfnAddon;
import software.amazon.awscdk.services.eks_v2.AccessPolicy;
import software.amazon.awscdk.services.eks_v2.AccessPolicyNameOptions;
import software.amazon.awscdk.services.eks_v2.AccessScopeType;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.ClusterLoggingTypes;
import software.amazon.awscdk.services.eks_v2.DefaultCapacityType;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.eks_v2.LaunchTemplateSpec;
import software.amazon.awscdk.services.eks_v2.Nodegroup;
import software.amazon.awscdk.services.eks_v2.NodegroupAmiType;
import software.amazon.awscdk.services.eks_v2.NodegroupOptions;
import software.amazon.awscdk.services.eks_v2.OidcProviderNative;
import software.constructs.Construct;

/**
 * A new EKS cluster for the platform: its own VPC (two AZs, one NAT gateway), a managed
 * node group in the private subnets, and the IAM OIDC provider IRSA needs.
 *
 * <p>
 * Hardened beyond EKS's defaults: the VPC CNI add-on enforces Kubernetes NetworkPolicies
 * (the chart's deny-by-default policies mean nothing without it), and the nodes answer
 * instance metadata only to IMDSv2 requests from the node itself, so a pod cannot take
 * the node role's credentials (the services use their IRSA roles).
 *
 * <p>
 * Built with {@code aws-eks-v2}, which declares the cluster, node group, access entries
 * and OIDC provider as native CloudFormation resources: no kubectl Lambda layer
 * (lambda-layer-kubectl) and no kubectl custom resource are involved. Nothing is applied
 * inside the cluster; the Helm chart does that.
 */
public final class NewEksCluster extends Construct {

	static final String VPC_CNI = "vpc-cni";

	/**
	 * The add-on's configuration: the CNI's network policy controller and the node agent
	 * in every aws-node pod ("Configure your cluster for Kubernetes network policies").
	 */
	static final String VPC_CNI_CONFIGURATION = "{\"enableNetworkPolicy\":\"true\"}";

	/**
	 * One hop: an IMDSv2 token request from a pod (its own network namespace, one hop
	 * further) never gets an answer; processes on the node itself (kubelet, aws-node with
	 * host networking) still do.
	 */
	static final int METADATA_HOP_LIMIT = 1;

	/** The size EKS gives a node group's disks without a launch template. */
	static final int NODE_DISK_GIB = 20;

	/** The root device of the EKS-optimized Amazon Linux 2023 AMIs. */
	static final String ROOT_DEVICE = "/dev/xvda";

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

		// The managed add-on replaces the self-managed aws-node EKS installs with every
		// cluster (OVERWRITE takes over its fields). No version: EKS picks the default
		// for the cluster's Kubernetes version, which a pinned version could outlive.
		// Kept in the cluster if the add-on is ever removed: without aws-node pods get no
		// network.
		CfnAddon vpcCni = CfnAddon.Builder.create(this, "VpcCni")
			.clusterName(cluster.getClusterName())
			.addonName(VPC_CNI)
			.configurationValues(VPC_CNI_CONFIGURATION)
			.resolveConflicts("OVERWRITE")
			.preserveOnDelete(true)
			.build();

		LaunchTemplate nodeTemplate = LaunchTemplate.Builder.create(this, "NodeLaunchTemplate")
			.httpEndpoint(true)
			.httpTokens(LaunchTemplateHttpTokens.REQUIRED)
			.httpPutResponseHopLimit(METADATA_HOP_LIMIT)
			// With a launch template the node group's diskSize may not be set: the same
			// disk here, encrypted.
			.blockDevices(List.of(BlockDevice.builder()
				.deviceName(ROOT_DEVICE)
				.volume(BlockDeviceVolume.ebs(NODE_DISK_GIB,
						EbsDeviceOptions.builder().volumeType(EbsDeviceVolumeType.GP3).encrypted(true).build()))
				.build()))
			.build();

		// Not "Nodes" any more: EKS cannot give a node group created without a launch
		// template one, so a cluster deployed before gets a new group under the new id
		// (CloudFormation creates it first and deletes the old one, draining its nodes,
		// at the end of the update).
		Nodegroup nodes = cluster.addNodegroupCapacity("NodesWithLaunchTemplate",
				NodegroupOptions.builder()
					.amiType(NodegroupAmiType.AL2023_X86_64_STANDARD)
					.instanceTypes(List.of(new InstanceType(settings.nodeInstanceType())))
					.minSize(settings.nodeCount())
					.desiredSize(settings.nodeCount())
					.maxSize(settings.nodeCount() * 2)
					.subnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
					// The latest version: a change of the template rolls the nodes.
					.launchTemplateSpec(LaunchTemplateSpec.builder()
						.id(nodeTemplate.getLaunchTemplateId())
						.version(nodeTemplate.getLatestVersionNumber())
						.build())
					.build());
		// Nodes join with network policies enforced from their first pod on.
		nodes.getNode().addDependency(vpcCni);

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
