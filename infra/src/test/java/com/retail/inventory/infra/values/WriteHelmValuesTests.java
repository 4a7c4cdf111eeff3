package com.retail.inventory.infra.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The command end to end: from saved JSON, and through an AWS CLI (a stand-in script that
 * answers like it).
 */
class WriteHelmValuesTests {

	@TempDir
	Path directory;

	@Test
	void writesTheValuesFileFromSavedDescribeStacksOutput() throws IOException {
		Path data = Files.writeString(directory.resolve("data.json"), HelmValuesTests.sample("InventoryData"));
		Path cluster = Files.writeString(directory.resolve("cluster.json"), HelmValuesTests.sample("InventoryCluster"));
		Path out = directory.resolve("nested/values.yaml");

		WriteHelmValues.main(new String[] { "--from-json", data.toString(), "--from-json", cluster.toString(), "--out",
				out.toString() });

		Map<String, Object> values = new Yaml().load(Files.readString(out));
		assertThat(values.get("cognito"))
			.isEqualTo(Map.of("userPoolId", "eu-west-1_AbCdEfGhI", "clientId", "1example23456789abcdefghij"));
	}

	@Test
	void asksTheAwsCliForBothStacksInTheGivenRegion() throws IOException {
		Files.writeString(directory.resolve("InventoryData.json"), HelmValuesTests.sample("InventoryData"));
		Files.writeString(directory.resolve("InventoryCluster.json"), HelmValuesTests.sample("InventoryCluster"));
		Path calls = directory.resolve("calls.log");
		// Answers `aws cloudformation describe-stacks --stack-name NAME ...` with
		// NAME.json, logging each call.
		Path fakeAws = Files.writeString(directory.resolve("aws"), String.join("\n", "#!/bin/sh",
				"echo \"$*\" >> '" + calls + "'", "cat '" + directory + "'/\"$4\".json", ""));
		Files.setPosixFilePermissions(fakeAws, PosixFilePermissions.fromString("rwx------"));
		Path out = directory.resolve("values.yaml");

		WriteHelmValues
			.main(new String[] { "--aws-cli", fakeAws.toString(), "--region", "eu-west-1", "--out", out.toString() });

		assertThat(Files.readAllLines(calls)).containsExactly(
				"cloudformation describe-stacks --stack-name InventoryData --output json --region eu-west-1",
				"cloudformation describe-stacks --stack-name InventoryCluster --output json --region eu-west-1");
		Map<String, Object> values = new Yaml().load(Files.readString(out));
		assertThat(values.get("global")).isEqualTo(Map.of("aws", Map.of("region", "eu-west-1")));
	}

	@Test
	void aFailingAwsCliStopsTheCommand() throws IOException {
		Path failing = Files.writeString(directory.resolve("aws"),
				"#!/bin/sh\necho 'An error occurred (ValidationError): Stack with id InventoryData does not exist' >&2\nexit 254\n");
		Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
		AwsCliStackOutputs cli = new AwsCliStackOutputs(List.of(failing.toString()), null);
		assertThatThrownBy(() -> cli.outputsOf("InventoryData")).hasMessageContaining("exit code 254");
	}

}
