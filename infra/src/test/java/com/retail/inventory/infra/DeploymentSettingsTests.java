package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.infra.ClusterSettings.ExistingCluster;
import com.retail.inventory.infra.ClusterSettings.NewCluster;
import com.retail.inventory.infra.DeploymentSettings.MfaMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Context parsing: defaults, both cluster modes, and the mistakes it refuses before
 * anything is deployed.
 */
class DeploymentSettingsTests {

	private static DeploymentSettings from(Map<String, Object> context) {
		return DeploymentSettings.fromContext(context::get);
	}

	@Test
	void noContextMeansANewClusterProvisionedStreamsAndTheDefaultNamespace() {
		DeploymentSettings settings = from(Map.of());
		assertThat(settings.namespace()).isEqualTo("inventory");
		assertThat(settings.streamCapacity()).isEqualTo(StreamCapacity.PROVISIONED);
		assertThat(settings.uploadsBucketPrefix()).isEmpty();
		assertThat(settings.uploadsBucketSuffix()).isEmpty();
		assertThat(settings.alertEmails()).isEmpty();
		assertThat(settings.alertSmsNumbers()).isEmpty();
		assertThat(settings.mfa()).isEqualTo(MfaMode.OPTIONAL);
		assertThat(settings.storeUploaderTrustedPrincipalArn()).as("the account root").isEmpty();
		assertThat(settings.cluster())
			.isEqualTo(new NewCluster("inventory-platform", "1.35", "t3.medium", 2, Optional.empty()));
	}

	@Test
	void existingClusterTakesItsIssuerFromTheOidcProviderArn() {
		DeploymentSettings settings = from(Map.of("existingClusterName", "shared", "existingClusterOidcProviderArn",
				SynthesizedApp.EXISTING_OIDC_PROVIDER_ARN));
		ExistingCluster cluster = (ExistingCluster) settings.cluster();
		assertThat(cluster.clusterName()).isEqualTo("shared");
		assertThat(cluster.oidcIssuer()).isEqualTo(SynthesizedApp.EXISTING_OIDC_ISSUER);
	}

	@Test
	void existingClusterNeedsBothItsNameAndItsOidcProvider() {
		assertThatThrownBy(() -> from(Map.of("existingClusterName", "shared")))
			.hasMessageContaining("give both or neither");
		assertThatThrownBy(() -> from(Map.of("existingClusterName", "shared", "existingClusterOidcProviderArn",
				"arn:aws:iam::123456789012:role/not-a-provider")))
			.hasMessageContaining("not an EKS OIDC provider ARN");
	}

	@Test
	void listsComeAsCommaSeparatedTextFromTheCommandLineOrAsJsonListsFromCdkJson() {
		assertThat(from(Map.of("alertEmails", " a@example.com,, b@example.com ")).alertEmails())
			.containsExactly("a@example.com", "b@example.com");
		assertThat(from(Map.of("alertSmsNumbers", List.of("+15555550100", "+447700900123"))).alertSmsNumbers())
			.containsExactly("+15555550100", "+447700900123");
	}

	@Test
	void numbersAndModesAreParsed() {
		DeploymentSettings settings = from(Map.of("streamCapacity", "on-demand", "nodeCount", 3, "nodeInstanceType",
				"m7i.large", "kubernetesVersion", "1.34", "cognitoMfa", "required", "clusterAdminPrincipalArn",
				"arn:aws:iam::123456789012:role/Admin"));
		assertThat(settings.streamCapacity()).isEqualTo(StreamCapacity.ON_DEMAND);
		assertThat(settings.mfa()).isEqualTo(MfaMode.REQUIRED);
		assertThat(settings.cluster()).isEqualTo(new NewCluster("inventory-platform", "1.34", "m7i.large", 3,
				Optional.of("arn:aws:iam::123456789012:role/Admin")));
	}

	@Test
	void storeUploadersMayBeTrustedThroughAnAccountRoleOrUser() {
		for (String arn : List.of("arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/StoreBroker",
				"arn:aws-cn:iam::123456789012:user/till-berlin")) {
			assertThat(from(Map.of("storeUploaderTrustedPrincipalArn", arn)).storeUploaderTrustedPrincipalArn())
				.contains(arn);
		}
		assertThatThrownBy(() -> from(
				Map.of("storeUploaderTrustedPrincipalArn", "arn:aws:sts::123456789012:assumed-role/StoreBroker/me")))
			.hasMessageContaining("storeUploaderTrustedPrincipalArn");
		assertThatThrownBy(() -> from(Map.of("storeUploaderTrustedPrincipalArn", "123456789012")))
			.hasMessageContaining("storeUploaderTrustedPrincipalArn");
	}

	@Test
	void anEmptyBucketSuffixMeansTheExactSharedName() {
		assertThat(from(Map.of("uploadsBucketSuffix", "")).uploadsBucketSuffix()).contains("");
		assertThat(from(Map.of("uploadsBucketSuffix", "-prod")).uploadsBucketSuffix()).contains("-prod");
	}

	@Test
	void refusesValuesAwsOrKubernetesWouldRejectLater() {
		assertThatThrownBy(() -> from(Map.of("namespace", "Inventory_Prod"))).hasMessageContaining("namespace");
		assertThatThrownBy(() -> from(Map.of("alertEmails", "ops"))).hasMessageContaining("alertEmails");
		assertThatThrownBy(() -> from(Map.of("alertSmsNumbers", "07700900123"))).hasMessageContaining("E.164");
		assertThatThrownBy(() -> from(Map.of("streamCapacity", "auto"))).hasMessageContaining("streamCapacity");
		assertThatThrownBy(() -> from(Map.of("cognitoMfa", "sms"))).hasMessageContaining("cognitoMfa");
		assertThatThrownBy(() -> from(Map.of("uploadsBucketPrefix", "Team_")))
			.hasMessageContaining("uploadsBucketPrefix");
		assertThatThrownBy(() -> from(Map.of("nodeCount", "0"))).hasMessageContaining("nodeCount");
		assertThatThrownBy(
				() -> from(Map.of("clusterAdminPrincipalArn", "arn:aws:sts::123456789012:assumed-role/Admin/me")))
			.hasMessageContaining("assumed-role");
	}

}
