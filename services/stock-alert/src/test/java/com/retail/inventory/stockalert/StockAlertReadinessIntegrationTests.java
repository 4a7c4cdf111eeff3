package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalProvisioner;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows the dependencies: UP with the binder, the topic and the tables; DOWN,
 * naming the table, while the alert log is gone; UP again once it is back. Liveness does
 * not look at dependencies.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StockAlertReadinessIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void topic(DynamicPropertyRegistry registry) {
		registry.add("inventory.stock-alert.topic-arn", () -> LocalAwsExtension.resources().noStockTopicArn());
	}

	@Test
	void readinessGoesDownWhileATableIsGoneAndUpWhenItIsBack(LocalAwsClients aws, LocalResources resources) {
		Readiness readiness = Readiness.of(this.port);
		readiness.awaitUp("binders", "alertTopic", "tables");

		String table = resources.alertLogTable();
		readiness.downWhileGone("tables", "table", table, () -> aws.dynamoDb().deleteTable((b) -> b.tableName(table)),
				// As the local provisioner creates it: TTL on ExpiresAt.
				() -> new LocalProvisioner(aws, InventoryResources.load()).recreateTable(table));
	}

}
