package com.retail.inventory.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain lookups in a synthesized template (as parsed JSON), for checks CDK's matchers do
 * not express.
 */
public final class TemplateResources {

	private final Map<String, Object> template;

	public TemplateResources(Map<String, Object> template) {
		this.template = template;
	}

	/** Logical id to resource, for every resource of the type. */
	@SuppressWarnings("unchecked")
	public Map<String, Map<String, Object>> ofType(String type) {
		Map<String, Map<String, Object>> found = new LinkedHashMap<>();
		((Map<String, Object>) template.get("Resources")).forEach((id, resource) -> {
			Map<String, Object> body = (Map<String, Object>) resource;
			if (type.equals(body.get("Type"))) {
				found.put(id, body);
			}
		});
		return found;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> properties(Map<String, Object> resource) {
		return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
	}

	/**
	 * The one resource of the type whose property has the value, e.g. the table named
	 * Inventory.
	 */
	public Map.Entry<String, Map<String, Object>> single(String type, String property, Object value) {
		List<Map.Entry<String, Map<String, Object>>> matches = ofType(type).entrySet()
			.stream()
			.filter(entry -> value.equals(properties(entry.getValue()).get(property)))
			.toList();
		if (matches.size() != 1) {
			throw new AssertionError(
					"Expected one " + type + " with " + property + "=" + value + ", found " + matches.size());
		}
		return matches.get(0);
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> outputs() {
		return (Map<String, Object>) template.getOrDefault("Outputs", Map.of());
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	public static List<Object> list(Object value) {
		return (List<Object>) value;
	}

}
