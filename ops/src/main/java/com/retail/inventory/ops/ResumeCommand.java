package com.retail.inventory.ops;

import com.retail.inventory.ops.scale.DeploymentPause;
import com.retail.inventory.ops.scale.PauseRefusedException;
import com.retail.inventory.ops.scale.ScaleChange;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kubectl inventory resume ingest}: undoes {@code pause ingest}. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = {
		"Start ingest again after 'pause ingest': remove KEDA's pause annotation from a ScaledObject targeting it, "
				+ "scale the Deployment back to the count recorded in inventory.retail.com/paused-replicas and "
				+ "remove that annotation. Ingest then works off the uploads that waited in SQS.",
		"Exit code: 0 resumed, 2 refused (not paused, no such Deployment) or the API call failed." })
public final class ResumeCommand implements Callable<Integer> {

	@Mixin
	KubernetesOptions kubernetes = new KubernetesOptions();

	@Parameters(index = "0", paramLabel = "COMPONENT", description = "ingest.")
	PausableComponent component;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final Function<KubernetesOptions, KubernetesClient> kubernetesClients;

	public ResumeCommand() {
		this(KubernetesOptions::client);
	}

	/** For tests: the client to use instead of the kubeconfig's. */
	ResumeCommand(Function<KubernetesOptions, KubernetesClient> kubernetesClients) {
		this.kubernetesClients = kubernetesClients;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (KubernetesClient client = this.kubernetesClients.apply(this.kubernetes)) {
			ScaleChange change = new DeploymentPause(client, this.kubernetes.namespace()).resume(this.component.name());
			change.scaledObjects().forEach((name) -> out.println("KEDA ScaledObject " + name + " autoscales again."));
			out.println("Resumed deployment " + change.deployment() + " in namespace " + change.namespace() + ": "
					+ change.from() + " -> " + change.to() + " replicas.");
			out.flush();
			return 0;
		}
		catch (PauseRefusedException ex) {
			this.spec.commandLine().getErr().println("resume refused: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			this.spec.commandLine().getErr().println("resume failed: " + ex.getMessage());
			return 2;
		}
	}

}
