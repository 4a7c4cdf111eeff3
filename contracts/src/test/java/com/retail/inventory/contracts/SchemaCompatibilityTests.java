package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published schemas are a contract with other teams (docs/change-stream.md): the
 * current schemas ({@code src/main/resources/schemas}) must stay compatible with the
 * copies frozen when they were published ({@code src/test/resources/published-schemas}).
 * A property removed or renamed at any level, an enum or const value removed, an optional
 * (or new) property made required, a type narrowed or a bound tightened fails the build;
 * adding optional properties does not. See {@link SchemaCompatibility} for the rules.
 *
 * <p>
 * Publishing a new version (after a compatible change has shipped): copy the schema over
 * its frozen copy. A breaking change needs a new schema (and a new stream or
 * {@code schemaVersion}), never an edit of a published one.
 */
class SchemaCompatibilityTests {

	private static final String CURRENT = "/schemas/";

	private static final String PUBLISHED = "/published-schemas/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static List<String> publishedSchemas() {
		return schemaFiles(PUBLISHED);
	}

	@ParameterizedTest
	@MethodSource("publishedSchemas")
	void currentSchemaIsCompatibleWithThePublishedOne(String name) {
		assertThat(SchemaCompatibilityTests.class.getResource(CURRENT + name))
			.as("published schema %s was deleted from src/main/resources/schemas", name)
			.isNotNull();
		assertThat(SchemaCompatibility.breakingChanges(read(PUBLISHED + name), read(CURRENT + name)))
			.as("breaking changes of %s against its published copy", name)
			.isEmpty();
	}

	@Test
	void everyCurrentSchemaHasAPublishedCopy() {
		assertThat(publishedSchemas()).as("copy a new schema to src/test/resources/published-schemas once published")
			.containsAll(schemaFiles(CURRENT))
			.isNotEmpty();
	}

	@Test
	void removingAFieldFailsTheCheck() {
		ObjectNode changed = current("inventory-change.schema.json");
		properties(changed.get("properties").get("dynamodb")).remove("OldImage");

		assertThat(breakingChanges("inventory-change.schema.json", changed))
			.containsExactly("#/properties/dynamodb/properties/OldImage: property removed or renamed");
	}

	@Test
	void removingAFieldAtAnyNestingLevelFailsTheCheck() {
		ObjectNode report = current("upload-report.schema.json");
		properties(report.get("properties").get("errors").get("items")).remove("text");
		assertThat(breakingChanges("upload-report.schema.json", report))
			.containsExactly("#/properties/errors/items/properties/text: property removed or renamed");

		ObjectNode record = current("inventory-record.schema.json");
		properties(record.get("properties").get("upload")).remove("sequencer");
		assertThat(breakingChanges("inventory-record.schema.json", record))
			.containsExactly("#/properties/upload/properties/sequencer: property removed or renamed");

		// Inside a definition: reported where it is defined and where it is used.
		ObjectNode change = current("inventory-change.schema.json");
		properties(change.get("$defs").get("item").get("additionalProperties")).remove("BOOL");
		assertThat(breakingChanges("inventory-change.schema.json", change)).contains(
				"#/$defs/item/additionalProperties/properties/BOOL: property removed or renamed",
				"#/properties/dynamodb/properties/NewImage/additionalProperties/properties/BOOL: "
						+ "property removed or renamed");
	}

	@Test
	void renamingAFieldFailsTheCheck() {
		ObjectNode changed = current("inventory-change.schema.json");
		ObjectNode properties = properties(changed);
		properties.set("eventId", properties.remove("eventID"));
		ArrayNode required = (ArrayNode) changed.get("required");
		for (int i = 0; i < required.size(); i++) {
			if ("eventID".equals(required.get(i).asString())) {
				required.set(i, "eventId");
			}
		}

		assertThat(breakingChanges("inventory-change.schema.json", changed)).containsExactly(
				"#/properties/eventID: property removed or renamed",
				"#/required: 'eventId' is required now (a new property may only be optional)");
	}

	@Test
	void removingAnEnumValueOrChangingAConstFailsTheCheck() {
		ObjectNode changed = current("inventory-change.schema.json");
		ObjectNode properties = properties(changed);
		properties.set("eventName", JSON.readTree("{\"enum\": [\"INSERT\", \"MODIFY\"]}"));
		properties.set("recordFormat", JSON.readTree("{\"const\": \"application/cbor\"}"));

		assertThat(breakingChanges("inventory-change.schema.json", changed)).containsExactly(
				"#/properties/eventName/enum: value \"REMOVE\" removed (accepted now: [\"INSERT\", \"MODIFY\"])",
				"#/properties/recordFormat/const: value \"application/json\" removed "
						+ "(accepted now: [\"application/cbor\"])");
	}

	@Test
	void makingAnOptionalFieldRequiredFailsTheCheck() {
		ObjectNode changed = current("upload-report.schema.json");
		((ArrayNode) changed.get("required")).add("finishedAt");
		ObjectNode nested = current("inventory-record.schema.json");
		((ArrayNode) nested.get("properties").get("upload").get("required")).add("versionId");

		assertThat(breakingChanges("upload-report.schema.json", changed))
			.containsExactly("#/required: 'finishedAt' is required now (it was optional)");
		assertThat(breakingChanges("inventory-record.schema.json", nested))
			.containsExactly("#/properties/upload/required: 'versionId' is required now (it was optional)");
	}

	@Test
	void narrowingATypeOrTighteningABoundFailsTheCheck() {
		ObjectNode change = current("inventory-change.schema.json");
		properties(change).set("userIdentity", JSON.readTree("{\"type\": \"object\"}"));
		ObjectNode report = current("upload-report.schema.json");
		((ObjectNode) report.get("properties").get("errors")).put("maxItems", 100);

		assertThat(breakingChanges("inventory-change.schema.json", change))
			.containsExactly("#/properties/userIdentity/type: 'null' is no longer accepted (now [object])");
		assertThat(breakingChanges("upload-report.schema.json", report))
			.containsExactly("#/properties/errors/maxItems: lowered from 1000 to 100");
	}

	@Test
	void addingOptionalFieldsAndValuesIsCompatible() {
		ObjectNode changed = current("inventory-change.schema.json");
		properties(changed).set("addedLater", JSON.readTree("{\"type\": \"string\"}"));
		properties(changed.get("properties").get("dynamodb")).set("StreamViewType",
				JSON.readTree("{\"enum\": [\"NEW_AND_OLD_IMAGES\"]}"));
		((ArrayNode) properties(changed).get("eventName").get("enum")).add("ARCHIVE");
		((ObjectNode) properties(changed).get("tableName")).put("description", "reworded");
		ObjectNode report = current("upload-report.schema.json");
		((ObjectNode) report.get("properties").get("errors")).put("maxItems", 5000);
		((ObjectNode) report.get("properties").get("rowsTotal")).remove("minimum");

		assertThat(breakingChanges("inventory-change.schema.json", changed)).isEmpty();
		assertThat(breakingChanges("upload-report.schema.json", report)).isEmpty();
	}

	private static List<String> breakingChanges(String name, JsonNode changed) {
		return SchemaCompatibility.breakingChanges(read(PUBLISHED + name), changed);
	}

	private static ObjectNode current(String name) {
		return (ObjectNode) read(CURRENT + name).deepCopy();
	}

	private static ObjectNode properties(JsonNode schema) {
		return (ObjectNode) schema.get("properties");
	}

	private static JsonNode read(String resource) {
		try (InputStream in = SchemaCompatibilityTests.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath");
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> schemaFiles(String directory) {
		URL url = SchemaCompatibilityTests.class.getResource(directory);
		if (url == null) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".schema.json"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
