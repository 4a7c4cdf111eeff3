package com.retail.inventory.helm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to check the chart's alert rules and Grafana dashboard
 * against the metrics contract: which series an expression names, and which label
 * matchers it uses. Not a parser: it relies on the expressions being well formed
 * (balanced, checked by {@link #assertBalanced}).
 */
final class PromQl {

	/** The series of the metrics contract (issue #11), as Prometheus scrapes them. */
	static final Set<String> CONTRACT_SERIES = Set.of("inventory_ingest_rows_total", "inventory_ingest_uploads_total",
			"inventory_loader_rows_total", "inventory_loader_requests_total", "inventory_alerts_total",
			"inventory_alerts_publish_failures_total", "inventory_consumer_behind_seconds", "inventory_dlq_messages");

	/**
	 * Prometheus' own series and the families Spring Boot and Micrometer publish for
	 * every service (HTTP server requests, JVM, process).
	 */
	private static final Pattern STANDARD_SERIES = Pattern
		.compile("up|http_server_requests_seconds_(count|sum|max|bucket)|jvm_[a-z_]+|process_[a-z_]+");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "inf", "nan");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern SELECTOR = Pattern.compile("\\{[^{}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");

	private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-z]+");

	/**
	 * A name not followed by "(" (a function); possessive, so "sum(" is not read as "su".
	 */
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

	private static final Pattern SERIES_WITH_SELECTOR = Pattern
		.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()\\s*(\\{[^{}]*})?");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");

	private PromQl() {
	}

	static boolean isKnownSeries(String name) {
		return CONTRACT_SERIES.contains(name) || STANDARD_SERIES.matcher(name).matches();
	}

	/** The metric names an expression selects (not functions, keywords or labels). */
	static Set<String> seriesNames(String expr) {
		String stripped = STRING.matcher(expr).replaceAll("\"\"");
		stripped = SELECTOR.matcher(stripped).replaceAll(" ");
		stripped = RANGE.matcher(stripped).replaceAll(" ");
		stripped = GROUPING.matcher(stripped).replaceAll(" ");
		stripped = OFFSET.matcher(stripped).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(stripped);
		while (matcher.find()) {
			if (!KEYWORDS.contains(matcher.group())) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	/** One selection of a series in an expression, with its equality matchers. */
	record Selection(String series, Map<String, String> equalities) {
	}

	/**
	 * Every selection of a series in the expression with its {@code label="value"}
	 * matchers (a bare series name has none).
	 */
	static List<Selection> selections(String expr) {
		Set<String> series = seriesNames(expr);
		List<Selection> selections = new ArrayList<>();
		Matcher matcher = SERIES_WITH_SELECTOR.matcher(expr);
		while (matcher.find()) {
			if (!series.contains(matcher.group(1))) {
				continue;
			}
			Map<String, String> equalities = new TreeMap<>();
			if (matcher.group(2) != null) {
				Matcher label = MATCHER.matcher(matcher.group(2));
				while (label.find()) {
					if (label.group(2).equals("=")) {
						equalities.put(label.group(1), label.group(3));
					}
				}
			}
			selections.add(new Selection(matcher.group(1), equalities));
		}
		return selections;
	}

	/** Parentheses, braces and brackets pair up outside string literals. */
	static void assertBalanced(String expr) {
		String stripped = STRING.matcher(expr).replaceAll("\"\"");
		Deque<Character> open = new ArrayDeque<>();
		for (char c : stripped.toCharArray()) {
			switch (c) {
				case '(', '{', '[' -> open.push(c);
				case ')', '}', ']' -> {
					char expected = c == ')' ? '(' : c == '}' ? '{' : '[';
					if (open.isEmpty() || open.pop() != expected) {
						throw new AssertionError("unbalanced '" + c + "' in " + expr);
					}
				}
				default -> {
				}
			}
		}
		if (!open.isEmpty()) {
			throw new AssertionError("unclosed '" + open.peek() + "' in " + expr);
		}
	}

}
