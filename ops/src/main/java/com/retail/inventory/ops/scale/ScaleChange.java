package com.retail.inventory.ops.scale;

import java.util.List;

/**
 * What a pause or resume changed.
 *
 * @param namespace the namespace
 * @param deployment the Deployment
 * @param from its replica count before
 * @param to its replica count now
 * @param scaledObjects the KEDA ScaledObjects targeting it whose pause annotation was set
 * (pause) or removed (resume)
 * @param autoscalers the HorizontalPodAutoscalers targeting it, left as they are (an HPA
 * does not scale a Deployment at 0 replicas)
 */
public record ScaleChange(String namespace, String deployment, int from, int to, List<String> scaledObjects,
		List<String> autoscalers) {
}
