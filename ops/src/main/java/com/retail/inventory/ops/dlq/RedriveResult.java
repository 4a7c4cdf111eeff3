package com.retail.inventory.ops.dlq;

import java.util.Map;

/**
 * What a redrive did.
 *
 * @param queue the dead-letter queue
 * @param destination where the messages went
 * @param moved how many were sent back and deleted from the dead-letter queue
 * @param failed the message ids left in the dead-letter queue, with why
 */
public record RedriveResult(String queue, String destination, int moved, Map<String, String> failed) {
}
