package com.retail.inventory.contracts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How far a stream consumer is behind, as the gauge
 * {@value OperationalMeters#CONSUMER_BEHIND} (base unit seconds, tag
 * {@value OperationalMeters#BINDING}): when a batch arrives, how long ago the newest of
 * its records reached Kinesis (the records' ApproximateArrivalTimestamp); 0 before the
 * first batch. One definition for every consumer, because the chart's "consumer behind"
 * alert reads them all the same way.
 *
 * <p>
 * The binder does not expose GetRecords' MillisBehindLatest, and the batches the
 * consumers receive are the raw Kinesis records, which carry the arrival time. The value
 * is the last batch's (of any shard): a consumer that stops receiving batches keeps its
 * last value, which is why the streams' iterator-age alarms (CloudWatch, infra) and the
 * chart's scrape and progress rules cover a stalled consumer.
 */
public final class ConsumerBehind {

	private final Clock clock;

	private volatile double seconds;

	public ConsumerBehind(MeterRegistry meters, String binding, Clock clock) {
		this.clock = clock;
		Gauge.builder(OperationalMeters.CONSUMER_BEHIND, this, ConsumerBehind::seconds)
			.baseUnit("seconds")
			.tag(OperationalMeters.BINDING, binding)
			.description("how long before its batch was received the newest record of the binding's last batch "
					+ "arrived in Kinesis")
			.strongReference(true)
			.register(meters);
	}

	public double seconds() {
		return this.seconds;
	}

	/**
	 * A batch arrived: the arrival times of its records (null ones, which Kinesis never
	 * sends but a test may, are ignored; an empty batch changes nothing).
	 */
	public void received(Stream<Instant> arrivals) {
		arrivals.filter(Objects::nonNull).max(Instant::compareTo).ifPresent((newest) -> {
			// Never negative: the clocks of Kinesis and this host differ a little.
			long behind = Math.max(0, Duration.between(newest, this.clock.instant()).toMillis());
			this.seconds = behind / 1000.0;
		});
	}

}
