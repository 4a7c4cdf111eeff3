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

/** {@code kubectl inventory pause ingest}: stops ingest without losing an upload. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = {
		"Stop ingest: scale its Deployment to 0 and record the replica count in the annotation "
				+ "inventory.retail.com/paused-replicas; a KEDA ScaledObject targeting it gets "
				+ "autoscaling.keda.sh/paused-replicas: \"0\" so KEDA does not scale it back up (a CPU "
				+ "HorizontalPodAutoscaler does not scale a Deployment at 0 replicas).",
		"While ingest is paused, uploads wait in the SQS queue inventory-upload-events: nothing is lost as long "
				+ "as ingest is resumed within the queue's retention (4 days). Resume with 'resume ingest'.",
		"A 'helm upgrade' with autoscaling off sets the replicas again: resume before upgrading.",
		"Exit code: 0 paused, 2 refused (already paused, no such Deployment) or the API call failed." })
public final class PauseCommand implements Callable<Integer> {

	@Mixin
	KubernetesOptions kubernetes = new KubernetesOptions();

	@Parameters(index = "0", paramLabel = "COMPONENT", description = "ingest (the only one that can be paused).")
	PausableComponent component;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final Function<KubernetesOptions, KubernetesClient> kubernetesClients;

	public PauseCommand() {
		this(KubernetesOptions::client);
	}

	/** For tests: the client to use instead of the kubeconfig's. */
	PauseCommand(Function<KubernetesOptions, KubernetesClient> kubernetesClients) {
		this.kubernetesClients = kubernetesClients;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (KubernetesClient client = this.kubernetesClients.apply(this.kubernetes)) {
			ScaleChange change = new DeploymentPause(client, this.kubernetes.namespace()).pause(this.component.name());
			out.println("Paused deployment " + change.deployment() + " in namespace " + change.namespace() + ": "
					+ change.from() + " -> 0 replicas (" + change.from() + " recorded for resume).");
			change.scaledObjects()
				.forEach((name) -> out.println("KEDA ScaledObject " + name + " paused at 0 replicas."));
			change.autoscalers()
				.forEach((name) -> out.println("HPA " + name + " left as is: it does not scale a Deployment at 0."));
			out.println("Uploads wait in SQS until 'kubectl inventory resume " + change.deployment() + "'.");
			out.flush();
			return 0;
		}
		catch (PauseRefusedException ex) {
			this.spec.commandLine().getErr().println("pause refused: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			this.spec.commandLine().getErr().println("pause failed: " + ex.getMessage());
			return 2;
		}
	}

}
