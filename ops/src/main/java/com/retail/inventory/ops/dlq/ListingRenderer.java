package com.retail.inventory.ops.dlq;

import com.retail.inventory.ops.status.Table;
import com.retail.inventory.ops.status.TextRenderer;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** {@code dlq list}'s output: a table per queue, or one JSON document. */
public final class ListingRenderer {

	private static final List<String> COLUMNS = List.of("MESSAGE ID", "SENT", "FIRST RECEIVED", "RECEIVES", "REASON",
			"DETAILS");

	public void text(List<QueueListing> listings, Map<String, Integer> requests, PrintWriter out) {
		for (QueueListing listing : listings) {
			out.println("== " + listing.queue() + ": " + count(listing));
			if (!listing.rows().isEmpty()) {
				TextRenderer.renderTable(table(listing.rows()), out);
			}
			out.println();
		}
		out.println("AWS requests: " + summary(requests));
		int exitCode = DeadLetterListing.exitCode(listings);
		out.println((exitCode == 0) ? "Dead letters: none (exit code 0)" : "Dead letters: yes (exit code 1)");
		out.flush();
	}

	public void json(List<QueueListing> listings, Map<String, Integer> requests, PrintWriter out) {
		List<Map<String, Object>> queues = new ArrayList<>();
		for (QueueListing listing : listings) {
			Map<String, Object> queue = new LinkedHashMap<>();
			queue.put("name", listing.queue());
			queue.put("limited", listing.limited());
			queue.put("messages", listing.rows().stream().map(ListingRenderer::json).toList());
			queues.add(queue);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("queues", queues);
		document.put("requests", requests);
		document.put("exitCode", DeadLetterListing.exitCode(listings));
		out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
		out.flush();
	}

	/** The rows as a table: also what {@code dlq redrive --dry-run} shows. */
	public static Table table(List<DeadLetterRow> rows) {
		return new Table("", COLUMNS,
				rows.stream()
					.map((row) -> List.of(row.messageId(), time(row.sentAt()), time(row.firstReceivedAt()),
							String.valueOf(row.receiveCount()), row.reason(), details(row.details())))
					.toList());
	}

	/** e.g. {@code 7 (Sqs ChangeMessageVisibilityBatch 1, Sqs ReceiveMessage 2, ...)}. */
	public static String summary(Map<String, Integer> requests) {
		int total = requests.values().stream().mapToInt(Integer::intValue).sum();
		if (requests.isEmpty()) {
			return "0";
		}
		return total + " ("
				+ requests.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + " " + entry.getValue())
					.collect(Collectors.joining(", "))
				+ ")";
	}

	private static String count(QueueListing listing) {
		int size = listing.rows().size();
		if (size == 0) {
			return "empty";
		}
		return size + ((size == 1) ? " message" : " messages")
				+ (listing.limited() ? " (--max reached, maybe more)" : "");
	}

	private static Map<String, Object> json(DeadLetterRow row) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("messageId", row.messageId());
		message.put("sentAt", (row.sentAt() != null) ? row.sentAt().toString() : null);
		message.put("firstReceivedAt", (row.firstReceivedAt() != null) ? row.firstReceivedAt().toString() : null);
		message.put("receiveCount", row.receiveCount());
		message.put("reason", row.reason());
		message.put("details", row.details());
		return message;
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : "-";
	}

	private static String details(Map<String, String> details) {
		return details.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
	}

}
