package com.retail.inventory.infra.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the outputs out of {@code aws cloudformation describe-stacks --output json}. */
public final class StackOutputs {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Outputs of a stack still deploying may change, and after a rolled-back update they
	 * describe the previous version, not the one just deployed.
	 */
	private static final Set<String> USABLE_STATUSES = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE");

	private StackOutputs() {
	}

	/**
	 * @return output key to value, over every stack in the document; a key output by two
	 * stacks is an error (the values could disagree)
	 */
	public static Map<String, String> parseDescribeStacks(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not the JSON of `aws cloudformation describe-stacks`", ex);
		}
		JsonNode stacks = root.path("Stacks");
		if (!stacks.isArray()) {
			throw new IllegalArgumentException("No \"Stacks\" array: not `aws cloudformation describe-stacks` output");
		}
		Map<String, String> outputs = new LinkedHashMap<>();
		for (JsonNode stack : stacks) {
			String status = stack.path("StackStatus").asText("");
			if (!USABLE_STATUSES.contains(status)) {
				throw new IllegalStateException("Stack " + stack.path("StackName").asText() + " is " + status
						+ ": values are only written from a stack whose last deployment succeeded");
			}
			for (JsonNode output : stack.path("Outputs")) {
				String key = output.path("OutputKey").asText();
				String previous = outputs.put(key, output.path("OutputValue").asText());
				if (previous != null) {
					throw new IllegalStateException("Output " + key + " appears in more than one stack");
				}
			}
		}
		return outputs;
	}

	/**
	 * Merges the outputs of several describe-stacks documents, refusing duplicate keys.
	 */
	public static Map<String, String> merge(Iterable<Map<String, String>> outputsPerStack) {
		Map<String, String> merged = new LinkedHashMap<>();
		for (Map<String, String> outputs : outputsPerStack) {
			outputs.forEach((key, value) -> {
				if (merged.putIfAbsent(key, value) != null) {
					throw new IllegalStateException("Output " + key + " appears in more than one stack");
				}
			});
		}
		return merged;
	}

}
