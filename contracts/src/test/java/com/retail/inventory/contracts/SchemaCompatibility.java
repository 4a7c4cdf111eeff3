package com.retail.inventory.contracts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Finds the changes of a JSON Schema (draft 2020-12, as the contract schemas are written)
 * that break the readers or writers of payloads published under an earlier version of it.
 * Two rules, applied at every nesting level ({@code properties}, {@code items},
 * {@code additionalProperties}, {@code $defs}; local {@code $ref}s are resolved):
 * <ol>
 * <li>Nothing documented disappears: every property (a renamed one counts as removed),
 * every {@code $defs} entry, every {@code enum} value and every {@code const} value stays
 * accepted.</li>
 * <li>Nothing accepted before is refused now: no property becomes required (neither an
 * optional one nor a new one), no {@code type} is narrowed, no bound ({@code minimum},
 * {@code maxLength}, {@code maxItems}, ...) is tightened, no {@code pattern} is added or
 * changed, {@code additionalProperties} is not closed, no value set is restricted.</li>
 * </ol>
 * Adding an optional property, an enum value or a definition, widening a type, loosening
 * a bound and editing descriptions are compatible. {@code allOf}/{@code anyOf}/
 * {@code oneOf} are not compared structurally: any change to them is reported for review.
 */
final class SchemaCompatibility {

	/** Bounds a newer schema may lower (or drop) but not raise or add. */
	private static final List<String> LOWER_BOUNDS = List.of("minimum", "exclusiveMinimum", "minLength", "minItems",
			"minProperties");

