package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.AlertType;
import com.retail.inventory.infra.ClusterSettings.ExistingCluster;
import com.retail.inventory.infra.ClusterSettings.NewCluster;
import com.retail.inventory.infra.DeploymentSettings.MfaMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
		assertThat(settings.storeAlertSubscriptions()).isEmpty();
		assertThat(settings.mfa()).isEqualTo(MfaMode.OPTIONAL);
		assertThat(settings.storeUploaderTrustedPrincipalArn()).as("the account root").isEmpty();
		assertThat(settings.opsAlarmEmails()).isEmpty();
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

	/**
	 * The ops topic is another topic: an address may receive alerts and alarms, but not
	 * be subscribed to the ops topic twice.
	 */
	@Test
	void opsAlarmEmailsAreAddressesGivenOnce() {
		assertThat(from(
				Map.of("opsAlarmEmails", " oncall@example.com,, ops@example.com ", "alertEmails", "ops@example.com"))
			.opsAlarmEmails()).containsExactly("oncall@example.com", "ops@example.com");
		assertThat(from(Map.of("opsAlarmEmails", List.of("oncall@example.com"))).opsAlarmEmails()).as("from cdk.json")
			.containsExactly("oncall@example.com");
		assertThatThrownBy(() -> from(Map.of("opsAlarmEmails", "oncall@example.com,+447700900123")))
			.hasMessageContaining("not an email address in opsAlarmEmails: '+447700900123'");
		assertThatThrownBy(() -> from(Map.of("opsAlarmEmails", "oncall@example.com;ops@example.com")))
			.as("semicolons are not separators")
			.hasMessageContaining("opsAlarmEmails")
			.hasMessageContaining("comma-separated");
		assertThatThrownBy(() -> from(Map.of("opsAlarmEmails", "oncall@example.com, oncall@example.com")))
			.hasMessageContaining("oncall@example.com is given twice in opsAlarmEmails");
	}

	@Test
	void storeAlertSubscriptionsAreStoreEqualsEndpointWithOptionalTypes() {
		assertThat(from(Map.of("storeAlertSubscriptions",
				"Berlin=berlin@example.com,Berlin=+4915112345678/OUT_OF_STOCK, Hamburg = hamburg@example.com / "
						+ "BACK_IN_STOCK + LOW_STOCK"))
			.storeAlertSubscriptions())
			.containsExactly(new StoreAlertSubscription("berlin@example.com", List.of("Berlin"), List.of()),
					new StoreAlertSubscription("+4915112345678", List.of("Berlin"), List.of(AlertType.OUT_OF_STOCK)),
					new StoreAlertSubscription("hamburg@example.com", List.of("Hamburg"),
							List.of(AlertType.LOW_STOCK, AlertType.BACK_IN_STOCK)));
		assertThat(from(Map.of("storeAlertSubscriptions", List.of("Frankfurt am Main=ffm@example.com")))
			.storeAlertSubscriptions()).as("from cdk.json, a store name with spaces")
			.containsExactly(new StoreAlertSubscription("ffm@example.com", List.of("Frankfurt am Main"), List.of()));
	}

	/**
	 * SNS keeps one subscription per topic and endpoint, so an endpoint given for several
	 * stores is one subscription whose filter lists them all.
	 */
	@Test
	void anEndpointOfSeveralStoresIsOneSubscriptionForAllOfThem() {
		StoreAlertSubscription regional = from(Map.of("storeAlertSubscriptions",
				"Berlin=north@example.com/LOW_STOCK+OUT_OF_STOCK, Hamburg=north@example.com/OUT_OF_STOCK+LOW_STOCK,"
						+ " Berlin=north@example.com/LOW_STOCK+OUT_OF_STOCK"))
			.storeAlertSubscriptions()
			.get(0);
		assertThat(regional.stores()).containsExactly("Berlin", "Hamburg");
		assertThat(regional.typeNames()).containsExactly("OUT_OF_STOCK", "LOW_STOCK");
		assertThat(regional.sms()).isFalse();

		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions",
				"Berlin=+4915112345678/OUT_OF_STOCK,Hamburg=+4915112345678/LOW_STOCK")))
			.hasMessageContaining("different alert types in 'Berlin=+4915112345678/OUT_OF_STOCK' and "
					+ "'Hamburg=+4915112345678/LOW_STOCK'");
		assertThatThrownBy(() -> from(
				Map.of("storeAlertSubscriptions", "Berlin=+4915112345678/OUT_OF_STOCK,Hamburg=+4915112345678")))
			.hasMessageContaining("give every entry of an endpoint the same types");
		assertThatThrownBy(() -> from(Map.of("alertEmails", "ops@example.com", "storeAlertSubscriptions",
				"Berlin=ops@example.com/OUT_OF_STOCK")))
			.hasMessageContaining("ops@example.com is given in both alertEmails and storeAlertSubscriptions");
		assertThatThrownBy(() -> from(Map.of("alertSmsNumbers", "+447700900123, +447700900123")))
			.hasMessageContaining("+447700900123 is given twice in alertSmsNumbers");
	}

	@Test
	void storeAlertSubscriptionsRefuseUnknownTypesAndEndpointsSnsWouldReject() {
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=+4915112345678/OUT_OF_STOCKS")))
			.hasMessageContaining("unknown alert type 'OUT_OF_STOCKS'")
			.hasMessageContaining("OUT_OF_STOCK+LOW_STOCK+BACK_IN_STOCK");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=+4915112345678/out_of_stock")))
			.as("filter policies compare case-sensitively")
			.hasMessageContaining("unknown alert type 'out_of_stock'");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=berlin@example.com/")))
			.hasMessageContaining("empty alert type");
		assertThatThrownBy(
				() -> from(Map.of("storeAlertSubscriptions", "Berlin=berlin@example.com/OUT_OF_STOCK+OUT_OF_STOCK")))
			.hasMessageContaining("names OUT_OF_STOCK twice");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=berlin@example")))
			.hasMessageContaining("'berlin@example' is neither an email address nor an E.164 phone number");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=015112345678")))
			.hasMessageContaining("'015112345678' is neither an email address nor an E.164 phone number");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=+0151"))).hasMessageContaining("E.164");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Berlin=/OUT_OF_STOCK")))
			.hasMessageContaining("no endpoint");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "berlin@example.com")))
			.hasMessageContaining("is not <store>=<endpoint> or <store>=<endpoint>/<TYPE>+<TYPE>");
	}

	@Test
	void storeAlertSubscriptionsRefuseStoreNamesTheyCannotExpress() {
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", " =berlin@example.com")))
			.hasMessageContaining("no store before '='");
		for (String entries : List.of("Ber=lin=berlin@example.com", "Ber/lin=berlin@example.com",
				"Berlin, Mitte=mitte@example.com")) {
			assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", entries))).as(entries)
				.hasMessageContaining(
						"a store name containing '=', ',' or '/' cannot be given in " + "storeAlertSubscriptions");
		}
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", List.of("Berlin, Mitte=mitte@example.com"))))
			.as("not from cdk.json either")
			.hasMessageContaining("a store name containing '=', ',' or '/' cannot be given")
			.hasMessageContaining("'Berlin, Mitte'");
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions", "Store \"A\"=a@example.com")))
			.hasMessageContaining("quote, backslash");
	}

	/** SNS: stores times types, the filter policy's combinations, at most 150. */
	@Test
	void storeAlertSubscriptionsStayWithinSnsFilterPolicyLimits() {
		String fiftyStores = IntStream.rangeClosed(1, 50)
			.mapToObj(store -> "Store" + store + "=north@example.com/OUT_OF_STOCK+LOW_STOCK+BACK_IN_STOCK")
			.collect(Collectors.joining(","));
		assertThat(from(Map.of("storeAlertSubscriptions", fiftyStores)).storeAlertSubscriptions().get(0).stores())
			.hasSize(50);
		assertThatThrownBy(() -> from(Map.of("storeAlertSubscriptions",
				fiftyStores + ",Store51=north@example.com/OUT_OF_STOCK+LOW_STOCK+BACK_IN_STOCK")))
			.hasMessageContaining("51 stores and 3 types, 153 combinations: an SNS filter policy allows at most 150");
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
