package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.sqs.listener.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VisibilityHeartbeatTests {

	@Test
	void extendsTheVisibilityByTheWholeTimeoutEveryThirdOfItUntilClosed() throws Exception {
		IngestProperties base = IngestPropertiesTests.properties("reports/");
		IngestProperties shortTimeout = new IngestProperties(base.queue(), base.maxReceives(), base.uploadsTable(),
				base.uploadsRetention(), base.recordsStream(), base.reportsPrefix(), base.maxConcurrentUploads(),
				Duration.ofSeconds(3), base.shutdownGrace(), base.kinesis(), base.limits(), base.deadLetterQueue(),
				base.deadLetterDepthPoll());
		VisibilityHeartbeat heartbeat = new VisibilityHeartbeat(shortTimeout);
		List<Integer> extensions = new CopyOnWriteArrayList<>();
		Visibility visibility = (seconds) -> {
			extensions.add(seconds);
			return CompletableFuture.completedFuture(null);
		};
		try {
			VisibilityHeartbeat.Beat beat = heartbeat.start(visibility, "a notification");
			await().atMost(Duration.ofSeconds(5)).until(() -> extensions.size() >= 2);
			beat.close();
			int afterClose = extensions.size();
			Thread.sleep(1500);
			assertThat(extensions).hasSize(afterClose).containsOnly(3);
		}
		finally {
			heartbeat.destroy();
		}
	}

}