	/** Bounds a newer schema may raise (or drop) but not lower or add. */
	private static final List<String> UPPER_BOUNDS = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
			"maxProperties");

	private static final Set<String> ALL_TYPES = Set.of("object", "array", "string", "number", "integer", "boolean",
			"null");

	/** The schema that accepts anything: {@code {}}. */
	private static final JsonNode ANYTHING = JsonNodeFactory.instance.objectNode();

	private final JsonNode publishedRoot;

	private final JsonNode currentRoot;

	private final List<String> problems = new ArrayList<>();

	/** The references being compared, outermost first: stops recursive definitions. */
	private final Deque<String> referencesInProgress = new ArrayDeque<>();

	private SchemaCompatibility(JsonNode publishedRoot, JsonNode currentRoot) {
		this.publishedRoot = publishedRoot;
		this.currentRoot = currentRoot;
	}

	/**
	 * @param published the schema as published (the frozen copy)
	 * @param current the schema as it is now
	 * @return one line per breaking change, each starting with its JSON pointer in the
	 * published schema; empty when the current schema is compatible
	 */
	static List<String> breakingChanges(JsonNode published, JsonNode current) {
		SchemaCompatibility check = new SchemaCompatibility(published, current);
		check.compare("#", published, current);
		JsonNode publishedDefinitions = published.path("$defs");
		JsonNode currentDefinitions = current.path("$defs");
		for (String name : publishedDefinitions.propertyNames()) {
			String at = "#/$defs/" + name;
			if (currentDefinitions.has(name)) {
				check.compare(at, publishedDefinitions.get(name), currentDefinitions.get(name));
			}
			else {
				check.problems.add(at + ": definition removed");
			}
		}
		return List.copyOf(check.problems);
	}

	private void compare(String at, JsonNode publishedSchema, JsonNode currentSchema) {
		if (publishedSchema.isBoolean() && !publishedSchema.booleanValue()) {
			// "false" accepted nothing: whatever it is now accepts at least that.
			return;
		}
		JsonNode published = publishedSchema.isBoolean() ? ANYTHING : publishedSchema;
		if (currentSchema.isBoolean()) {
			if (!currentSchema.booleanValue()) {
				problems.add(at + ": accepts nothing now (false)");
			}
			else {
				compare(at, published, ANYTHING);
			}
			return;
		}
		if (published.has("$ref") || currentSchema.has("$ref")) {
			String pair = published.path("$ref").asString("") + " -> " + currentSchema.path("$ref").asString("");
			if (referencesInProgress.contains(pair)) {
				return;
			}
			referencesInProgress.push(pair);
			compare(at, resolve(publishedRoot, published, at), resolve(currentRoot, currentSchema, at));
			referencesInProgress.pop();
			return;
		}
		JsonNode current = currentSchema;
		compareProperties(at, published, current);
		compareRequired(at, published, current);
		compareValues(at, published, current);
		compareTypes(at, published, current);
		compareBounds(at, published, current);
		if (current.has("pattern") && !current.get("pattern").equals(published.get("pattern"))) {
			problems.add(at + "/pattern: " + published.path("pattern").asString("(none)") + " changed to "
					+ current.get("pattern").asString());
		}
		for (String subschema : List.of("additionalProperties", "items")) {
			if (published.has(subschema) || current.has(subschema)) {
				compare(at + "/" + subschema,
						published.path(subschema).isMissingNode() ? ANYTHING : published.get(subschema),
						current.path(subschema).isMissingNode() ? ANYTHING : current.get(subschema));
			}
		}
		for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
			if (!published.path(combinator).equals(current.path(combinator))) {
				problems.add(at + "/" + combinator + ": changed (not compared structurally: review by hand)");
			}
		}
	}

	private void compareProperties(String at, JsonNode published, JsonNode current) {
		JsonNode currentProperties = current.path("properties");
		for (var property : published.path("properties").properties()) {
			String path = at + "/properties/" + property.getKey();
			if (currentProperties.has(property.getKey())) {
				compare(path, property.getValue(), currentProperties.get(property.getKey()));
			}
			else {
				problems.add(path + ": property removed or renamed");
			}
		}
	}

	private void compareRequired(String at, JsonNode published, JsonNode current) {
		Set<String> requiredBefore = strings(published.path("required"));
		for (String name : strings(current.path("required"))) {
			if (!requiredBefore.contains(name)) {
				problems.add(at + "/required: '" + name + "' is required now" + (published.path("properties").has(name)
						? " (it was optional)" : " (a new property may only be optional)"));
			}
		}
	}

	private void compareValues(String at, JsonNode published, JsonNode current) {
		Set<JsonNode> acceptedNow = acceptedValues(current);
		if (acceptedNow == null) {
			return;
		}
		Set<JsonNode> acceptedBefore = acceptedValues(published);
		if (acceptedBefore == null) {
			problems.add(at + ": restricted to the values " + acceptedNow + " (any value was accepted)");
			return;
		}
		for (JsonNode value : acceptedBefore) {
			if (!acceptedNow.contains(value)) {
				problems.add(at + (published.has("enum") ? "/enum" : "/const") + ": value " + value
						+ " removed (accepted now: " + acceptedNow + ")");
			}
		}
	}

	/** The values a schema's {@code const} and {@code enum} allow, or null for any. */
	private static Set<JsonNode> acceptedValues(JsonNode schema) {
		Set<JsonNode> accepted = null;
		if (schema.has("enum")) {
			accepted = new LinkedHashSet<>(schema.get("enum").values());
		}
		if (schema.has("const")) {
			JsonNode value = schema.get("const");
			accepted = (accepted == null || accepted.contains(value)) ? Set.of(value) : Set.of();
		}
		return accepted;
	}

	private void compareTypes(String at, JsonNode published, JsonNode current) {
		if (!current.has("type")) {
			return;
		}
		Set<String> now = strings(current.get("type"));
		Set<String> before = published.has("type") ? strings(published.get("type")) : ALL_TYPES;
		for (String type : before) {
			if (!now.contains(type) && !("integer".equals(type) && now.contains("number"))) {
				problems.add(at + "/type: '" + type + "' is no longer accepted (now " + now + ")");
			}
		}
	}

	private void compareBounds(String at, JsonNode published, JsonNode current) {
		for (String bound : LOWER_BOUNDS) {
			if (current.has(bound) && (!published.has(bound)
					|| current.get(bound).decimalValue().compareTo(published.get(bound).decimalValue()) > 0)) {
				problems.add(at + "/" + bound + ": raised from " + published.path(bound).asString("(none)") + " to "
						+ current.get(bound).asString());
			}
		}
		for (String bound : UPPER_BOUNDS) {
			if (current.has(bound) && (!published.has(bound)
					|| current.get(bound).decimalValue().compareTo(published.get(bound).decimalValue()) < 0)) {
				problems.add(at + "/" + bound + ": lowered from " + published.path(bound).asString("(none)") + " to "
						+ current.get(bound).asString());
			}
		}
	}

	/** A schema with its local references ({@code #/$defs/name}) followed. */
	private static JsonNode resolve(JsonNode root, JsonNode schema, String at) {
		JsonNode resolved = schema;
		for (int hops = 0; resolved.has("$ref"); hops++) {
			String reference = resolved.get("$ref").asString();
			if (!reference.startsWith("#/") || hops > 32) {
				throw new IllegalArgumentException(
						at + ": only local, non-circular references are supported, not " + reference);
			}
			JsonNode target = root;
			for (String token : reference.substring(2).split("/")) {
				target = target.path(token.replace("~1", "/").replace("~0", "~"));
			}
			if (target.isMissingNode()) {
				throw new IllegalArgumentException(at + ": unresolvable reference " + reference);
			}
			resolved = target;
		}
		return resolved;
	}

	private static Set<String> strings(JsonNode node) {
		Set<String> values = new LinkedHashSet<>();
		if (node.isString()) {
			values.add(node.asString());
		}
		else {
			node.values().forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

}
