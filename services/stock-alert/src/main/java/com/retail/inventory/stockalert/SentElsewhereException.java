package com.retail.inventory.stockalert;

/**
 * Some alerts of a batch are being sent by another instance right now (the shard moved
 * between replicas while both held its changes): the batch is handled again later, when
 * they are sent (and skipped) or their claim is old enough to take over.
 */
class SentElsewhereException extends RuntimeException {

	SentElsewhereException(int alerts) {
		super(alerts + " alert(s) of these changes are being sent by another instance; trying again later");
	}

}
