package com.retail.inventory.ops.status;

import java.io.PrintWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The script form of a {@link StatusReport} ({@code -o json}): {@code {"health",
 * "exitCode", "sections": {<name>: {"health", "problems", "data"}}}}. Times behind and
 * ages are milliseconds; sequence numbers are in full.
 */
public final class JsonRenderer {

	private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public void render(StatusReport report, PrintWriter out) {
		out.println(this.mapper.writeValueAsString(tree(report)));
		out.flush();
	}

	ObjectNode tree(StatusReport report) {
		ObjectNode root = this.mapper.createObjectNode();
		root.put("health", report.health().name());
		root.put("exitCode", report.exitCode());
		ObjectNode sections = root.putObject("sections");
		for (SectionResult section : report.sections()) {
			ObjectNode node = sections.putObject(section.name());
			node.put("health", section.health().name());
			section.problems().forEach(node.putArray("problems")::add);
			node.set("data", this.mapper.valueToTree(section.data()));
		}
		return root;
	}

}
