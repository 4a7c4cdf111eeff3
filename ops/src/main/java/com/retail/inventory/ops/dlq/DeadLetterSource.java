package com.retail.inventory.ops.dlq;

import com.retail.inventory.contracts.InventoryResources;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The platform's two dead-letter queues, by the name an operator types
 * ({@code --queue upload-events|records}).
 */
public enum DeadLetterSource {

	/**
	 * S3 notifications that ingest failed on {@code upload-events-max-receives} times;
	 * SQS moved them (redrive policy of the upload-events queue).
	 */
	UPLOAD_EVENTS("upload-events"),

	/** Kinesis records the loader could never load, sent by the loader itself. */
	RECORDS("records");

	private final String option;

	DeadLetterSource(String option) {
		this.option = option;
	}

	public String option() {
		return this.option;
	}

	/** The dead-letter queue's name. */
	public String queueName(InventoryResources names) {
		return (this == UPLOAD_EVENTS) ? names.uploadEventsDlq() : names.recordsDlq();
	}

	/**
	 * @throws IllegalArgumentException for a name that is neither
	 */
	public static DeadLetterSource of(String option) {
		return Arrays.stream(values())
			.filter((source) -> source.option.equals(option))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown queue '" + option + "', expected one of "
					+ Arrays.stream(values()).map(DeadLetterSource::option).collect(Collectors.joining(", "))));
	}

}
