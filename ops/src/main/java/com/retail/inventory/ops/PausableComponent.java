package com.retail.inventory.ops;

/**
 * What {@code pause} and {@code resume} accept: ingest only. Its input waits in SQS while
 * it is stopped; the Kinesis consumers' input would expire with the stream's retention.
 */
enum PausableComponent {

	ingest

}
