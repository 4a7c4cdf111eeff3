package com.retail.inventory.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The replay Lease against fabric8's mock API server in CRUD mode, each test in its own
 * namespace.
 */
@EnableKubernetesMockClient(crud = true)
class ReplayLeaseTests {

	static KubernetesClient client;

	private static final Instant NOW = Instant.parse("2026-12-03T06:00:00.123456Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void acquiringCreatesTheLeaseAndClosingDeletesIt() {
		ReplayLease lease = new ReplayLease(client, "create", "bob@host pid 1", CLOCK).acquire();
		Lease created = get("create");
		assertThat(created.getSpec().getHolderIdentity()).isEqualTo("bob@host pid 1");
		assertThat(created.getSpec().getLeaseDurationSeconds()).isEqualTo(60);
		assertThat(created.getSpec().getAcquireTime().toInstant()).isEqualTo(NOW);
		assertThat(created.getSpec().getRenewTime().toInstant()).isEqualTo(NOW);
		lease.renew();
		lease.close();
		assertThat(get("create")).isNull();
	}

	@Test
	void anUnexpiredLeaseOfSomeoneElseIsRefusedAndLeftAsItWas() {
		hold("held", "alice@laptop pid 4711", NOW.minusSeconds(300), NOW.minusSeconds(10));
		assertThatExceptionOfType(ReplayRefusedException.class)
			.isThrownBy(() -> new ReplayLease(client, "held", "bob@host pid 1", CLOCK).acquire())
			.withMessageContaining("held by alice@laptop pid 4711 since 2026-12-03T05:55:00.123456Z");
		assertThat(get("held").getSpec().getHolderIdentity()).isEqualTo("alice@laptop pid 4711");
	}

	@Test
	void anExpiredLeaseIsTakenOver() {
		hold("expired", "alice@laptop pid 4711", NOW.minusSeconds(900), NOW.minusSeconds(61));
		try (ReplayLease lease = new ReplayLease(client, "expired", "bob@host pid 1", CLOCK).acquire()) {
			Lease taken = get("expired");
			assertThat(taken.getSpec().getHolderIdentity()).isEqualTo("bob@host pid 1");
			assertThat(taken.getSpec().getLeaseTransitions()).isEqualTo(3);
			assertThat(taken.getSpec().getAcquireTime().toInstant()).isEqualTo(NOW);
		}
		assertThat(get("expired")).isNull();
	}

	@Test
	void closingLeavesALeaseSomeoneElseTookOver() {
		ReplayLease lease = new ReplayLease(client, "lost", "bob@host pid 1", CLOCK).acquire();
		Lease current = get("lost");
		current.getSpec().setHolderIdentity("carol@ci pid 9");
		client.leases().inNamespace("lost").resource(current).update();
		lease.close();
		assertThat(get("lost").getSpec().getHolderIdentity()).isEqualTo("carol@ci pid 9");
	}

	private static void hold(String namespace, String holder, Instant acquired, Instant renewed) {
		client.leases()
			.inNamespace(namespace)
			.resource(new LeaseBuilder().withNewMetadata()
				.withName(ReplayLease.NAME)
				.endMetadata()
				.withNewSpec()
				.withHolderIdentity(holder)
				.withLeaseDurationSeconds(60)
				.withAcquireTime(ReplayLease.microTime(acquired))
				.withRenewTime(ReplayLease.microTime(renewed))
				.withLeaseTransitions(2)
				.endSpec()
				.build())
			.create();
	}

	private static Lease get(String namespace) {
		return client.leases().inNamespace(namespace).withName(ReplayLease.NAME).get();
	}

}
