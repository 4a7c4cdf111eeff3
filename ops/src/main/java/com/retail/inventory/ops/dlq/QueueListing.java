package com.retail.inventory.ops.dlq;

import java.util.List;

/**
 * What {@code dlq list} found in one dead-letter queue.
 *
 * @param queue the queue's name
 * @param rows the messages listed
 * @param limited whether {@code --max} stopped the listing (there may be more)
 */
public record QueueListing(String queue, List<DeadLetterRow> rows, boolean limited) {
}
