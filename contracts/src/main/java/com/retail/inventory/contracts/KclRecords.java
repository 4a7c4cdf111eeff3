package com.retail.inventory.contracts;

import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The records of a KCL-mode batch as the SDK's {@link Record}, the type the consumers'
 * domain code (and its tests) work with, whichever way the binder reads the stream.
 */
public final class KclRecords {

	private KclRecords() {
	}

	public static List<Record> of(List<KinesisClientRecord> batch) {
		return batch.stream().map(KclRecords::of).toList();
	}

	public static Record of(KinesisClientRecord record) {
		return Record.builder()
			// The KCL record's buffer is read-only and may be shared: copied, not
			// consumed.
			.data(SdkBytes.fromByteBuffer(record.data().asReadOnlyBuffer()))
			.partitionKey(record.partitionKey())
			.sequenceNumber(record.sequenceNumber())
			.approximateArrivalTimestamp(record.approximateArrivalTimestamp())
			.encryptionType(record.encryptionType())
			.build();
	}

}
