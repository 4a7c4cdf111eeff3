package com.retail.inventory.ops;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a command gets its clients and time: from the environment (kubeconfig, the AWS
 * SDK's settings), or in tests from a mock API server and the emulators.
 *
 * @param kubernetes a Kubernetes client for the command's options (the command closes it)
 * @param aws the AWS clients (the command closes them)
 * @param clock now
 */
record CommandClients(Function<KubernetesOptions, KubernetesClient> kubernetes, Supplier<AwsClients> aws, Clock clock) {

	static CommandClients fromEnvironment() {
		return new CommandClients(KubernetesOptions::client, AwsClients::new, Clock.systemUTC());
	}

}
