package com.retail.inventory.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON envelope SNS wraps around a message delivered to SQS. */
public final class SnsEnvelope {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SnsEnvelope() {
	}

	public static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	/** "subject: message [attr=value ...]" for a person to read. */
	public static String summary(String body) {
		JsonNode envelope = parse(body);
		StringBuilder line = new StringBuilder();
		line.append(envelope.path("Subject").asString("")).append(": ").append(envelope.path("Message").asString(""));
		JsonNode attributes = envelope.path("MessageAttributes");
		attributes.properties()
			.forEach(e -> line.append(' ')
				.append(e.getKey())
				.append('=')
				.append(e.getValue().path("Value").asString("")));
		return line.toString();
	}

}
