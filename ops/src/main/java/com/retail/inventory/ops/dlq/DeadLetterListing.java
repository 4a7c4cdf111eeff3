package com.retail.inventory.ops.dlq;

import com.retail.inventory.contracts.InventoryResources;
import java.util.ArrayList;
import java.util.List;

/** Lists dead-letter queues without consuming their messages, each with its reason. */
public final class DeadLetterListing {

	private final DeadLetterPeek peek;

	private final DeadLetterDescriber describer;

	private final InventoryResources names;

	public DeadLetterListing(DeadLetterPeek peek, DeadLetterDescriber describer, InventoryResources names) {
		this.peek = peek;
		this.describer = describer;
		this.names = names;
	}

	/**
	 * @param max messages per queue at most
	 */
	public List<QueueListing> list(List<DeadLetterSource> sources, int max) {
		List<QueueListing> listings = new ArrayList<>();
		for (DeadLetterSource source : sources) {
			String queue = source.queueName(this.names);
			List<DeadLetter> letters = this.peek.peek(queue, max);
			listings.add(new QueueListing(queue, this.describer.describe(source, letters), letters.size() >= max));
		}
		return listings;
	}

	/** 0 when every queue is empty, 1 when something is dead-lettered. */
	public static int exitCode(List<QueueListing> listings) {
		return listings.stream().allMatch((listing) -> listing.rows().isEmpty()) ? 0 : 1;
	}

}
