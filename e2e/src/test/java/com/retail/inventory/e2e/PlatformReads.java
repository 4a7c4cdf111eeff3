package com.retail.inventory.e2e;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.LocalPlatform;
import com.retail.inventory.local.SnsEnvelope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** What the end-to-end tests read back from the platform's AWS resources. */
final class PlatformReads {

	private PlatformReads() {
	}

	/**
	 * The alerts published since the last call: the local stand-in for the email/SMS
	 * inbox (an SQS queue subscribed to the topic), emptied as it is read.
	 */
	static List<JsonNode> alerts(LocalPlatform platform) {
		String queue = platform.resources().alertsObserverQueueUrl();
		List<JsonNode> received = new ArrayList<>();
		var messages = platform.aws()
			.sqs()
			.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
			.messages();
		for (var message : messages) {
			received.add(SnsEnvelope.parse(message.body()));
			platform.aws().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
		}
		return received;
	}

	/** The newest tracking item of an upload of that key. */
	static Map<String, AttributeValue> trackingItem(LocalPlatform platform, String key) {
		return platform.aws()
			.dynamoDb()
			.scanPaginator((b) -> b.tableName(InventoryResources.load().uploadsTable()))
			.items()
			.stream()
			.filter((item) -> item.get(UploadsTable.KEY).s().equals(key))
			.max(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(UploadsTable.RECEIVED_AT).s()))
			.orElse(null);
	}

	/** Store/item to count, for the stores whose name starts with the prefix. */
	static Map<String, String> tableCounts(LocalPlatform platform, String storePrefix) {
		return platform.aws()
			.dynamoDb()
			.scanPaginator((b) -> b.tableName(platform.resources().inventoryTable()))
			.items()
			.stream()
			.filter((i) -> i.get(InventoryTable.STORE).s().startsWith(storePrefix))
			.collect(Collectors.toMap((i) -> i.get(InventoryTable.STORE).s() + "/" + i.get(InventoryTable.ITEM).s(),
					(i) -> i.get(InventoryTable.COUNT).n(), (a, b) -> a, TreeMap::new));
	}

	/**
	 * How many of a consumer group's shards each instance holds (by the instance name
	 * that begins its KCL worker id); a lease nobody holds counts under {@code "-"}.
	 */
	static Map<String, Integer> leasesPerInstance(LocalPlatform platform, String leaseTable, String service) {
		Map<String, Integer> perInstance = new TreeMap<>();
		for (Map<String, AttributeValue> lease : platform.aws()
			.dynamoDb()
			.scan((b) -> b.tableName(leaseTable).consistentRead(true))
			.items()) {
			AttributeValue owner = lease.get(LeaseTableAttributes.LEASE_OWNER);
			String instance = (owner == null) ? "-" : instanceOf(owner.s(), service);
			perInstance.merge(instance, 1, Integer::sum);
		}
		return perInstance;
	}

	/** {@code loader-2-<uuid>} is instance loader-2, {@code loader-<uuid>} is loader. */
	private static String instanceOf(String workerId, String service) {
		String rest = workerId.substring(service.length());
		return rest.matches("-[0-9]+-.*") ? service + rest.substring(0, rest.indexOf('-', 1)) : service;
	}

}
