package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalProvisioner;
import com.retail.inventory.local.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows the dependencies: UP with the binder, the tables and Cognito's keys;
 * DOWN, naming the table, while the thresholds table is gone; UP again once it is back.
 * Liveness does not look at dependencies. (Keys that cannot be fetched:
 * {@link DashboardKeysUnreachableIntegrationTests}.)
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardReadinessIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		DashboardTestProperties.register(registry);
	}

	@Test
	void readinessGoesDownWhileATableIsGoneAndUpWhenItIsBack(LocalAwsClients aws) {
		Readiness readiness = Readiness.of(this.port);
		readiness.awaitUp("binders", "tables", "cognitoKeys");

		InventoryResources names = InventoryResources.load();
		String table = names.thresholdsTable();
		readiness.downWhileGone("tables", "table", table, () -> aws.dynamoDb().deleteTable((b) -> b.tableName(table)),
				// As the local provisioner creates it.
				() -> new LocalProvisioner(aws, names).recreateTable(table));
	}

}
