package com.retail.inventory.contracts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How many messages wait in a dead-letter queue, as the gauge
 * {@value OperationalMeters#DLQ_MESSAGES} (tag {@value OperationalMeters#QUEUE}): the
 * depth the service owning the queue reads from SQS ({@link Source}, its
 * ApproximateNumberOfMessages), once per poll interval, so a scrape costs no SQS request.
 * A read that fails is logged and the gauge keeps the last depth read (NaN until the
 * first read succeeds): a dead-letter queue that cannot be read is not an empty one.
 * CloudWatch's own alarm on the queue (infra) does not depend on the services.
 */
public final class DeadLetterDepth implements AutoCloseable {

	/** An SQS request slower than this counts as a failed read. */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

	private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

	/** Reads the queue's depth; throws when it cannot. */
	@FunctionalInterface
	public interface Source {

		long messages();

	}

	private final String queueName;

	private final Source source;

	private final Duration interval;

	private volatile double messages = Double.NaN;

	private ScheduledExecutorService timer;

	/**
	 * @param tag the {@code queue} tag: which of the platform's dead-letter queues
	 * @param queueName the queue's name, for the log
	 * @param interval how often {@link #start()} reads the depth
	 */
	public DeadLetterDepth(MeterRegistry meters, String tag, String queueName, Source source, Duration interval) {
		this.queueName = queueName;
		this.source = source;
		this.interval = interval;
		Gauge.builder(OperationalMeters.DLQ_MESSAGES, this, DeadLetterDepth::messages)
			.tag(OperationalMeters.QUEUE, tag)
			.description("messages in the dead-letter queue (SQS ApproximateNumberOfMessages, read periodically)")
			.strongReference(true)
			.register(meters);
	}

	public double messages() {
		return this.messages;
	}

	/** Reads the depth once. */
	public void poll() {
		try {
			this.messages = this.source.messages();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the depth of dead-letter queue {}; {} keeps {}: {}", this.queueName,
					OperationalMeters.DLQ_MESSAGES, this.messages, ex.toString());
		}
	}

	/** Reads the depth now and then once per interval, on a thread of its own. */
	public synchronized void start() {
		if (this.timer == null) {
			this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "dead-letter-depth");
				thread.setDaemon(true);
				return thread;
			});
			this.timer.scheduleWithFixedDelay(this::poll, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

	/**
	 * The named queue's ApproximateNumberOfMessages in SQS: GetQueueUrl and
	 * GetQueueAttributes, two requests per read (the URL is not kept: a recreated queue
	 * gets a new one), each failing after {@link #READ_TIMEOUT}.
	 */
	public static Source sqs(SqsAsyncClient sqs, String queueName) {
		return () -> {
			String url = sqs.getQueueUrl((b) -> b.queueName(queueName))
				.orTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.join()
				.queueUrl();
			return Long.parseLong(sqs
				.getQueueAttributes(
						(b) -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
				.orTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.join()
				.attributes()
				.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
		};
	}

}
