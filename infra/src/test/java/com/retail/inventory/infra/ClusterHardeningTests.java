package com.retail.inventory.infra;

import static com.retail.inventory.infra.TemplateResources.list;
import static com.retail.inventory.infra.TemplateResources.map;
import static com.retail.inventory.infra.TemplateResources.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new cluster enforces NetworkPolicies (the managed VPC CNI add-on with its network
 * policy support on) and keeps pods away from the nodes' instance metadata (IMDSv2 only,
 * one hop); the node group keeps its instance type, AMI and sizes. An existing cluster is
 * not touched: the README tells its operator what to switch on.
 */
class ClusterHardeningTests {

	private final TemplateResources cluster = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).clusterJson());

	@Test
	void newClusterEnforcesNetworkPoliciesThroughTheManagedVpcCniAddon() throws Exception {
		Map<String, Object> addon = properties(single("AWS::EKS::Addon").getValue());
		assertThat(addon).containsEntry("AddonName", "vpc-cni")
			.containsEntry("ClusterName", Map.of("Ref", single("AWS::EKS::Cluster").getKey()))
			// Takes over the self-managed aws-node EKS installs; stays if the add-on is
			// removed.
			.containsEntry("ResolveConflicts", "OVERWRITE")
			.containsEntry("PreserveOnDelete", true)
			// EKS's default version for the cluster's Kubernetes version.
			.doesNotContainKeys("AddonVersion", "ServiceAccountRoleArn");
		assertThat(new ObjectMapper().readValue((String) addon.get("ConfigurationValues"), Map.class))
			.isEqualTo(Map.of("enableNetworkPolicy", "true"));
	}

	@Test
	void nodesAnswerInstanceMetadataOnlyToImdsv2FromTheNodeItself() {
		Map<String, Object> data = map(
				properties(single("AWS::EC2::LaunchTemplate").getValue()).get("LaunchTemplateData"));
		assertThat(data.get("MetadataOptions"))
			.isEqualTo(Map.of("HttpEndpoint", "enabled", "HttpTokens", "required", "HttpPutResponseHopLimit", 1));
		assertThat(data.get("BlockDeviceMappings")).isEqualTo(List.of(Map.of("DeviceName", "/dev/xvda", "Ebs",
				Map.of("VolumeSize", 20, "VolumeType", "gp3", "Encrypted", true))));
		// EKS supplies the AMI, its bootstrap, the node role and the cluster security
		// group.
		assertThat(data).doesNotContainKeys("ImageId", "UserData", "IamInstanceProfile", "InstanceType",
				"SecurityGroupIds", "NetworkInterfaces");
	}

	@Test
	void nodeGroupUsesTheLaunchTemplateAndKeepsItsInstancesAndSizes() {
		String templateId = single("AWS::EC2::LaunchTemplate").getKey();
		Map.Entry<String, Map<String, Object>> nodegroup = single("AWS::EKS::Nodegroup");
		Map<String, Object> nodes = properties(nodegroup.getValue());
		assertThat(nodes.get("LaunchTemplate")).isEqualTo(Map.of("Id", Map.of("Ref", templateId), "Version",
				Map.of("Fn::GetAtt", List.of(templateId, "LatestVersionNumber"))));
		assertThat(nodes).containsEntry("AmiType", "AL2023_x86_64_STANDARD")
			.containsEntry("InstanceTypes", List.of(DeploymentSettings.DEFAULT_NODE_INSTANCE_TYPE))
			.containsEntry("ScalingConfig", Map.of("MinSize", 2, "DesiredSize", 2, "MaxSize", 4))
			// In the launch template: EKS refuses both.
			.doesNotContainKey("DiskSize");
		// The nodes start with the network policy agent in aws-node.
		assertThat(list(nodegroup.getValue().get("DependsOn"))).contains(single("AWS::EKS::Addon").getKey());
	}

	@Test
	void existingClusterIsNotChanged() {
		TemplateResources existing = new TemplateResources(SynthesizedApp.of(Variant.EXISTING_CLUSTER).clusterJson());
		for (String type : List.of("AWS::EKS::Addon", "AWS::EC2::LaunchTemplate", "AWS::EKS::Nodegroup",
				"AWS::EKS::Cluster")) {
			assertThat(existing.ofType(type)).as(type).isEmpty();
		}
	}

	private Map.Entry<String, Map<String, Object>> single(String type) {
		assertThat(cluster.ofType(type)).as(type).hasSize(1);
		return cluster.ofType(type).entrySet().iterator().next();
	}

}
