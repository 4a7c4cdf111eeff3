package com.retail.inventory.infra;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What differs between deployments, read from CDK context
 * ({@code cdk deploy -c key=value} or cdk.json). Names never come from here: they come
 * from {@code inventory-resources.properties}; the only exception is an optional
 * prefix/suffix that makes the uploads bucket name globally unique.
 *
 * @param uploadsBucketSuffix empty for no suffix; absent for the default
 * {@code -<account>-<region>}
 * @param storeUploaderTrustedPrincipalArn the IAM principal (account root, role or user)
 * the store uploader role trusts; absent for the deploying account's root, which lets
 * every principal of the account that its own IAM policy allows assume the role
 * @param alertEmails subscribed to every alert
 * @param alertSmsNumbers subscribed to every alert
 * @param storeAlertSubscriptions subscribed to some stores' (and types') alerts; no
 * endpoint of these is in {@code alertEmails} or {@code alertSmsNumbers}
 * @param opsAlarmEmails subscribed to the operations topic the CloudWatch alarms notify
 * (a topic of its own: an address may be here and in {@code alertEmails} too)
 */
public record DeploymentSettings(String namespace, String uploadsBucketPrefix, Optional<String> uploadsBucketSuffix,
		StreamCapacity streamCapacity, List<String> alertEmails, List<String> alertSmsNumbers,
		List<StoreAlertSubscription> storeAlertSubscriptions, MfaMode mfa, ClusterSettings cluster,
		Optional<String> storeUploaderTrustedPrincipalArn, List<String> opsAlarmEmails) {

	/** Context key of {@link #opsAlarmEmails()}. */
	public static final String OPS_ALARM_EMAILS = "opsAlarmEmails";

	public static final String DEFAULT_NAMESPACE = "inventory";

	public static final String DEFAULT_CLUSTER_NAME = "inventory-platform";

	/**
	 * In standard (not extended, 6x priced) EKS support at the time of writing; check
	 * before deploying.
	 */
	public static final String DEFAULT_KUBERNETES_VERSION = "1.35";

	public static final String DEFAULT_NODE_INSTANCE_TYPE = "t3.medium";

	public static final int DEFAULT_NODE_COUNT = 2;

	/**
	 * Whether users of the dashboard must, may or cannot enrol an authenticator app
	 * (TOTP).
	 */
	public enum MfaMode {

		OFF, OPTIONAL, REQUIRED

	}

	public DeploymentSettings {
		if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
			throw new IllegalArgumentException("namespace is not a Kubernetes namespace name: " + namespace);
		}
		if (!uploadsBucketPrefix.matches("[a-z0-9.-]*")) {
			throw new IllegalArgumentException("uploadsBucketPrefix may only use a-z 0-9 . -: " + uploadsBucketPrefix);
		}
		uploadsBucketSuffix.ifPresent(suffix -> {
			if (!suffix.matches("[a-z0-9.-]*")) {
				throw new IllegalArgumentException("uploadsBucketSuffix may only use a-z 0-9 . -: " + suffix);
			}
		});
		for (String email : alertEmails) {
			if (!isEmail(email)) {
				throw new IllegalArgumentException("not an email address in alertEmails: " + email);
			}
		}
		for (String number : alertSmsNumbers) {
			if (!isE164(number)) {
				throw new IllegalArgumentException("not an E.164 phone number in alertSmsNumbers: " + number);
			}
		}
		for (String email : opsAlarmEmails) {
			if (!isEmail(email)) {
				throw new IllegalArgumentException("not an email address in " + OPS_ALARM_EMAILS + ": '" + email
						+ "' (comma-separated addresses, e.g. ops@example.com,oncall@example.com)");
			}
		}
		storeUploaderTrustedPrincipalArn.ifPresent(arn -> {
			if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:(root|role/.+|user/.+)")) {
				throw new IllegalArgumentException("storeUploaderTrustedPrincipalArn must be an account root, IAM role "
						+ "or user ARN (for an SSO session use the role's ARN, not the assumed-role ARN): " + arn);
			}
		});
		// SNS keeps one subscription per topic and endpoint: CDK refuses the same
		// endpoint
		// twice, SNS too when the filter policies differ.
		Map<String, String> subscribedIn = new HashMap<>();
		subscribeOnce(subscribedIn, alertEmails, "alertEmails");
		subscribeOnce(subscribedIn, alertSmsNumbers, "alertSmsNumbers");
		subscribeOnce(subscribedIn, storeAlertSubscriptions.stream().map(StoreAlertSubscription::endpoint).toList(),
				StoreAlertSubscription.CONTEXT_KEY);
		// Another topic: only its own duplicates matter.
		subscribeOnce(new HashMap<>(), opsAlarmEmails, OPS_ALARM_EMAILS);
		alertEmails = List.copyOf(alertEmails);
		opsAlarmEmails = List.copyOf(opsAlarmEmails);
		alertSmsNumbers = List.copyOf(alertSmsNumbers);
		storeAlertSubscriptions = List.copyOf(storeAlertSubscriptions);
	}

	private static void subscribeOnce(Map<String, String> subscribedIn, List<String> endpoints, String key) {
		for (String endpoint : endpoints) {
			String earlier = subscribedIn.putIfAbsent(endpoint, key);
			if (earlier != null) {
				throw new IllegalArgumentException(earlier.equals(key) ? endpoint + " is given twice in " + key
						: endpoint + " is given in both " + earlier + " and " + key + ": SNS keeps one subscription "
								+ "per endpoint, and one in " + earlier + " already receives every alert");
			}
		}
	}

	static boolean isEmail(String text) {
		return text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	}

	/** SNS only accepts E.164 numbers for SMS subscriptions. */
	static boolean isE164(String text) {
		return text.matches("\\+[1-9]\\d{6,14}");
	}

	/**
	 * Reads every setting from context.
	 * @param context {@code app.getNode()::tryGetContext}: null for a key that is not set
	 */
	public static DeploymentSettings fromContext(Function<String, Object> context) {
		ContextValues values = new ContextValues(context);
		return new DeploymentSettings(values.string("namespace").orElse(DEFAULT_NAMESPACE),
				values.string("uploadsBucketPrefix").orElse(""), values.stringAllowingEmpty("uploadsBucketSuffix"),
				values.string("streamCapacity").map(StreamCapacity::parse).orElse(StreamCapacity.PROVISIONED),
				values.list("alertEmails"), values.list("alertSmsNumbers"),
				StoreAlertSubscription.parse(values.list(StoreAlertSubscription.CONTEXT_KEY)),
				values.string("cognitoMfa").map(DeploymentSettings::parseMfa).orElse(MfaMode.OPTIONAL),
				clusterFrom(values), values.string("storeUploaderTrustedPrincipalArn"), values.list(OPS_ALARM_EMAILS));
	}

	private static ClusterSettings clusterFrom(ContextValues values) {
		Optional<String> existingName = values.string("existingClusterName");
		Optional<String> existingOidc = values.string("existingClusterOidcProviderArn");
		if (existingName.isPresent() != existingOidc.isPresent()) {
			throw new IllegalArgumentException(
					"existingClusterName and existingClusterOidcProviderArn go together: give both or neither");
		}
		if (existingName.isPresent()) {
			return new ClusterSettings.ExistingCluster(existingName.get(), existingOidc.get());
		}
		return new ClusterSettings.NewCluster(values.string("clusterName").orElse(DEFAULT_CLUSTER_NAME),
				values.string("kubernetesVersion").orElse(DEFAULT_KUBERNETES_VERSION),
				values.string("nodeInstanceType").orElse(DEFAULT_NODE_INSTANCE_TYPE),
				values.string("nodeCount").map(Integer::parseInt).orElse(DEFAULT_NODE_COUNT),
				values.string("clusterAdminPrincipalArn"));
	}

	private static MfaMode parseMfa(String value) {
		try {
			return MfaMode.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("cognitoMfa must be off, optional or required, not '" + value + "'");
		}
	}

	/**
	 * Context from the command line is always a string; from cdk.json it can be a number
	 * or a list.
	 */
	private record ContextValues(Function<String, Object> context) {

		Optional<String> string(String key) {
			return stringAllowingEmpty(key).filter(value -> !value.isEmpty());
		}

		Optional<String> stringAllowingEmpty(String key) {
			return Optional.ofNullable(context.apply(key)).map(value -> value.toString().trim());
		}

		List<String> list(String key) {
			Object value = context.apply(key);
			if (value instanceof List<?> items) {
				return items.stream().map(item -> item.toString().trim()).filter(item -> !item.isEmpty()).toList();
			}
			return string(key)
				.map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList())
				.orElse(List.of());
		}
	}
}
