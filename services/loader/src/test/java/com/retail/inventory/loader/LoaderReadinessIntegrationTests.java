package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalProvisioner;
import com.retail.inventory.local.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Readiness follows the dependencies: UP with the binder and the tables; DOWN, naming the
 * table, while the upload tracking table is gone; UP again once it is back. Liveness does
 * not look at dependencies.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoaderReadinessIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void readinessGoesDownWhileATableIsGoneAndUpWhenItIsBack(LocalAwsClients aws) {
		Readiness readiness = Readiness.of(this.port);
		readiness.awaitUp("binders", "tables");

		InventoryResources names = InventoryResources.load();
		String table = names.uploadsTable();
		readiness.downWhileGone("tables", "table", table, () -> aws.dynamoDb().deleteTable((b) -> b.tableName(table)),
				// As the local provisioner creates it: the ByDay index and TTL on
				// ExpiresAt.
				() -> new LocalProvisioner(aws, names).recreateTable(table));
	}

}
