package com.retail.inventory.ops.status;

import java.time.Duration;

/**
 * One SQS queue's depth.
 *
 * @param name the queue
 * @param deadLetter whether it is a dead-letter queue (then any message is unhealthy)
 * @param visible ApproximateNumberOfMessages: waiting to be received
 * @param inFlight ApproximateNumberOfMessagesNotVisible: received, not yet deleted
 * @param oldestAgeMillis age of the oldest of up to 10 messages peeked at (dead-letter
 * queues only), null when not known
 */
public record QueueRow(String name, boolean deadLetter, long visible, long inFlight, Long oldestAgeMillis) {

	/** Why this queue is unhealthy (a dead-letter queue holding messages), or null. */
	public String problem() {
		long messages = this.visible + this.inFlight;
		return (this.deadLetter && messages > 0)
				? "dead-letter queue " + this.name + " holds " + messages + " message" + ((messages == 1) ? "" : "s")
				: null;
	}

	public String oldestText() {
		return (this.oldestAgeMillis != null) ? Durations.format(Duration.ofMillis(this.oldestAgeMillis)) : "-";
	}

}
