package com.retail.inventory.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.LocalPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * Two loaders and two stock-alerts (LocalPlatformExtension.REPLICAS) on streams of four
 * shards: each instance holds its share of the shards, and restarting every service one
 * after the other while a 100,000-row file flows through loses no row and sends no alert
 * twice.
 */
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// After the pipeline and the browser tests: it restarts every consumer.
@Order(3)
class ReplicasEndToEndTests {

	private static final int STORES = 100;

	private static final int ITEMS = 1_000;

	/** Items 7, 407 and 807 of each store are out of stock: 3 alerts per store. */
	private static final int OUT_OF_STOCK_EVERY = 400;

	private static final String STORE = "Rolling Store ";

	private static final String KEY = "rolling/rolling-restart.csv";

	/** KCL moves a lease about every half minute; balanced again within a few. */
	private static final Duration BALANCED = Duration.ofMinutes(5);

	private static LocalPlatform platform;

	@BeforeAll
	static void start(LocalPlatform shared) {
		platform = shared;
	}

	@Test
	@Order(1)
	void eachInstanceOfAConsumerGroupHoldsItsShareOfTheShards() {
		awaitBalanced();
	}

	@Test
	@Order(2)
	void aRollingRestartWhileAHundredThousandRowsFlowLosesNoRowAndSendsNoAlertTwice() throws Exception {
		// Earlier tests' alerts are not this test's.
		while (!PlatformReads.alerts(platform).isEmpty()) {
		}
		Map<String, String> expected = new TreeMap<>();
		StringBuilder csv = new StringBuilder("store,item,count\n");
		for (int s = 1; s <= STORES; s++) {
			for (int i = 1; i <= ITEMS; i++) {
				String count = (i % OUT_OF_STOCK_EVERY == 7) ? "0" : Integer.toString(1 + (s * 7 + i) % 50);
				String store = STORE + s;
				String item = "Item " + i;
				csv.append(store).append(',').append(item).append(',').append(count).append('\n');
				expected.put(store + "/" + item, count);
			}
		}
		platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key(KEY), RequestBody.fromString(csv.toString()));

		// Rolling, as Kubernetes does it: one instance at a time stops gracefully
		// (SIGTERM)
		// and is started again, the next only once it is ready. Ingest while it
		// publishes,
		// the consumers while the rows are loaded and the alerts sent.
		double before = ServiceMetrics.sum(platform, "ingest", "inventory.ingest.requests");
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ServiceMetrics.sum(platform, "ingest", "inventory.ingest.requests") >= before + 5);
		restart("ingest");
		double written = ServiceMetrics.sum(platform, "loader", "inventory.loader.rows", "outcome:written");
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> ServiceMetrics.sum(platform, "loader", "inventory.loader.rows", "outcome:written") >= written
					+ 5_000);
		for (String instance : List.of("loader", "loader-2", "stock-alert", "stock-alert-2")) {
			restart(instance);
		}

		Map<String, AttributeValue> tracked = await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofSeconds(5))
			.until(() -> PlatformReads.trackingItem(platform, KEY),
					(item) -> item != null && item.get(UploadsTable.STATUS).s().equals("LOADED"));
		assertThat(tracked.get(UploadsTable.ROWS_LOADED).n()).isEqualTo(String.valueOf(STORES * ITEMS));
		assertThat(PlatformReads.tableCounts(platform, STORE)).as("every row, with the file's count")
			.isEqualTo(expected);
		assertThat(platform.aws()
			.sqs()
			.getQueueAttributes((b) -> b.queueUrl(platform.resources().recordsDlqUrl())
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
			.attributes()
			.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).as("dead letters").isEqualTo("0");

		// One alert per item out of stock: none lost, none sent twice, although records
		// were read again after each restart.
		int outOfStock = STORES * (ITEMS / OUT_OF_STOCK_EVERY + 1);
		List<JsonNode> alerts = new ArrayList<>();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			alerts.addAll(PlatformReads.alerts(platform));
			assertThat(ours(alerts)).hasSizeGreaterThanOrEqualTo(outOfStock);
		});
		await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).until(() -> true);
		alerts.addAll(PlatformReads.alerts(platform));
		Map<String, Integer> perMessage = new HashMap<>();
		ours(alerts).forEach((message) -> perMessage.merge(message, 1, Integer::sum));
		assertThat(perMessage).hasSize(outOfStock)
			.allSatisfy((message, times) -> assertThat(times).as(message).isOne());
		assertThat(perMessage).containsKey(STORE + "42 is out of stock of Item 407");

		// The restarted instances hold their share again.
		awaitBalanced();
	}

	private static List<String> ours(List<JsonNode> alerts) {
		return alerts.stream()
			.map((a) -> a.get("Message").asString())
			.filter((m) -> m.startsWith(STORE) && m.contains(" is out of stock of "))
			.toList();
	}

	private static void restart(String instance) {
		platform.services().stop(instance);
		platform.services().restart(instance, Duration.ofMinutes(3));
	}

	private static void awaitBalanced() {
		InventoryResources names = InventoryResources.load();
		for (Map.Entry<String, String> group : Map
			.of("loader", names.loaderLeaseTable(), "stock-alert", names.stockAlertLeaseTable())
			.entrySet()) {
			await().atMost(BALANCED)
				.pollInterval(Duration.ofSeconds(2))
				.untilAsserted(
						() -> assertThat(PlatformReads.leasesPerInstance(platform, group.getValue(), group.getKey()))
							.as(group.getKey() + " leases per instance")
							.isEqualTo(Map.of(group.getKey(),
									LocalPlatformExtension.SHARDS / LocalPlatformExtension.REPLICAS,
									group.getKey() + "-2",
									LocalPlatformExtension.SHARDS / LocalPlatformExtension.REPLICAS)));
		}
	}

}
