package com.retail.inventory.bench;

import org.HdrHistogram.Histogram;

/**
 * What the clients of one endpoint saw in one measured period: latency of every answered
 * request (HdrHistogram, microseconds, 3 significant digits), bytes, statuses, errors.
 * One per client thread, merged afterwards, so recording takes no lock.
 */
final class EndpointLoad {

	/** Up to 10 minutes per request. */
	private static final long MAX_MICROS = 600_000_000L;

	final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);

	long ok;

	long notModified;

	long errors;

	long bytes;

	/** Time to the failing answer, all failures together. */
	long errorNanos;

	long compressed;

	String firstError;

	void answered(int status, long nanos, long bodyBytes, boolean gzip) {
		if (status == 200 || status == 304) {
			this.latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1000)));
			this.bytes += bodyBytes;
			if (status == 200) {
				this.ok++;
			}
			else {
				this.notModified++;
			}
			if (gzip) {
				this.compressed++;
			}
		}
		else {
			failed("HTTP " + status, nanos);
		}
	}

	void failed(String error, long nanos) {
		this.errors++;
		this.errorNanos += nanos;
		if (this.firstError == null) {
			this.firstError = error;
		}
	}

	void add(EndpointLoad other) {
		this.latencyMicros.add(other.latencyMicros);
		this.ok += other.ok;
		this.notModified += other.notModified;
		this.errors += other.errors;
		this.errorNanos += other.errorNanos;
		this.bytes += other.bytes;
		this.compressed += other.compressed;
		if (this.firstError == null) {
			this.firstError = other.firstError;
		}
	}

	long answered() {
		return this.ok + this.notModified;
	}

	double millis(double percentile) {
		return this.latencyMicros.getValueAtPercentile(percentile) / 1000.0;
	}

}
