package com.retail.inventory.ingest;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.Readiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Readiness follows the dependencies: UP with the upload events queue and the tracking
 * table; DOWN, naming the queue, while the queue is gone; UP again once it is back.
 * Liveness does not look at dependencies.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestReadinessIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@Test
	void readinessGoesDownWhileTheQueueIsGoneAndUpWhenItIsBack(LocalAwsClients aws, LocalResources resources) {
		Readiness readiness = Readiness.of(this.port);
		readiness.awaitUp("uploadEventsQueue", "uploadsTable");

		String queue = InventoryResources.load().uploadEventsQueue();
		// Recreated as it was: the redrive policy, visibility timeout and size limit.
		Map<QueueAttributeName, String> attributes = aws.sqs()
			.getQueueAttributes((b) -> b.queueUrl(resources.uploadQueueUrl())
				.attributeNames(List.of(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT,
						QueueAttributeName.MAXIMUM_MESSAGE_SIZE)))
			.attributes();
		readiness.downWhileGone("uploadEventsQueue", "queue", queue,
				() -> aws.sqs().deleteQueue((b) -> b.queueUrl(resources.uploadQueueUrl())),
				() -> aws.sqs().createQueue((b) -> b.queueName(queue).attributes(attributes)));
	}

}
