package com.retail.inventory.ops.dlq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves dead letters back to where they came from, ten at a time: receive, send, then
 * delete from the dead-letter queue only what was sent. Nothing is lost: a message is
 * deleted only after its destination has it, and one that could not be sent stays in the
 * dead-letter queue (made visible again at the end). A crash between send and delete
 * leaves a duplicate, never a gap.
 */
public final class Redrive {

	/**
	 * Hides a received batch while it is sent and deleted, and keeps the ones that failed
	 * out of the later receives of this run (released at its end). Far longer than a
	 * batch takes.
	 */
	static final int VISIBILITY_SECONDS = 120;

	private final DeadLetterReceiver receiver;

	public Redrive(DeadLetterReceiver receiver) {
		this.receiver = receiver;
	}

	/**
	 * @param max how many messages to move at most (failures count towards it, so a queue
	 * of bad messages is not read forever)
	 */
	public RedriveResult run(String queueName, RedriveDestination destination, int max) {
		String url = this.receiver.queueUrl(queueName);
		int moved = 0;
		Map<String, String> failures = new LinkedHashMap<>();
		List<DeadLetter> notSent = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try {
			while (moved + failures.size() < max) {
				List<DeadLetter> batch = this.receiver.receive(queueName, url, max - moved - failures.size(),
						VISIBILITY_SECONDS);
				List<DeadLetter> fresh = batch.stream().filter((letter) -> seen.add(letter.messageId())).toList();
				if (fresh.size() < batch.size()) {
					this.receiver.release(url, batch.stream().filter((letter) -> !fresh.contains(letter)).toList());
				}
				if (fresh.isEmpty()) {
					break;
				}
				Map<String, String> failed = destination.send(fresh);
				List<DeadLetter> sent = fresh.stream()
					.filter((letter) -> !failed.containsKey(letter.messageId()))
					.toList();
				notSent.addAll(fresh.stream().filter((letter) -> failed.containsKey(letter.messageId())).toList());
				failures.putAll(failed);
				Map<String, String> notDeleted = this.receiver.delete(url, sent);
				// Sent but still in the dead-letter queue: it shows again when its
				// timeout
				// ends and a later redrive sends a duplicate (tolerated), so say so.
				notDeleted
					.forEach((id, why) -> failures.put(id, "sent, but not deleted from " + queueName + ": " + why));
				moved += sent.size() - notDeleted.size();
			}
		}
		finally {
			this.receiver.release(url, notSent);
		}
		return new RedriveResult(queueName, destination.describe(), moved, failures);
	}

}
