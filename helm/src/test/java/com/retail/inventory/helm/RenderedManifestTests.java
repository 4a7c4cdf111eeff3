package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rendered chart, parsed into typed Kubernetes objects (unknown fields fail), against
 * the platform's policies: non-root, read-only root filesystem, probes, resources, pinned
 * images, one IRSA ServiceAccount, a PDB and an autoscaler per component, default-deny
 * networking, graceful shutdown, and the configuration contract with the services. Each
 * policy is checked for the default, local and production values.
 */
class RenderedManifestTests {

	static final List<String> COMPONENTS = List.of("ingest", "loader", "stock-alert", "dashboard");

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(secret|password|passwd|token|access_?key|private_?key|credential|api_?key).*");

	private static final Map<ValuesSet, Manifests.Release> RELEASES = new EnumMap<>(ValuesSet.class);

	/** Rendering is deterministic: one render per values set serves every test. */
	private static synchronized Manifests.Release release(ValuesSet values) {
		return RELEASES.computeIfAbsent(values, v -> Manifests.parse(HelmChart.template(v)));
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void rendersTheExpectedObjectsInTheReleaseNamespace(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			release.one(Deployment.class, component);
			release.one(ServiceAccount.class, component);
			release.one(ConfigMap.class, component + "-env");
			release.one(PodDisruptionBudget.class, component);
			release.one(NetworkPolicy.class, component);
		}
		release.one(Service.class, "dashboard");
		assertThat(release.all(Ingress.class)).hasSize(values == ValuesSet.PROD ? 1 : 0);
		assertThat(release.objects()).allSatisfy(object -> {
			assertThat(object.getMetadata().getNamespace()).as(id(object)).isEqualTo(HelmChart.NAMESPACE);
			assertThat(object.getMetadata().getLabels()).as(id(object))
				.containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE)
				.containsEntry("app.kubernetes.io/part-of", "inventory-platform")
				.containsKey("app.kubernetes.io/component");
		});
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyComponentRunsAsItsOwnServiceAccountWithAnIamRole(ValuesSet values) {
		Manifests.Release release = release(values);

		assertThat(release.all(ServiceAccount.class)).extracting(sa -> sa.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(COMPONENTS);
		for (String component : COMPONENTS) {
			ServiceAccount serviceAccount = release.one(ServiceAccount.class, component);
			assertThat(serviceAccount.getMetadata().getAnnotations()).as(component)
				.containsEntry("eks.amazonaws.com/role-arn",
						componentValue(values, component, "serviceAccount", "roleArn"));
			assertThat(serviceAccount.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"))
				.matches("arn:aws:iam::[0-9]{12}:role/.+");
			PodSpec pod = podSpec(release, component);
			assertThat(pod.getServiceAccountName()).as(component).isEqualTo(component);
			assertThat(pod.getAutomountServiceAccountToken()).as(component).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyContainerIsLockedDown(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			PodSpec pod = podSpec(release, component);
			assertLockedDown(component, pod);
			Container container = pod.getContainers().get(0);
			String tmpVolume = container.getVolumeMounts()
				.stream()
				.filter(mount -> "/tmp".equals(mount.getMountPath()))
				.map(mount -> mount.getName())
				.findFirst()
				.orElseThrow(() -> new AssertionError(component + ": no writable /tmp"));
			Volume volume = pod.getVolumes()
				.stream()
				.filter(v -> v.getName().equals(tmpVolume))
				.findFirst()
				.orElseThrow();
			assertThat(volume.getEmptyDir()).as(component + " /tmp is an emptyDir").isNotNull();
			assertThat(volume.getEmptyDir().getSizeLimit()).as(component + " /tmp size limit").isNotNull();
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyContainerHasActuatorProbesAndResources(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			Container container = podSpec(release, component).getContainers().get(0);
			assertThat(container.getPorts()).as(component).anySatisfy(port -> {
				assertThat(port.getName()).isEqualTo("http");
				assertThat(port.getContainerPort()).isEqualTo(8080);
			}).anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
			assertHttpProbe(component + " startup", container.getStartupProbe(), "/actuator/health/liveness");
			assertHttpProbe(component + " liveness", container.getLivenessProbe(), "/actuator/health/liveness");
			assertHttpProbe(component + " readiness", container.getReadinessProbe(), "/actuator/health/readiness");
			assertResources(component, container);
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void imagesFollowTheNamingConventionAndAreNeverLatest(ValuesSet values) {
		Manifests.Release release = release(values);
		Map<String, Object> image = map(map(HelmChart.values(values), "global"), "image");

		for (String component : COMPONENTS) {
			String reference = podSpec(release, component).getContainers().get(0).getImage();
			Matcher matcher = Pattern
				.compile("(?<registry>.+)/inventory-" + Pattern.quote(component)
						+ ":(?<tag>[A-Za-z0-9_.-]+)(@sha256:[a-f0-9]{64})?")
				.matcher(reference);
			assertThat(matcher.matches()).as("%s image %s", component, reference).isTrue();
			assertThat(matcher.group("registry")).isEqualTo(image.get("registry"));
			assertThat(matcher.group("tag")).isEqualTo(image.get("tag")).isNotEqualToIgnoringCase("latest");
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyComponentGetsRegionResourceNamesAndServerSettings(ValuesSet values) {
		Manifests.Release release = release(values);
		Map<String, Object> resources = map(HelmChart.values(values), "resources");
		Map<String, Object> cognito = map(HelmChart.values(values), "cognito");

		for (String component : COMPONENTS) {
			Container container = podSpec(release, component).getContainers().get(0);
			assertThat(container.getEnvFrom()).as(component)
				.anySatisfy(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo(component + "-env"));
			Map<String, String> env = release.one(ConfigMap.class, component + "-env").getData();
			assertThat(env).as(component)
				.containsEntry("AWS_REGION",
						String.valueOf(map(map(HelmChart.values(values), "global"), "aws").get("region")))
				.containsEntry("SERVER_PORT", "8080")
				.containsEntry("SERVER_SHUTDOWN", "graceful")
				.containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
			resources.forEach((key, value) -> assertThat(env).as(component)
				.containsEntry("INVENTORY_RESOURCES_" + key.toUpperCase().replace('-', '_'), String.valueOf(value)));
			if (component.equals("dashboard")) {
				assertThat(env)
					.containsEntry("INVENTORY_DASHBOARD_COGNITO_USER_POOL_ID",
							String.valueOf(cognito.get("userPoolId")))
					.containsEntry("INVENTORY_DASHBOARD_COGNITO_CLIENT_ID", String.valueOf(cognito.get("clientId")));
			}
			else {
				assertThat(env).as(component).doesNotContainKeys("INVENTORY_DASHBOARD_COGNITO_USER_POOL_ID");
			}
			// Emulator endpoints belong to values-local.yaml only: anywhere else they
			// would divert AWS calls.
			List<String> extraEnv = Optional.ofNullable(container.getEnv())
				.orElse(List.of())
				.stream()
				.map(EnvVar::getName)
				.toList();
			if (values == ValuesSet.LOCAL) {
				assertThat(extraEnv).as(component)
					.contains("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_KINESIS", "CBOR_ENABLED");
			}
			else {
				assertThat(extraEnv).as(component).doesNotContain("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_KINESIS");
				assertThat(env.keySet()).as(component).noneMatch(name -> name.startsWith("AWS_ENDPOINT_URL"));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void noSecretIsRendered(ValuesSet values) {
		Manifests.Release release = release(values);

		assertThat(release.objects()).extracting(HasMetadata::getKind).doesNotContain("Secret");
		for (String component : COMPONENTS) {
			Container container = podSpec(release, component).getContainers().get(0);
			Stream
				.concat(Optional.ofNullable(container.getEnv())
					.orElse(List.of())
					.stream()
					.filter(env -> env.getValue() != null)
					.map(EnvVar::getName), release.one(ConfigMap.class, component + "-env").getData().keySet().stream())
				.forEach(name -> assertThat(name).as("%s: literal value for a credential", component)
					.doesNotMatch(SECRET_NAME));
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyComponentHasAnAutoscalerAndADisruptionBudget(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			Deployment deployment = release.one(Deployment.class, component);
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

			PodDisruptionBudget budget = release.one(PodDisruptionBudget.class, component);
			assertThat(podLabels).as(component + " PDB selects the pods")
				.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
			assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(component).isPositive();

			Optional<HorizontalPodAutoscaler> hpa = release.find(HorizontalPodAutoscaler.class, component);
			Optional<Keda.ScaledObject> scaledObject = release.scaledObjects()
				.stream()
				.filter(so -> so.spec().scaleTargetRef().name().equals(component))
				.findFirst();
			assertThat(hpa.isPresent() ^ scaledObject.isPresent())
				.as("%s: exactly one of HPA and ScaledObject", component)
				.isTrue();
			hpa.ifPresent(autoscaler -> {
				assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
				assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(component);
				assertThat(autoscaler.getSpec().getMinReplicas()).isPositive()
					.isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
				assertThat(autoscaler.getSpec().getMetrics()).isNotEmpty();
			});
			// The autoscaler owns the replica count; a fixed spec.replicas would reset it
			// on every upgrade.
			assertThat(deployment.getSpec().getReplicas()).as(component + " replicas").isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void shutdownLeavesTimeToFinishInFlightWork(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			Deployment deployment = release.one(Deployment.class, component);
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			Map<String, String> env = release.one(ConfigMap.class, component + "-env").getData();
			int springTimeout = Integer
				.parseInt(env.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").replace("s", ""));
			Container container = pod.getContainers().get(0);
			long preStop = Optional.ofNullable(container.getLifecycle())
				.map(lifecycle -> lifecycle.getPreStop().getSleep().getSeconds())
				.orElse(0L);

			assertThat(env).as(component).containsEntry("SERVER_SHUTDOWN", "graceful");
			assertThat(pod.getTerminationGracePeriodSeconds()).as(component + " grace period")
				.isGreaterThanOrEqualTo(preStop + springTimeout + 10);
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
				.as(component + " keeps capacity during a rollout")
				.isZero();
			if (component.equals("dashboard")) {
				assertThat(preStop).as("dashboard drains from the Service/ALB before SIGTERM").isPositive();
			}
		}
	}

	/**
	 * Every component calls AWS over HTTPS: the workers their queues, streams and tables,
	 * the dashboard DynamoDB, S3, Cognito (DescribeUserPool, GetUser, sign-in) and the
	 * change stream it follows (Kinesis GetRecords from every replica).
	 */
	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyComponentDashboardIncludedMayReachTheAwsApisOverHttps(ValuesSet values) {
		Manifests.Release release = release(values);
		List<?> awsApiCidrs = (List<?>) map(HelmChart.values(values), "networkPolicy").get("awsApiCidrs");
		assertThat(awsApiCidrs).isNotEmpty();

		for (String component : COMPONENTS) {
			NetworkPolicy policy = release.one(NetworkPolicy.class, component);
			assertThat(policy.getSpec().getEgress()).as(component)
				.filteredOn(rule -> rule.getPorts() != null && rule.getPorts().size() == 1
						&& Integer.valueOf(443).equals(rule.getPorts().get(0).getPort().getIntVal())
						&& "TCP".equals(rule.getPorts().get(0).getProtocol()))
				.singleElement()
				.satisfies(rule -> assertThat(rule.getTo()).extracting(peer -> peer.getIpBlock().getCidr())
					.containsExactlyElementsOf(awsApiCidrs.stream().map(String::valueOf).toList()));
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void networkPoliciesDenyByDefault(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			NetworkPolicy policy = release.one(NetworkPolicy.class, component);
			Map<String, String> podLabels = release.one(Deployment.class, component)
				.getSpec()
				.getTemplate()
				.getMetadata()
				.getLabels();
			assertThat(podLabels).as(component)
				.containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
			assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component",
					component);
			assertThat(policy.getSpec().getPolicyTypes()).as(component).containsExactlyInAnyOrder("Ingress", "Egress");
			// Only the named app and management ports may be reached: the app port by the
			// ALB and the helm test pod (dashboard only), the management port by the
			// ALB's
			// health check and the metrics scrapers.
			List<?> scrapers = (List<?>) map(HelmChart.values(values), "networkPolicy").get("metricsScrapers");
			List<List<String>> rulePorts = policy.getSpec()
				.getIngress()
				.stream()
				.map(rule -> rule.getPorts().stream().map(port -> port.getPort().getStrVal()).toList())
				.toList();
			List<List<String>> expected = new ArrayList<>();
			if (component.equals("dashboard")) {
				expected.add(List.of("http", "management"));
				expected.add(List.of("http"));
			}
			if (!scrapers.isEmpty()) {
				expected.add(List.of("management"));
			}
			assertThat(rulePorts).as(component).containsExactlyElementsOf(expected);
			if (!scrapers.isEmpty()) {
				assertThat(policy.getSpec().getIngress().get(expected.size() - 1).getFrom()).as(component + " scrapers")
					.hasSize(scrapers.size());
			}
			if (component.equals("dashboard")) {
				assertThat(policy.getSpec().getIngress().get(0).getFrom()).as("the ALB subnets")
					.extracting(peer -> peer.getIpBlock().getCidr())
					.containsExactlyElementsOf(
							((List<?>) map(HelmChart.values(values), "networkPolicy").get("dashboardIngressCidrs"))
								.stream()
								.map(String::valueOf)
								.toList());
				assertThat(policy.getSpec().getIngress().get(1).getFrom()).singleElement()
					.satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
						.containsEntry("app.kubernetes.io/component", "helm-test"));
			}
			// The pods use IRSA: the node's instance metadata (and its role) must stay
			// out of reach.
			assertThat(policy.getSpec().getEgress()).as(component)
				.flatExtracting(rule -> Optional.ofNullable(rule.getTo()).orElse(List.of()))
				.filteredOn(peer -> peer.getIpBlock() != null && peer.getIpBlock().getCidr().equals("0.0.0.0/0"))
				.allSatisfy(peer -> assertThat(peer.getIpBlock().getExcept()).contains("169.254.169.254/32"));
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void dashboardIsReachableThroughItsService(ValuesSet values) {
		Manifests.Release release = release(values);
		Service service = release.one(Service.class, "dashboard");
		Map<String, String> podLabels = release.one(Deployment.class, "dashboard")
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getLabels();

		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", "dashboard");
		assertThat(service.getSpec().getPorts()).singleElement()
			.satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
	}

	@Test
	void productionIngressIsAnHttpsOnlyAlb() {
		Ingress ingress = release(ValuesSet.PROD).one(Ingress.class, "dashboard");
		Map<String, Object> values = map(HelmChart.values(ValuesSet.PROD), "ingress");

		assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("alb");
		assertThat(ingress.getMetadata().getAnnotations())
			.containsEntry("alb.ingress.kubernetes.io/scheme", "internet-facing")
			.containsEntry("alb.ingress.kubernetes.io/target-type", "ip")
			.containsEntry("alb.ingress.kubernetes.io/ssl-redirect", "443")
			.containsEntry("alb.ingress.kubernetes.io/certificate-arn", (String) values.get("certificateArn"))
			.containsEntry("alb.ingress.kubernetes.io/healthcheck-path", "/actuator/health/readiness")
			.containsEntry("alb.ingress.kubernetes.io/healthcheck-port", "9090")
			.containsKey("alb.ingress.kubernetes.io/ssl-policy");
		assertThat(ingress.getSpec().getTls()).singleElement()
			.satisfies(tls -> assertThat(tls.getHosts()).containsExactly((String) values.get("host")));
		assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
			assertThat(rule.getHost()).isEqualTo(values.get("host"));
			assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
				assertThat(path.getBackend().getService().getName()).isEqualTo("dashboard");
				assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
			});
		});
	}

	@Test
	void productionScalesIngestOnQueueDepthWithKeda() {
		Manifests.Release release = release(ValuesSet.PROD);
		Map<String, Object> autoscaling = map(map(map(HelmChart.values(ValuesSet.PROD), "components"), "ingest"),
				"autoscaling");

		assertThat(release.find(HorizontalPodAutoscaler.class, "ingest")).as("KEDA owns the ingest HPA").isEmpty();
		Keda.ScaledObject scaledObject = release.scaledObjects()
			.stream()
			.filter(so -> so.metadata().getName().equals("ingest"))
			.findFirst()
			.orElseThrow();
		assertThat(scaledObject.spec().scaleTargetRef().kind()).isEqualTo("Deployment");
		assertThat(scaledObject.spec().minReplicaCount()).isEqualTo(autoscaling.get("minReplicas"));
		assertThat(scaledObject.spec().maxReplicaCount()).isEqualTo(autoscaling.get("maxReplicas"));
		Keda.Trigger sqs = scaledObject.spec()
			.triggers()
			.stream()
			.filter(t -> t.type().equals("aws-sqs-queue"))
			.findFirst()
			.orElseThrow();
		assertThat(sqs.metadata()).containsEntry("queueURL", "inventory-prod-upload-events")
			.containsEntry("awsRegion", "eu-west-1")
			.containsEntry("queueLength", "5");
		Keda.TriggerAuthentication authentication = release.triggerAuthentications()
			.stream()
			.filter(ta -> ta.metadata().getName().equals(sqs.authenticationRef().name()))
			.findFirst()
			.orElseThrow();
		assertThat(authentication.spec().podIdentity().provider()).isEqualTo("aws");
		assertThat(authentication.spec().podIdentity().identityOwner()).isEqualTo("keda");
	}

	@Test
	void kedaCanUseADedicatedRole() {
		String role = "arn:aws:iam::123456789012:role/inventory-keda-sqs";
		Manifests.Release release = Manifests.parse(HelmChart.template(ValuesSet.PROD, Map.of("keda.roleArn", role)));

		assertThat(release.triggerAuthentications()).singleElement().satisfies(ta -> {
			assertThat(ta.spec().podIdentity().roleArn()).isEqualTo(role);
			// KEDA treats roleArn and identityOwner as mutually exclusive.
			assertThat(ta.spec().podIdentity().identityOwner()).isNull();
		});
	}

	@Test
	void configurationChangesRollExactlyThePodsThatUseThem() {
		Map<String, String> before = checksums(release(ValuesSet.PROD));
		Map<String, String> newPool = checksums(Manifests
			.parse(HelmChart.template(ValuesSet.PROD, Map.of("cognito.userPoolId", "eu-west-1_Zz98Yy76X"))));
		Map<String, String> newTable = checksums(Manifests
			.parse(HelmChart.template(ValuesSet.PROD, Map.of("resources.inventory-table", "InventoryProdV2"))));

		COMPONENTS.forEach(component -> {
			assertThat(newTable.get(component)).as(component + " after a resource rename")
				.isNotEqualTo(before.get(component));
			if (component.equals("dashboard")) {
				assertThat(newPool.get(component)).isNotEqualTo(before.get(component));
			}
			else {
				assertThat(newPool.get(component)).as(component + " after a Cognito change")
					.isEqualTo(before.get(component));
			}
		});
	}

	@Test
	void aDisabledComponentRendersNothing() {
		Manifests.Release release = Manifests
			.parse(HelmChart.template(ValuesSet.DEFAULT, Map.of("components.stock-alert.enabled", false)));

		assertThat(release.objects()).isNotEmpty()
			.noneMatch(o -> "stock-alert".equals(o.getMetadata().getLabels().get("app.kubernetes.io/component")));
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void helmTestHookChecksTheDashboardAndIsLockedDownToo(ValuesSet values, @TempDir Path workDir) {
		Manifests.Release hooks = Manifests.parse(HelmChart.renderHooks(values, workDir));
		Pod test = hooks.all(Pod.class)
			.stream()
			.filter(pod -> "test".equals(pod.getMetadata().getAnnotations().get(HelmChart.HOOK_PREVIEW_ANNOTATION)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no test hook pod"));

		assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
		assertLockedDown("test hook", test.getSpec());
		Container container = test.getSpec().getContainers().get(0);
		assertResources("test hook", container);
		assertThat(container.getImage()).doesNotEndWithIgnoringCase(":latest").matches(".+:[A-Za-z0-9_.-]+");
		assertThat(container.getEnv()).extracting(EnvVar::getValue).contains("http://dashboard.inventory.svc:80");
		// The Service carries the app port only: the check must use a page served there
		// without sign-in, not the actuator (which is on the management port).
		String script = String.join("\n", container.getCommand());
		assertThat(script).contains("\"$BASE_URL/login\"")
			.contains("\"$BASE_URL$PROTECTED_PATH\"")
			.doesNotContain("/actuator");
		// The dashboard's NetworkPolicy lets this pod in.
		NetworkPolicy policy = release(values).one(NetworkPolicy.class, "dashboard");
		assertThat(policy.getSpec().getIngress()).flatExtracting(NetworkPolicyIngressRule::getFrom)
			.extracting(NetworkPolicyPeer::getPodSelector)
			.filteredOn(Objects::nonNull)
			.anySatisfy(selector -> assertThat(test.getMetadata().getLabels())
				.containsAllEntriesOf(selector.getMatchLabels()));
	}

	@Test
	void notesWarnAboutPlaceholdersOnlyWhenTheyAreUsed() {
		String defaults = HelmChart.notes(ValuesSet.DEFAULT, Map.of());
		String production = HelmChart.notes(ValuesSet.PROD, Map.of());

		assertThat(defaults).contains("WARNING: placeholder values")
			.contains("components.ingest.serviceAccount.roleArn")
			.contains("cognito.userPoolId")
			.contains("helm test inventory -n inventory");
		assertThat(production).doesNotContain("WARNING").contains("https://inventory.example.com/").contains("KEDA");
	}

	@Test
	void notesFlagConsumersThatOutnumberTheirShards() {
		String notes = HelmChart.notes(ValuesSet.PROD, Map.of("resources.records-stream-shards", 2));

		assertThat(notes)
			.contains("components.loader.autoscaling.maxReplicas (5) exceeds resources.records-stream-shards (2) + 1")
			.doesNotContain("components.stock-alert.autoscaling.maxReplicas");
	}

	private static void assertLockedDown(String what, PodSpec pod) {
		PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
		assertThat(pod.getHostNetwork()).as(what).isNotEqualTo(Boolean.TRUE);
		assertThat(pod.getHostPID()).as(what).isNotEqualTo(Boolean.TRUE);
		assertThat(Stream.concat(pod.getContainers().stream(),
				Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream()))
			.allSatisfy(container -> {
				String name = what + "/" + container.getName();
				SecurityContext context = Optional.ofNullable(container.getSecurityContext())
					.orElse(new SecurityContext());
				// The container's setting wins over the pod's, as in the kubelet.
				assertThat(Optional.ofNullable(context.getRunAsNonRoot()).orElse(podContext.getRunAsNonRoot()))
					.as(name + " runAsNonRoot")
					.isTrue();
				Long user = Optional.ofNullable(context.getRunAsUser()).orElse(podContext.getRunAsUser());
				assertThat(user).as(name + " runAsUser").isNotNull().isNotZero();
				assertThat(context.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
				assertThat(context.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
				assertThat(context.getPrivileged()).as(name + " privileged").isNotEqualTo(Boolean.TRUE);
				assertThat(context.getCapabilities().getDrop()).as(name + " capabilities").containsExactly("ALL");
				assertThat(context.getCapabilities().getAdd()).as(name + " added capabilities").isNullOrEmpty();
				String seccomp = Optional.ofNullable(context.getSeccompProfile())
					.or(() -> Optional.ofNullable(podContext.getSeccompProfile()))
					.map(profile -> profile.getType())
					.orElse(null);
				assertThat(seccomp).as(name + " seccomp").isEqualTo("RuntimeDefault");
			});
	}

	private static void assertHttpProbe(String what, Probe probe, String path) {
		assertThat(probe).as(what).isNotNull();
		assertThat(probe.getHttpGet()).as(what).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
		// The actuator is on the management server; the app port serves no health.
		assertThat(probe.getHttpGet().getPort().getStrVal()).as(what).isEqualTo("management");
	}

	private static void assertResources(String what, Container container) {
		Map<String, Quantity> requests = container.getResources().getRequests();
		Map<String, Quantity> limits = container.getResources().getLimits();
		assertThat(requests).as(what + " requests").containsKeys("cpu", "memory");
		assertThat(limits).as(what + " limits").containsKey("memory");
		// Requests equal to or below limits, or the pod is rejected; memory limit =
		// request keeps the JVM unsurprised.
		assertThat(Quantity.getAmountInBytes(limits.get("memory"))).as(what + " memory limit >= request")
			.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
		if (limits.containsKey("cpu")) {
			assertThat(Quantity.getAmountInBytes(limits.get("cpu"))).as(what + " cpu limit >= request")
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
		}
	}

	private static Map<String, String> checksums(Manifests.Release release) {
		Map<String, String> checksums = new HashMap<>();
		release.all(Deployment.class)
			.forEach(deployment -> checksums.put(deployment.getMetadata().getName(),
					deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/env")));
		return checksums;
	}

	private static PodSpec podSpec(Manifests.Release release, String component) {
		return release.one(Deployment.class, component).getSpec().getTemplate().getSpec();
	}

	private static String componentValue(ValuesSet values, String component, String group, String key) {
		return String.valueOf(map(map(map(HelmChart.values(values), "components"), component), group).get(key));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	private static String id(HasMetadata object) {
		return object.getKind() + "/" + object.getMetadata().getName();
	}

}
