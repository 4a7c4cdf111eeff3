package com.retail.inventory.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.retail.inventory.contracts.InventoryResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The app synthesized once per variant and JVM (synthesis runs in node through jsii and
 * takes seconds), into target/cdk-test-out/&lt;variant&gt;. Environment-agnostic, no
 * credentials: what CI can do.
 */
public final class SynthesizedApp {

	/** A stand-in for an existing cluster's OIDC provider. */
	public static final String EXISTING_OIDC_ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";

	public static final String EXISTING_OIDC_PROVIDER_ARN = "arn:aws:iam::123456789012:oidc-provider/"
			+ EXISTING_OIDC_ISSUER;

	/** A stand-in for the principal that hands out store uploader sessions. */
	public static final String STORE_UPLOADER_TRUSTED_PRINCIPAL_ARN = "arn:aws:iam::123456789012:role/StoreUploadBroker";

	/**
	 * Per-store alert subscriptions, as on the command line: an email and an SMS number
	 * with and without types, one number for two stores.
	 */
	public static final String STORE_ALERT_SUBSCRIPTIONS = "Berlin=berlin@example.com,"
			+ " Hamburg=hamburg@example.com/OUT_OF_STOCK+LOW_STOCK, Berlin=+4915112345678/OUT_OF_STOCK,"
			+ " Hamburg=+4915112345678/OUT_OF_STOCK, Munich=+498912345678";

	/**
	 * Subscribed to the ops topic; {@code ops@example.com} receives the NoStock alerts
	 * too (another topic, so allowed).
	 */
	public static final String OPS_ALARM_EMAILS = "oncall@example.com, ops@example.com";

	/** The variants the tests use, by name: each a context for the app. */
	public enum Variant {

		/**
		 * No context at all: a new cluster, provisioned streams, default bucket suffix.
		 */
		DEFAULTS(Map.of()),

		/**
		 * An existing cluster, on-demand streams, alert subscriptions (head office's and
		 * {@link #STORE_ALERT_SUBSCRIPTIONS}), exact bucket name, another namespace, a
		 * store uploader role trusting one principal, {@link #OPS_ALARM_EMAILS} on the
		 * ops topic.
		 */
		EXISTING_CLUSTER(Map.ofEntries(Map.entry("existingClusterName", "shared-cluster"),
				Map.entry("existingClusterOidcProviderArn", EXISTING_OIDC_PROVIDER_ARN),
				Map.entry("namespace", "inventory-prod"), Map.entry("streamCapacity", "on-demand"),
				Map.entry("uploadsBucketSuffix", ""), Map.entry("alertEmails", "ops@example.com, buyer@example.com"),
				Map.entry("alertSmsNumbers", "+447700900123"),
				Map.entry(StoreAlertSubscription.CONTEXT_KEY, STORE_ALERT_SUBSCRIPTIONS),
				Map.entry("cognitoMfa", "required"),
				Map.entry("storeUploaderTrustedPrincipalArn", STORE_UPLOADER_TRUSTED_PRINCIPAL_ARN),
				Map.entry(DeploymentSettings.OPS_ALARM_EMAILS, OPS_ALARM_EMAILS)));

		private final Map<String, Object> context;

		Variant(Map<String, Object> context) {
			this.context = context;
		}

	}

	private static final Map<Variant, SynthesizedApp> SYNTHESIZED = new ConcurrentHashMap<>();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path directory;

	private final InventoryStacks stacks;

	private final DeploymentSettings settings;

	private SynthesizedApp(Variant variant) {
		this.directory = Path.of(System.getProperty("infra.synth.dir", "target/cdk-test-out"))
			.resolve(variant.name().toLowerCase());
		App app = App.Builder.create().outdir(directory.toString()).context(variant.context).build();
		this.settings = DeploymentSettings.fromContext(app.getNode()::tryGetContext);
		this.stacks = InventoryStacks.define(app, InventoryResources.load(), settings, null);
		CloudAssembly assembly = app.synth();
		if (!Path.of(assembly.getDirectory())
			.toAbsolutePath()
			.normalize()
			.equals(directory.toAbsolutePath().normalize())) {
			throw new IllegalStateException("synthesized into " + assembly.getDirectory() + ", not " + directory);
		}
	}

	public static SynthesizedApp of(Variant variant) {
		return SYNTHESIZED.computeIfAbsent(variant, SynthesizedApp::new);
	}

	public InventoryStacks stacks() {
		return stacks;
	}

	public DeploymentSettings settings() {
		return settings;
	}

	public Template dataTemplate() {
		return Template.fromJSON(dataJson());
	}

	public Template clusterTemplate() {
		return Template.fromJSON(clusterJson());
	}

	public Map<String, Object> dataJson() {
		return read(InventoryStacks.DATA_STACK);
	}

	public Map<String, Object> clusterJson() {
		return read(InventoryStacks.CLUSTER_STACK);
	}

	public List<Path> templateFiles() {
		try (var files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".template.json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(String stackName) {
		try {
			return JSON.readValue(directory.resolve(stackName + ".template.json").toFile(), Map.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
