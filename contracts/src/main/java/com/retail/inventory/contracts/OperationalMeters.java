package com.retail.inventory.contracts;

/**
 * Names of the meters the platform's operations depend on: the chart's PrometheusRule and
 * Grafana dashboard (helm/inventory) select these series, so a service renaming one would
 * silence an alert. Micrometer names; Prometheus shows them with {@code _}, a unit suffix
 * and {@code _total} for counters.
 */
public final class OperationalMeters {

	/**
	 * Gauge (seconds), tag {@link #BINDING}: how far a stream consumer is behind, see
	 * {@link ConsumerBehind}.
	 */
	public static final String CONSUMER_BEHIND = "inventory.consumer.behind";

	/** Tag of {@link #CONSUMER_BEHIND}: the binding's name, e.g. loadInventory-in-0. */
	public static final String BINDING = "binding";

	/**
	 * Gauge, tag {@link #QUEUE}: messages waiting in a dead-letter queue, see
	 * {@link DeadLetterDepth}.
	 */
	public static final String DLQ_MESSAGES = "inventory.dlq.messages";

	/**
	 * Tag of {@link #DLQ_MESSAGES}: which dead-letter queue, by its key in
	 * inventory-resources.properties ({@code upload-events-dlq}, {@code records-dlq}),
	 * the same in every deployment whatever the queue is called.
	 */
	public static final String QUEUE = "queue";

	private OperationalMeters() {
	}

}
