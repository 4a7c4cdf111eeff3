package com.retail.inventory.ops.dlq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks at a dead-letter queue's messages without consuming them.
 *
 * <p>
 * A receive with visibility timeout 0 would leave each message visible, but then the next
 * receive can return the same ten again and a listing of more than ten never gets past
 * them. So each message is hidden for {@link #VISIBILITY_SECONDS} while the listing goes
 * on, and all of them are made visible again (ChangeMessageVisibility to 0) at the end:
 * right after the listing a redrive sees every message. The timeout is short so that a
 * listing that dies before the release hides nothing for long.
 */
public final class DeadLetterPeek {

	static final int VISIBILITY_SECONDS = 30;

	private final DeadLetterReceiver receiver;

	public DeadLetterPeek(DeadLetterReceiver receiver) {
		this.receiver = receiver;
	}

	/** Up to {@code max} messages of the queue, in the order SQS returned them. */
	public List<DeadLetter> peek(String queueName, int max) {
		String url = this.receiver.queueUrl(queueName);
		List<DeadLetter> seen = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		try {
			while (seen.size() < max) {
				List<DeadLetter> batch = this.receiver.receive(queueName, url, max - seen.size(), VISIBILITY_SECONDS);
				List<DeadLetter> fresh = batch.stream().filter((letter) -> ids.add(letter.messageId())).toList();
				seen.addAll(fresh);
				// Received again: its timeout ran out, so everything has been seen once.
				if (fresh.size() < batch.size()) {
					this.receiver.release(url, batch.stream().filter((letter) -> !fresh.contains(letter)).toList());
				}
				if (fresh.isEmpty()) {
					break;
				}
			}
		}
		finally {
			this.receiver.release(url, seen);
		}
		return seen;
	}

}
