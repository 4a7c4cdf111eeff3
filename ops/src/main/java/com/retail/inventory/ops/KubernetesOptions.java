package com.retail.inventory.ops;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Option;

/**
 * Which cluster and namespace: the kubeconfig (KUBECONFIG or ~/.kube/config) or the pod's
 * service account, resolved as the fabric8 client resolves them. A mixin, shared by every
 * subcommand that talks to Kubernetes.
 */
public final class KubernetesOptions {

	@Option(names = { "-n", "--namespace" }, defaultValue = "inventory", paramLabel = "NAMESPACE",
			description = "Namespace of the release (default: ${DEFAULT-VALUE}).")
	String namespace;

	@Option(names = "--context", paramLabel = "CONTEXT",
			description = "kubeconfig context (default: the current context).")
	String context;

	public String namespace() {
		return this.namespace;
	}

	public KubernetesClient client() {
		Config config = Config.autoConfigure(this.context);
		// An unreachable cluster should fail in seconds, not after the default backoff.
		config.setRequestRetryBackoffLimit(1);
		config.setConnectionTimeout(5_000);
		config.setRequestTimeout(15_000);
		return new KubernetesClientBuilder().withConfig(config).build();
	}

}
