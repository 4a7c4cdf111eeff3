package com.retail.inventory.ops.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The components' Deployments and autoscalers in one namespace. Unhealthy when a
 * Deployment is missing, has fewer ready replicas than desired or its rollout stalled, or
 * when KEDA reports a ScaledObject not ready.
 *
 * @param namespace where they were read
 * @param deployments one row per component
 * @param autoscalers the namespace's HorizontalPodAutoscalers
 * @param scaledObjects the namespace's KEDA ScaledObjects; null when KEDA is not
 * installed (its CRD is absent)
 */
public record KubernetesStatus(String namespace, List<DeploymentRow> deployments, List<AutoscalerRow> autoscalers,
		List<ScaledObjectRow> scaledObjects) implements SectionResult {

	public static final String NAME = "kubernetes";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "Kubernetes (namespace " + this.namespace + ")";
	}

	@Override
	public Health health() {
		return problems().isEmpty() ? Health.OK : Health.UNHEALTHY;
	}

	@Override
	public List<String> problems() {
		Stream<String> scaled = (this.scaledObjects != null) ? this.scaledObjects.stream().map(ScaledObjectRow::problem)
				: Stream.empty();
		return Stream.concat(this.deployments.stream().map(DeploymentRow::problem), scaled)
			.filter(Objects::nonNull)
			.toList();
	}

	@Override
	public List<Table> tables() {
		List<Table> tables = new ArrayList<>();
		tables.add(new Table("", List.of("DEPLOYMENT", "DESIRED", "READY", "UPDATED", "AVAILABLE", "ROLLOUT"),
				this.deployments.stream()
					.map((d) -> List.of(d.name(), text(d.desired()), text(d.ready()), text(d.updated()),
							text(d.available()), d.rollout().name()))
					.toList()));
		if (!this.autoscalers.isEmpty()) {
			tables.add(new Table("", List.of("HPA", "TARGET", "CURRENT", "DESIRED", "MIN", "MAX"),
					this.autoscalers.stream()
						.map((a) -> List.of(a.name(), a.target(), text(a.current()), text(a.desired()),
								text((a.min() != null) ? a.min() : 1), text(a.max())))
						.toList()));
		}
		if (this.scaledObjects != null && !this.scaledObjects.isEmpty()) {
			tables.add(new Table("", List.of("SCALEDOBJECT", "TARGET", "READY", "ACTIVE"),
					this.scaledObjects.stream()
						.map((s) -> List.of(s.name(), text(s.target()), text(s.ready()), text(s.active())))
						.toList()));
		}
		return tables;
	}

	@Override
	public Object data() {
		return this;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "-";
	}

}
