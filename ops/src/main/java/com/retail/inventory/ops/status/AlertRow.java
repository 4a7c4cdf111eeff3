package com.retail.inventory.ops.status;

/**
 * A store item whose alert state is out of stock or low.
 *
 * @param store the store
 * @param item the item
 * @param level the StockLevel name ({@code OUT} or {@code LOW})
 * @param lastAlert the AlertType of the last alert sent, null when none was sent
 */
public record AlertRow(String store, String item, String level, String lastAlert) {
}
