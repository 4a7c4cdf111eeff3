package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.ops.replay.ReplayLease;
import com.retail.inventory.ops.scale.PausedReplicas;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * {@code replay} with fabric8's mock API server in CRUD mode for the cluster and the real
 * emulators for the stream and the lease table. The mock has no controllers: a thread
 * plays the Deployment controller, recording each replica count it sees and deleting the
 * pods once the count is 0. Each test has its own namespace, stream and lease table.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(LocalAwsExtension.class)
class ReplayIntegrationTests {

	static KubernetesClient client;

	private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/component", "loader",
			"app.kubernetes.io/instance", "inventory");

	private static final String OWNER = "loader-5d8c7b9f4-x2k9q";

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private String namespace;

	private String stream;

	private String leaseTable;

	private DeploymentController controller;

	@BeforeEach
	void names(TestInfo test) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		this.namespace = "replay-" + unique;
		this.stream = "replay-records-" + unique;
		this.leaseTable = "ReplayLeases" + unique;
	}

	@AfterEach
	void stopController() {
		if (this.controller != null) {
			this.controller.stop();
		}
	}

	@Test
	void replayFromATimeMovesEachLeaseToTheLastRecordBeforeItWhileTheConsumerIsStopped(LocalAwsClients aws)
			throws Exception {
		List<String> shards = stream(aws, 3);
		String s0 = shards.get(0);
		String s1 = shards.get(1);
		String s2 = shards.get(2);
		String first = put(aws, s0);
		String lastBefore = put(aws, s0);
		put(aws, s2);
		Thread.sleep(1200);
		Instant from = Instant.now();
		Thread.sleep(1200);
		String after = put(aws, s0);
		put(aws, s1);
		leaseTable(aws);
		lease(aws, s0, after);
		lease(aws, s1, "TRIM_HORIZON");
		deployment(2, true);

		int exit = replay("--from", from.toString());

		assertThat(exit).as(this.out + "\n" + this.err).isZero();
		assertThat(this.controller.seen()).containsExactly(2, 0, 2);
		assertThat(annotations()).doesNotContainKey(PausedReplicas.ANNOTATION);
		assertThat(leaseObject()).isNull();
		Map<String, AttributeValue> moved = item(aws, s0);
		assertThat(moved.get(LeaseTableAttributes.CHECKPOINT).s()).isEqualTo(lastBefore).isNotEqualTo(first);
		assertThat(moved).doesNotContainKeys(LeaseTableAttributes.PENDING_CHECKPOINT,
				LeaseTableAttributes.PENDING_CHECKPOINT_SUB_SEQUENCE_NUMBER,
				LeaseTableAttributes.PENDING_CHECKPOINT_STATE);
		assertThat(moved.get(LeaseTableAttributes.LEASE_COUNTER).n()).isEqualTo("8");
		assertThat(moved.get(LeaseTableAttributes.CHECKPOINT_SUB_SEQUENCE_NUMBER).n()).isEqualTo("0");
		assertThat(moved.get(LeaseTableAttributes.LEASE_OWNER).s()).isEqualTo(OWNER);
		// Nothing before the time on this shard: from its start.
		assertThat(item(aws, s1).get(LeaseTableAttributes.CHECKPOINT).s()).isEqualTo("TRIM_HORIZON");
		// No lease item: none is created, KCL's initial position applies.
		assertThat(item(aws, s2)).isEmpty();
		assertThat(this.out.toString()).contains(s0 + "  " + after + " → " + lastBefore + "  moved")
			.contains(s1 + "  TRIM_HORIZON → TRIM_HORIZON  moved")
			.contains(s2 + "  (none) → ")
			.contains("no lease: none created")
			.contains("scaled deployment loader from 2 to 0")
			.contains("scaled deployment loader back to 2")
			.contains("AWS requests: ")
			.contains("Kinesis GetRecords");
		System.out.println(this.out);
	}

	@Test
	void trimHorizonMovesEveryLeaseToTheStartAfterADryRunThatChangesNothing(LocalAwsClients aws) {
		List<String> shards = stream(aws, 1);
		String checkpoint = put(aws, shards.get(0));
		leaseTable(aws);
		lease(aws, shards.get(0), checkpoint);
		deployment(2, true);

		assertThat(replay("--from", "TRIM_HORIZON", "--dry-run")).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains(shards.get(0) + "  " + checkpoint + " → TRIM_HORIZON  would move");
		assertThat(item(aws, shards.get(0)).get(LeaseTableAttributes.CHECKPOINT).s()).isEqualTo(checkpoint);
		assertThat(this.controller.seen()).containsExactly(2);
		assertThat(leaseObject()).isNull();

		assertThat(replay("--from", "TRIM_HORIZON")).as(this.err.toString()).isZero();
		assertThat(item(aws, shards.get(0)).get(LeaseTableAttributes.CHECKPOINT).s()).isEqualTo("TRIM_HORIZON");
		assertThat(this.controller.seen()).containsExactly(2, 0, 2);
		// TRIM_HORIZON needs no read of the shard.
		assertThat(this.out.toString()).doesNotContain("GetRecords");
		System.out.println(this.out);
	}

	@Test
	void aReplayWhileSomeoneElseHoldsTheLeaseIsRefusedAndChangesNothing(LocalAwsClients aws) {
		List<String> shards = stream(aws, 1);
		String checkpoint = put(aws, shards.get(0));
		leaseTable(aws);
		lease(aws, shards.get(0), checkpoint);
		deployment(2, true);
		Instant since = Instant.now().minusSeconds(30);
		client.leases()
			.inNamespace(this.namespace)
			.resource(new LeaseBuilder().withNewMetadata()
				.withName(ReplayLease.NAME)
				.endMetadata()
				.withNewSpec()
				.withHolderIdentity("alice@laptop pid 4711")
				.withLeaseDurationSeconds(60)
				.withAcquireTime(since.atZone(ZoneOffset.UTC))
				.withRenewTime(Instant.now().atZone(ZoneOffset.UTC))
				.endSpec()
				.build())
			.create();

		assertThat(replay("--from", "TRIM_HORIZON")).isEqualTo(2);

		assertThat(this.err.toString()).contains("held by alice@laptop pid 4711 since ");
		assertThat(this.controller.seen()).containsExactly(2);
		assertThat(annotations()).doesNotContainKey(PausedReplicas.ANNOTATION);
		assertThat(item(aws, shards.get(0)).get(LeaseTableAttributes.CHECKPOINT).s()).isEqualTo(checkpoint);
		assertThat(leaseObject().getSpec().getHolderIdentity()).isEqualTo("alice@laptop pid 4711");
	}

	@Test
	void podsThatDoNotStopInTimeScaleTheDeploymentBackAndReleaseTheLease(LocalAwsClients aws) {
		List<String> shards = stream(aws, 1);
		String checkpoint = put(aws, shards.get(0));
		leaseTable(aws);
		lease(aws, shards.get(0), checkpoint);
		deployment(2, false);

		assertThat(replay("--from", "TRIM_HORIZON", "--timeout", "2s")).isEqualTo(2);

		assertThat(this.err.toString()).contains("2 pod(s) of deployment loader still there after 2s");
		assertThat(this.controller.seen()).containsExactly(2, 0, 2);
		assertThat(annotations()).doesNotContainKey(PausedReplicas.ANNOTATION);
		assertThat(leaseObject()).isNull();
		assertThat(item(aws, shards.get(0)).get(LeaseTableAttributes.CHECKPOINT).s()).isEqualTo(checkpoint);
	}

	private int replay(String... options) {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		CommandLine command = InventoryCommand.commandLine(new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				if (type == ReplayCommand.class) {
					// A client of its own on the mock's configuration: the command closes
					// it.
					return type.cast(new ReplayCommand(new CommandClients(
							(kubernetes) -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
							AwsClients::new, Clock.systemUTC())));
				}
				return CommandLine.defaultFactory().create(type);
			}
		});
		command.setOut(new PrintWriter(this.out));
		command.setErr(new PrintWriter(this.err));
		List<String> args = new ArrayList<>(List.of("replay", "--group", "loader", "-n", this.namespace, "--resource",
				"records-stream=" + this.stream, "--resource", "loader-lease-table=" + this.leaseTable, "--yes"));
		args.addAll(List.of(options));
		if (!args.contains("--timeout")) {
			// Not the default 5 minutes when a test goes wrong.
			args.addAll(List.of("--timeout", "30s"));
		}
		return command.execute(args.toArray(String[]::new));
	}

	/** A stream of its own; its shards in order. */
	private List<String> stream(LocalAwsClients aws, int shards) {
		aws.kinesis().createStream((b) -> b.streamName(this.stream).shardCount(shards));
		for (int i = 0; i < 100 && aws.kinesis()
			.describeStreamSummary((b) -> b.streamName(this.stream))
			.streamDescriptionSummary()
			.streamStatus() != StreamStatus.ACTIVE; i++) {
			sleep(100);
		}
		return aws.kinesis()
			.listShards((b) -> b.streamName(this.stream))
			.shards()
			.stream()
			.map(Shard::shardId)
			.sorted()
			.toList();
	}

	/** Puts a record on the shard (by its starting hash key); its sequence number. */
	private String put(LocalAwsClients aws, String shardId) {
		Shard shard = aws.kinesis()
			.listShards((b) -> b.streamName(this.stream))
			.shards()
			.stream()
			.filter((s) -> s.shardId().equals(shardId))
			.findFirst()
			.orElseThrow();
		return aws.kinesis()
			.putRecord((b) -> b.streamName(this.stream)
				.partitionKey("Berlin")
				.explicitHashKey(shard.hashKeyRange().startingHashKey())
				.data(SdkBytes.fromUtf8String("{\"row\":1}")))
			.sequenceNumber();
	}

	private void leaseTable(LocalAwsClients aws) {
		aws.dynamoDb()
			.createTable((b) -> b.tableName(this.leaseTable)
				.keySchema((k) -> k.attributeName(LeaseTableAttributes.LEASE_KEY).keyType(KeyType.HASH))
				.attributeDefinitions(
						(a) -> a.attributeName(LeaseTableAttributes.LEASE_KEY).attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	/** A lease item as KCL writes it, with a pending checkpoint the replay must drop. */
	private void lease(LocalAwsClients aws, String shard, String checkpoint) {
		Map<String, AttributeValue> item = new HashMap<>();
		item.put(LeaseTableAttributes.LEASE_KEY, AttributeValue.fromS(shard));
		item.put(LeaseTableAttributes.CHECKPOINT, AttributeValue.fromS(checkpoint));
		item.put(LeaseTableAttributes.CHECKPOINT_SUB_SEQUENCE_NUMBER, AttributeValue.fromN("0"));
		item.put(LeaseTableAttributes.LEASE_OWNER, AttributeValue.fromS(OWNER));
		item.put(LeaseTableAttributes.LEASE_COUNTER, AttributeValue.fromN("7"));
		item.put(LeaseTableAttributes.OWNER_SWITCHES_SINCE_CHECKPOINT, AttributeValue.fromN("1"));
		item.put(LeaseTableAttributes.PENDING_CHECKPOINT, AttributeValue.fromS(checkpoint));
		item.put(LeaseTableAttributes.PENDING_CHECKPOINT_SUB_SEQUENCE_NUMBER, AttributeValue.fromN("0"));
		item.put(LeaseTableAttributes.PENDING_CHECKPOINT_STATE, AttributeValue.fromB(SdkBytes.fromUtf8String("s")));
		aws.dynamoDb().putItem((b) -> b.tableName(this.leaseTable).item(item));
	}

	private Map<String, AttributeValue> item(LocalAwsClients aws, String shard) {
		return aws.dynamoDb()
			.getItem((b) -> b.tableName(this.leaseTable)
				.consistentRead(true)
				.key(Map.of(LeaseTableAttributes.LEASE_KEY, AttributeValue.fromS(shard))))
			.item();
	}

	/** The loader Deployment with its pods, and the thread playing its controller. */
	private void deployment(int replicas, boolean podsStop) {
		client.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata().withName(this.namespace).endMetadata().build())
			.create();
		client.apps()
			.deployments()
			.inNamespace(this.namespace)
			.resource(new DeploymentBuilder().withNewMetadata()
				.withName("loader")
				.withLabels(SELECTOR)
				.endMetadata()
				.withNewSpec()
				.withReplicas(replicas)
				.withNewSelector()
				.withMatchLabels(SELECTOR)
				.endSelector()
				.withNewTemplate()
				.withNewMetadata()
				.withLabels(SELECTOR)
				.endMetadata()
				.endTemplate()
				.endSpec()
				.build())
			.create();
		for (int i = 0; i < replicas; i++) {
			client.pods()
				.inNamespace(this.namespace)
				.resource(new PodBuilder().withNewMetadata()
					.withName("loader-5d8c7b9f4-" + i)
					.withLabels(SELECTOR)
					.endMetadata()
					.build())
				.create();
		}
		// A pod of another component must not be waited for.
		client.pods()
			.inNamespace(this.namespace)
			.resource(new PodBuilder().withNewMetadata()
				.withName("ingest-0")
				.withLabels(Map.of("app.kubernetes.io/component", "ingest", "app.kubernetes.io/instance", "inventory"))
				.endMetadata()
				.build())
			.create();
		this.controller = new DeploymentController(this.namespace, podsStop);
		this.controller.start();
	}

	private Map<String, String> annotations() {
		Deployment deployment = client.apps().deployments().inNamespace(this.namespace).withName("loader").get();
		Map<String, String> annotations = deployment.getMetadata().getAnnotations();
		return (annotations != null) ? annotations : Map.of();
	}

	private Lease leaseObject() {
		return client.leases().inNamespace(this.namespace).withName(ReplayLease.NAME).get();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Plays the Deployment controller: records every replica count it sees and, if the
	 * pods stop, deletes them once the count is 0.
	 */
	private static final class DeploymentController {

		private final String namespace;

		private final boolean podsStop;

		private final List<Integer> seen = new CopyOnWriteArrayList<>();

		private volatile boolean running = true;

		private final Thread thread;

		DeploymentController(String namespace, boolean podsStop) {
			this.namespace = namespace;
			this.podsStop = podsStop;
			this.thread = new Thread(this::watch, "deployment-controller");
			this.thread.setDaemon(true);
		}

		void start() {
			record();
			this.thread.start();
		}

		private void watch() {
			while (this.running) {
				int replicas = record();
				if (replicas == 0 && this.podsStop) {
					client.pods().inNamespace(this.namespace).withLabels(SELECTOR).delete();
				}
				sleep(20);
			}
		}

		private int record() {
			int replicas = client.apps()
				.deployments()
				.inNamespace(this.namespace)
				.withName("loader")
				.get()
				.getSpec()
				.getReplicas();
			if (this.seen.isEmpty() || this.seen.get(this.seen.size() - 1) != replicas) {
				this.seen.add(replicas);
			}
			return replicas;
		}

		/**
		 * The replica counts seen so far, in order. (The count of 0 cannot be missed: a
		 * replay waits for the pods this thread deletes when it sees it.)
		 */
		List<Integer> seen() {
			record();
			return List.copyOf(this.seen);
		}

		void stop() {
			this.running = false;
			try {
				this.thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
