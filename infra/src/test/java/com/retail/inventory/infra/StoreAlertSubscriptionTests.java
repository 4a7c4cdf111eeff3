package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import com.retail.inventory.infra.data.OpsNotifications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@link SynthesizedApp#STORE_ALERT_SUBSCRIPTIONS} as SNS subscriptions of the NoStock
 * topic: each endpoint once, with a filter policy on the message attributes {@code store}
 * and {@code type} exactly as the README documents it.
 */
class StoreAlertSubscriptionTests {

	private final Template template = SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataTemplate();

	private final TemplateResources resources = new TemplateResources(
			SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataJson());

	private final Map<String, Object> topic = Map.of("Ref",
			resources.single("AWS::SNS::Topic", "TopicName", InventoryResources.load().noStockTopic()).getKey());

	@Test
	void emailWithoutTypesReceivesEveryAlertOfItsStore() {
		template.hasResourceProperties("AWS::SNS::Subscription",
				Map.of("Protocol", "email", "Endpoint", "berlin@example.com", "TopicArn", topic, "FilterPolicy",
						Match.exact(Map.of("store", List.of("Berlin")))));
	}

	@Test
	void emailWithTypesReceivesOnlyThoseAlertsOfItsStore() {
		template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint",
				"hamburg@example.com", "TopicArn", topic, "FilterPolicy",
				Match.exact(Map.of("store", List.of("Hamburg"), "type", List.of("OUT_OF_STOCK", "LOW_STOCK")))));
	}

	/** One number for Berlin and Hamburg: SNS allows one subscription per endpoint. */
	@Test
	void smsWithTypesForTwoStoresIsOneSubscriptionForBoth() {
		template.hasResourceProperties("AWS::SNS::Subscription",
				Map.of("Protocol", "sms", "Endpoint", "+4915112345678", "TopicArn", topic, "FilterPolicy",
						Match.exact(Map.of("store", List.of("Berlin", "Hamburg"), "type", List.of("OUT_OF_STOCK")))));
	}

	@Test
	void smsWithoutTypesReceivesEveryAlertOfItsStore() {
		template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sms", "Endpoint", "+498912345678",
				"TopicArn", topic, "FilterPolicy", Match.exact(Map.of("store", List.of("Munich")))));
	}

	/**
	 * Filters on message attributes (stock-alert's), not on the message body; every
	 * endpoint subscribed once.
	 */
	@Test
	void everyEndpointIsSubscribedOnceAndFiltersApplyToMessageAttributes() {
		// The ops topic's own subscriptions are OperationsAlarmsTests'.
		Map<String, Object> opsTopic = Map.of("Ref",
				resources.single("AWS::SNS::Topic", "TopicName", OpsNotifications.TOPIC_NAME).getKey());
		List<Map<String, Object>> subscriptions = resources.ofType("AWS::SNS::Subscription")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(properties -> !opsTopic.equals(properties.get("TopicArn")))
			.toList();
		assertThat(subscriptions).map(properties -> properties.get("Endpoint"))
			.containsExactlyInAnyOrder("ops@example.com", "buyer@example.com", "+447700900123", "berlin@example.com",
					"hamburg@example.com", "+4915112345678", "+498912345678");
		assertThat(subscriptions).allSatisfy(properties -> {
			assertThat(properties.get("TopicArn")).isEqualTo(topic);
			assertThat(properties.getOrDefault("FilterPolicyScope", "MessageAttributes"))
				.isEqualTo("MessageAttributes");
		});
	}

}
