package com.retail.inventory.ops.status;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/**
 * A HorizontalPodAutoscaler (autoscaling/v2); informational.
 *
 * @param name the HPA
 * @param target the Deployment it scales
 * @param current replicas it last saw, null before its first sync
 * @param desired replicas it last asked for, null before its first sync
 * @param min {@code minReplicas}, null = 1
 * @param max {@code maxReplicas}
 */
public record AutoscalerRow(String name, String target, Integer current, Integer desired, Integer min, int max) {

	public static AutoscalerRow of(HorizontalPodAutoscaler hpa) {
		var spec = hpa.getSpec();
		var status = hpa.getStatus();
		return new AutoscalerRow(hpa.getMetadata().getName(), spec.getScaleTargetRef().getName(),
				(status != null) ? status.getCurrentReplicas() : null,
				(status != null) ? status.getDesiredReplicas() : null, spec.getMinReplicas(), spec.getMaxReplicas());
	}

}
