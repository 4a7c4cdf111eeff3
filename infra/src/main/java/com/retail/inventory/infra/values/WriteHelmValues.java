package com.retail.inventory.infra.values;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.InventoryStacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the Helm values file from the deployed stacks' outputs.
 *
 * <pre>
 * WriteHelmValues [--region REGION] [--out FILE] [--data-stack NAME] [--cluster-stack NAME]
 *                 [--from-json FILE ...]
 * </pre>
 *
 * Without {@code --from-json} it runs {@code aws cloudformation describe-stacks} for both
 * stacks; with it, it reads saved describe-stacks output instead (no AWS access).
 * {@code --out -} writes to standard output.
 */
public final class WriteHelmValues {

	private WriteHelmValues() {
	}

	public static void main(String[] args) throws IOException {
		Arguments arguments = Arguments.parse(args);
		List<Map<String, String>> outputs = new ArrayList<>();
		if (arguments.jsonFiles.isEmpty()) {
			AwsCliStackOutputs cli = new AwsCliStackOutputs(List.of(arguments.awsCli), arguments.region);
			outputs.add(cli.outputsOf(arguments.dataStack));
			outputs.add(cli.outputsOf(arguments.clusterStack));
		}
		else {
			for (Path file : arguments.jsonFiles) {
				outputs.add(StackOutputs.parseDescribeStacks(Files.readString(file)));
			}
		}
		String yaml = HelmValues
			.toYaml(HelmValues.from(StackOutputs.merge(outputs), InventoryResources.load().entries()));
		if (arguments.out.equals("-")) {
			System.out.print(yaml);
		}
		else {
			Path out = Path.of(arguments.out);
			if (out.toAbsolutePath().getParent() != null) {
				Files.createDirectories(out.toAbsolutePath().getParent());
			}
			Files.writeString(out, yaml, StandardCharsets.UTF_8);
			System.err.println("Wrote " + out.toAbsolutePath());
		}
	}

	static final class Arguments {

		String region;

		String out = "helm-values.yaml";

		String dataStack = InventoryStacks.DATA_STACK;

		String clusterStack = InventoryStacks.CLUSTER_STACK;

		String awsCli = "aws";

		final List<Path> jsonFiles = new ArrayList<>();

		static Arguments parse(String[] args) {
			Arguments arguments = new Arguments();
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				String value = args[++i];
				switch (name) {
					case "--region" -> arguments.region = value;
					case "--out" -> arguments.out = value;
					case "--data-stack" -> arguments.dataStack = value;
					case "--cluster-stack" -> arguments.clusterStack = value;
					case "--aws-cli" -> arguments.awsCli = value;
					case "--from-json" -> arguments.jsonFiles.add(Path.of(value));
					default -> throw new IllegalArgumentException("Unknown option " + name
							+ " (known: --region --out --data-stack --cluster-stack --aws-cli --from-json)");
				}
			}
			return arguments;
		}

	}

}
