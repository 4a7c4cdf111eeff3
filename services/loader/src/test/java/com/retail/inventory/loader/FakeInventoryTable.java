package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An in-memory Inventory table behind the DynamoDB API the loader uses (BatchGetItem,
 * BatchWriteItem, conditional PutItem), counting requests, with hooks to make requests
 * fail. For unit tests of the load logic; the integration tests use the real emulator.
 */
final class FakeInventoryTable implements DynamoDbClient {

	final Map<ItemKey, Map<String, AttributeValue>> items = new ConcurrentHashMap<>();

	final AtomicInteger batchGets = new AtomicInteger();

	final AtomicInteger batchWrites = new AtomicInteger();

	final AtomicInteger puts = new AtomicInteger();

	/** Runs after each BatchGetItem has been answered (e.g. another writer's write). */
	volatile Runnable afterRead = () -> {
	};

	/**
	 * How many items of the next BatchWriteItem DynamoDB hands back unprocessed
	 * (throttling).
	 */
	final AtomicInteger leaveUnprocessed = new AtomicInteger();

	/** Returns a failure to throw for a written item, or null to accept it. */
	volatile Function<Map<String, AttributeValue>, RuntimeException> refuse = (item) -> null;

	static DynamoDbException error(String code) {
		return (DynamoDbException) DynamoDbException.builder()
			.statusCode(400)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " (test)").build())
			.build();
	}

	long count(String store, String item) {
		return Long.parseLong(this.items.get(new ItemKey(store, item)).get(InventoryTable.COUNT).n());
	}

	@Override
	public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
		this.batchGets.incrementAndGet();
		List<Map<String, AttributeValue>> found = new ArrayList<>();
		request.requestItems().values().forEach((keys) -> keys.keys().forEach((key) -> {
			Map<String, AttributeValue> item = this.items.get(ItemKey.of(key));
			if (item != null) {
				found.add(item);
			}
		}));
		BatchGetItemResponse response = BatchGetItemResponse.builder().responses(Map.of("Inventory", found)).build();
		this.afterRead.run();
		return response;
	}

	@Override
	public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
		this.batchWrites.incrementAndGet();
		List<WriteRequest> writes = request.requestItems().get("Inventory");
		for (WriteRequest write : writes) {
			RuntimeException refused = this.refuse.apply(write.putRequest().item());
			if (refused != null) {
				throw refused;
			}
		}
		int left = Math.min(writes.size(), this.leaveUnprocessed.getAndSet(0));
		List<WriteRequest> done = writes.subList(0, writes.size() - left);
		done.forEach((write) -> this.items.put(ItemKey.of(write.putRequest().item()),
				new LinkedHashMap<>(write.putRequest().item())));
		return (left == 0) ? BatchWriteItemResponse.builder().build()
				: BatchWriteItemResponse.builder()
					.unprocessedItems(Map.of("Inventory", writes.subList(writes.size() - left, writes.size())))
					.build();
	}

	@Override
	public PutItemResponse putItem(PutItemRequest request) {
		this.puts.incrementAndGet();
		RuntimeException refused = this.refuse.apply(request.item());
		if (refused != null) {
			throw refused;
		}
		// The loader's condition: attribute_not_exists(Version) OR Version < :v
		Map<String, AttributeValue> stored = this.items.get(ItemKey.of(request.item()));
		String version = request.expressionAttributeValues().get(":v").s();
		if (stored != null && stored.get(InventoryTable.VERSION) != null
				&& stored.get(InventoryTable.VERSION).s().compareTo(version) >= 0) {
			throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
		}
		this.items.put(ItemKey.of(request.item()), new LinkedHashMap<>(request.item()));
		return PutItemResponse.builder().build();
	}

	@Override
	public String serviceName() {
		return "dynamodb";
	}

	@Override
	public void close() {
	}

}
