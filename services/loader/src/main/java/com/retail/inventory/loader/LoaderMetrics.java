package com.retail.inventory.loader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the loader counts: rows by outcome ({@code inventory.loader.rows}) and DynamoDB
 * requests by operation ({@code inventory.loader.requests}, what AWS bills).
 */
@Component
class LoaderMetrics {

	private final Counter written;

	private final Counter skipped;

	private final Counter deadLettered;

	private final Counter batchGets;

	private final Counter batchWrites;

	private final Counter puts;

	private final Counter trackingRequests;

	LoaderMetrics(MeterRegistry meters) {
		this.written = rows(meters, "written", "rows written to the table");
		this.skipped = rows(meters, "skipped", "rows not written: the table holds that version or a newer one");
		this.deadLettered = rows(meters, "dead-lettered", "records sent to the dead-letter queue");
		this.batchGets = requests(meters, "BatchGetItem");
		this.batchWrites = requests(meters, "BatchWriteItem");
		this.puts = requests(meters, "PutItem");
		this.trackingRequests = requests(meters, "upload-tracking");
	}

	/** Counts into a registry of its own, for tests. */
	static LoaderMetrics standalone() {
		return new LoaderMetrics(new SimpleMeterRegistry());
	}

	private static Counter rows(MeterRegistry meters, String outcome, String description) {
		return Counter.builder("inventory.loader.rows")
			.tag("outcome", outcome)
			.description(description)
			.register(meters);
	}

	private static Counter requests(MeterRegistry meters, String operation) {
		return Counter.builder("inventory.loader.requests")
			.tag("operation", operation)
			.description("DynamoDB requests sent")
			.register(meters);
	}

	void written(int count) {
		this.written.increment(count);
	}

	void skipped(int count) {
		this.skipped.increment(count);
	}

	void deadLettered(int count) {
		this.deadLettered.increment(count);
	}

	void batchGet() {
		this.batchGets.increment();
	}

	void batchWrite() {
		this.batchWrites.increment();
	}

	void put() {
		this.puts.increment();
	}

	/** A request to the upload tracking table (UpdateItem or GetItem). */
	void trackingRequest() {
		this.trackingRequests.increment();
	}

	double requests() {
		return this.batchGets.count() + this.batchWrites.count() + this.puts.count() + this.trackingRequests.count();
	}

}
