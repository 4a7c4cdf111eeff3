package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.local.LogCapture;
import io.awspring.cloud.sqs.listener.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * While ingest handles an upload, every log line carries its id, key and (for a store's
 * file) store; afterwards, failed or not, none does: the listener's threads are reused.
 */
class UploadLogFieldsTests {

	private static final String BERLIN = "stores/Berlin/2026-12-03.csv";

	private static final String HEAD_OFFICE = "incoming/all-stores.csv";

	private static final Logger processing = LoggerFactory.getLogger(UploadProcessor.class);

	private final IngestProperties properties = IngestPropertiesTests.properties("reports/");

	private final VisibilityHeartbeat heartbeat = new VisibilityHeartbeat(this.properties);

	private final Visibility visibility = (seconds) -> CompletableFuture.completedFuture(null);

	/** Keys whose processing fails, and the MDC seen by the processor, per key. */
	private final Set<String> failing = new HashSet<>();

	private final Map<String, Map<String, String>> seen = new HashMap<>();

	private final List<Map<String, String>> seenWhenMarkedFailed = new ArrayList<>();

	private boolean alreadyDone;

	private final UploadProcessor processor = new UploadProcessor(null, null, null, this.properties, null, null, null) {
		@Override
		void process(UploadRef upload) {
			UploadLogFieldsTests.this.seen.put(upload.key(), MDC.getCopyOfContextMap());
			processing.info("Processing {}", upload.key());
			if (UploadLogFieldsTests.this.failing.contains(upload.key())) {
				throw new UploadFailedException("S3 is down", null);
			}
		}

		@Override
		void failed(UploadRef upload, String reason) {
			UploadLogFieldsTests.this.seenWhenMarkedFailed.add(MDC.getCopyOfContextMap());
		}
	};

	private final UploadTracking tracking = new UploadTracking(null, "InventoryUploads", 90, Clock.systemUTC()) {
		@Override
		boolean received(UploadRef upload) {
			return !UploadLogFieldsTests.this.alreadyDone;
		}
	};

	private final UploadEventListener listener = new UploadEventListener(this.processor, this.properties,
			this.heartbeat, this.tracking);

	@AfterEach
	void stop() {
		this.heartbeat.destroy();
		MDC.clear();
	}

	private static String notification(String... keys) {
		List<String> records = new ArrayList<>();
		for (String key : keys) {
			records.add("""
					{"eventTime":"2026-12-03T05:00:00.000Z","eventName":"ObjectCreated:Put",
					 "s3":{"bucket":{"name":"inventory-uploads"},"object":{"key":"%s","eTag":"e1","sequencer":"01"}}}"""
				.formatted(key));
		}
		return "{\"Records\":[" + String.join(",", records) + "]}";
	}

	private static String id(String key) {
		return "inventory-uploads/" + key + "#e1@01";
	}

	@Test
	void eachUploadsLinesCarryItsIdKeyAndStoreAndNothingIsLeftAfterwards() {
		try (LogCapture logs = new LogCapture(UploadProcessor.class, Level.INFO)) {
			this.listener.onNotification(notification(BERLIN, HEAD_OFFICE), this.visibility, "1");

			assertThat(logs.mdcOf("Processing " + BERLIN)).containsEntry(LogFields.UPLOAD_ID, id(BERLIN))
				.containsEntry(LogFields.OBJECT_KEY, BERLIN)
				.containsEntry(LogFields.STORE, "Berlin");
			// A head-office file names many stores: no store, and not Berlin's left over.
			assertThat(logs.mdcOf("Processing " + HEAD_OFFICE)).containsEntry(LogFields.UPLOAD_ID, id(HEAD_OFFICE))
				.containsEntry(LogFields.OBJECT_KEY, HEAD_OFFICE)
				.doesNotContainKey(LogFields.STORE);
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void aFailedUploadLeavesNothingForTheNextOneOnTheSameThread() {
		this.failing.add(BERLIN);

		// The last delivery: the upload is marked FAILED, with its fields, then the
		// failure propagates to the container.
		assertThatThrownBy(() -> this.listener.onNotification(notification(BERLIN), this.visibility,
				String.valueOf(this.properties.maxReceives())))
			.isInstanceOf(UploadFailedException.class);
		assertThat(this.seenWhenMarkedFailed).singleElement()
			.satisfies((mdc) -> assertThat(mdc).containsEntry(LogFields.UPLOAD_ID, id(BERLIN))
				.containsEntry(LogFields.STORE, "Berlin"));
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();

		this.listener.onNotification(notification(HEAD_OFFICE), this.visibility, "1");
		assertThat(this.seen.get(HEAD_OFFICE)).containsEntry(LogFields.UPLOAD_ID, id(HEAD_OFFICE))
			.doesNotContainKey(LogFields.STORE);
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void aDuplicateDeliveryIsLoggedWithTheUploadsFields() {
		this.alreadyDone = true;
		try (LogCapture logs = new LogCapture(UploadEventListener.class, Level.INFO)) {
			this.listener.onNotification(notification(BERLIN), this.visibility, "1");

			assertThat(logs.mdcOf("Upload " + id(BERLIN) + " was processed to the end already"))
				.containsEntry(LogFields.UPLOAD_ID, id(BERLIN));
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	/**
	 * What the chart turns on (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs): Spring Boot's ECS
	 * format writes the MDC entries as nested fields.
	 */
	@Test
	void ecsJsonLinesCarryTheFieldsNested() {
		ILoggingEvent event;
		try (LogCapture logs = new LogCapture(UploadProcessor.class, Level.INFO)) {
			this.listener.onNotification(notification(BERLIN), this.visibility, "1");
			event = logs.events()
				.stream()
				.filter((logged) -> logged.getFormattedMessage().startsWith("Processing"))
				.findFirst()
				.orElseThrow();
		}
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), new MockEnvironment());
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();

		JsonNode line = JsonMapper.builder()
			.build()
			.readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));

		assertThat(line.path("upload").path("id").asString()).isEqualTo(id(BERLIN));
		assertThat(line.path("upload").path("key").asString()).isEqualTo(BERLIN);
		assertThat(line.path("store").asString()).isEqualTo("Berlin");
		assertThat(line.path("message").asString()).isEqualTo("Processing " + BERLIN);
	}

}
