package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.SnsEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import tools.jackson.databind.JsonNode;

/**
 * Change records on Kinesis in, SNS alerts out (observed through an SQS queue subscribed
 * to the topic).
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StockAlertIntegrationTests {

	@DynamicPropertySource
	static void topic(DynamicPropertyRegistry registry) {
		registry.add("inventory.stock-alert.topic-arn", () -> LocalAwsExtension.resources().noStockTopicArn());
	}

	private static String change(String eventId, String store, String item, String oldCount, String newCount) {
		return ChangeRecords.json(eventId, store, item, oldCount, newCount);
	}

	@Test
	void alertsOncePerOutOfStockChangeEvenWhenTheChangeIsDeliveredTwice(LocalAwsClients aws, LocalResources resources) {
		// e1 twice: Kinesis delivers at least once.
		List<String> changes = List.of(change("e1", "Berlin", "Echo Plus", "4", "0"),
				change("e2", "Berlin", "Echo Dot", "3", "2"), change("e3", "Pusan", "Echo Show", null, "0"),
				change("e4", "Pusan", "Echo Show", "0", "0"), "garbage", change("e1", "Berlin", "Echo Plus", "4", "0"));
		aws.kinesis()
			.putRecords(b -> b.streamName(resources.changesStream())
				.records(changes.stream()
					.map(c -> PutRecordsRequestEntry.builder()
						.partitionKey("k")
						.data(SdkBytes.fromUtf8String(c))
						.build())
					.toList()));

		List<JsonNode> alerts = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			alerts.addAll(receive(aws, resources));
			assertThat(alerts).hasSize(2);
		});
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			alerts.addAll(receive(aws, resources));
			assertThat(alerts).hasSize(2);
		});

		JsonNode berlin = alerts.get(0);
		assertThat(berlin.get("Subject").asString()).isEqualTo("Inventory Alert!");
		assertThat(berlin.get("Message").asString()).isEqualTo("Berlin is out of stock of Echo Plus");
		JsonNode attributes = berlin.get("MessageAttributes");
		assertThat(attributes.propertyNames()).containsExactlyInAnyOrder("store", "item", "count", "type");
		assertThat(attributes.get("count").get("Type").asString()).isEqualTo("Number");
		assertThat(attributes.get("store").get("Value").asString()).isEqualTo("Berlin");
		assertThat(attributes.get("item").get("Value").asString()).isEqualTo("Echo Plus");
		assertThat(attributes.get("count").get("Value").asString()).isEqualTo("0");
		assertThat(attributes.get("type").get("Value").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(alerts.get(1).get("Message").asString()).isEqualTo("Pusan is out of stock of Echo Show");
	}

	private static List<JsonNode> receive(LocalAwsClients aws, LocalResources resources) {
		List<JsonNode> out = new ArrayList<>();
		for (var message : aws.sqs()
			.receiveMessage(
					b -> b.queueUrl(resources.alertsObserverQueueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
			.messages()) {
			out.add(SnsEnvelope.parse(message.body()));
			aws.sqs()
				.deleteMessage(
						b -> b.queueUrl(resources.alertsObserverQueueUrl()).receiptHandle(message.receiptHandle()));
		}
		return out;
	}

}
