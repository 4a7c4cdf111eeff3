package com.retail.inventory.dashboard;

/**
 * A threshold was set or deleted through this dashboard: the inventory view applies the
 * thresholds at once rather than at its next refresh.
 *
 * @param key the threshold that changed
 */
record ThresholdsChanged(ThresholdKey key) {
}
