package com.retail.inventory.infra;

import com.retail.inventory.contracts.AlertMessage;
import com.retail.inventory.contracts.AlertType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An email address or phone number subscribed to the NoStock topic for some stores only,
 * and optionally some alert types only: an SNS filter policy on the message attributes
 * {@link AlertMessage#STORE} and {@link AlertMessage#TYPE}.
 *
 * <p>
 * Read from the context key {@value #CONTEXT_KEY}: comma-separated entries
 * {@code <store>=<endpoint>} or {@code <store>=<endpoint>/<TYPE>+<TYPE>}, e.g.
 * {@code Berlin=berlin@example.com,Berlin=+4915112345678/OUT_OF_STOCK}. SNS keeps one
 * subscription per topic and endpoint (subscribing it again with another filter policy
 * fails, and CDK refuses the second subscription), so the entries of one endpoint become
 * one subscription: their stores are combined and they must name the same types.
 *
 * @param endpoint an email address, or an E.164 phone number (SMS)
 * @param stores the values of the {@code store} attribute it receives, as first given
 * @param types the alert types it receives, in declaration order; empty for every type
 */
public record StoreAlertSubscription(String endpoint, List<String> stores, List<AlertType> types) {

	public static final String CONTEXT_KEY = "storeAlertSubscriptions";

	/**
	 * SNS: the product of the number of values of each key of a filter policy may not
	 * exceed 150.
	 */
	static final int MAX_FILTER_COMBINATIONS = 150;

	private static final String SYNTAX = "<store>=<endpoint> or <store>=<endpoint>/<TYPE>+<TYPE>";

	private static final String INEXPRESSIBLE = "a store name containing '=', ',' or '/' cannot be given in "
			+ CONTEXT_KEY + " (they separate its parts)";

	public StoreAlertSubscription {
		if (!DeploymentSettings.isEmail(endpoint) && !DeploymentSettings.isE164(endpoint)) {
			throw new IllegalArgumentException("not an email address or E.164 phone number (+ and 7 to 15 digits) in "
					+ CONTEXT_KEY + ": '" + endpoint + "'");
		}
		if (stores.isEmpty()) {
			throw new IllegalArgumentException("no store for " + endpoint + " in " + CONTEXT_KEY);
		}
		stores.forEach(StoreAlertSubscription::checkStore);
		if (new LinkedHashSet<>(types).size() != types.size()) {
			throw new IllegalArgumentException(
					"an alert type is given twice for " + endpoint + " in " + CONTEXT_KEY + ": " + joined(types));
		}
		int combinations = stores.size() * Math.max(1, types.size());
		if (combinations > MAX_FILTER_COMBINATIONS) {
			throw new IllegalArgumentException(CONTEXT_KEY + " gives " + endpoint + " " + stores.size() + " stores and "
					+ types.size() + " types, " + combinations + " combinations: an SNS filter policy allows at most "
					+ MAX_FILTER_COMBINATIONS + " (stores times types)");
		}
		stores = List.copyOf(new LinkedHashSet<>(stores));
		types = types.stream().sorted().toList();
	}

	/** Whether SNS sends SMS (else email) to the endpoint. */
	public boolean sms() {
		return endpoint.startsWith("+");
	}

	/** The {@code type} attribute values it receives; empty for every type. */
	public List<String> typeNames() {
		return types.stream().map(AlertType::name).toList();
	}

	/**
	 * Parses the entries of {@value #CONTEXT_KEY} into one subscription per endpoint, in
	 * the order the endpoints are first given.
	 * @param entries the comma-separated entries, trimmed, none empty
	 */
	public static List<StoreAlertSubscription> parse(List<String> entries) {
		Map<String, List<Entry>> byEndpoint = new LinkedHashMap<>();
		for (String text : entries) {
			Entry entry = Entry.parse(text);
			List<Entry> ofEndpoint = byEndpoint.computeIfAbsent(entry.endpoint(), endpoint -> new ArrayList<>());
			if (!ofEndpoint.isEmpty() && !ofEndpoint.get(0).types().equals(entry.types())) {
				throw new IllegalArgumentException(CONTEXT_KEY + " gives " + entry.endpoint()
						+ " different alert types in '" + ofEndpoint.get(0).text() + "' and '" + text
						+ "': SNS keeps one subscription per endpoint, whose one filter policy selects stores and "
						+ "types together; give every entry of an endpoint the same types");
			}
			ofEndpoint.add(entry);
		}
		return byEndpoint.entrySet()
			.stream()
			.map(endpoint -> new StoreAlertSubscription(endpoint.getKey(),
					endpoint.getValue().stream().map(Entry::store).toList(),
					List.copyOf(endpoint.getValue().get(0).types())))
			.toList();
	}

	private static void checkStore(String store) {
		if (store.isBlank()) {
			throw new IllegalArgumentException("empty store name in " + CONTEXT_KEY);
		}
		if (!store.equals(store.strip())) {
			throw new IllegalArgumentException(
					"store name with leading or trailing spaces in " + CONTEXT_KEY + ": '" + store + "'");
		}
		if (store.chars().anyMatch(c -> c == '=' || c == ',' || c == '/')) {
			throw new IllegalArgumentException(INEXPRESSIBLE + ": '" + store + "'");
		}
		if (store.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c))) {
			throw new IllegalArgumentException("store name with a quote, backslash or control character in "
					+ CONTEXT_KEY + " (SNS attribute filters would need them escaped twice): '" + store + "'");
		}
	}

	private static String joined(List<AlertType> types) {
		return types.stream().map(AlertType::name).collect(Collectors.joining("+"));
	}

	/** One {@code <store>=<endpoint>[/<TYPE>+<TYPE>]} as given. */
	private record Entry(String text, String store, String endpoint, Set<AlertType> types) {

		static Entry parse(String text) {
			int equals = text.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException(CONTEXT_KEY + " entry '" + text + "' is not " + SYNTAX
						+ "; entries are comma-separated, and " + INEXPRESSIBLE);
			}
			String store = text.substring(0, equals).strip();
			String rest = text.substring(equals + 1);
			if (store.isEmpty()) {
				throw new IllegalArgumentException(CONTEXT_KEY + " entry '" + text + "' has no store before '='");
			}
			if (store.indexOf('/') >= 0 || rest.indexOf('=') >= 0) {
				throw new IllegalArgumentException(CONTEXT_KEY + " entry '" + text + "': " + INEXPRESSIBLE);
			}
			int slash = rest.indexOf('/');
			String endpoint = ((slash < 0) ? rest : rest.substring(0, slash)).strip();
			if (endpoint.isEmpty()) {
				throw new IllegalArgumentException(CONTEXT_KEY + " entry '" + text + "' has no endpoint after '='");
			}
			if (!DeploymentSettings.isEmail(endpoint) && !DeploymentSettings.isE164(endpoint)) {
				throw new IllegalArgumentException(CONTEXT_KEY + " entry '" + text + "': '" + endpoint
						+ "' is neither an email address nor an E.164 phone number (+ and 7 to 15 digits, "
						+ "e.g. +4915112345678)");
			}
			Set<AlertType> types = EnumSet.noneOf(AlertType.class);
			if (slash >= 0) {
				for (String name : rest.substring(slash + 1).split("\\+", -1)) {
					AlertType type = type(text, name.strip());
					if (!types.add(type)) {
						throw new IllegalArgumentException(
								CONTEXT_KEY + " entry '" + text + "' names " + type + " twice");
					}
				}
			}
			return new Entry(text, store, endpoint, types);
		}

		private static AlertType type(String text, String name) {
			if (name.isEmpty()) {
				throw new IllegalArgumentException(
						CONTEXT_KEY + " entry '" + text + "' has an empty alert type (after '/' or around '+')");
			}
			return Arrays.stream(AlertType.values())
				.filter(type -> type.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						CONTEXT_KEY + " entry '" + text + "': unknown alert type '" + name + "'; types are "
								+ joined(List.of(AlertType.values())) + " (exact names, joined with '+')"));
		}

	}

}
