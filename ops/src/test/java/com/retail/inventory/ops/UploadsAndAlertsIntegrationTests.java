package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.AlertType;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.StockLevel;
import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** The last uploads and the open alerts against the emulators. */
@ExtendWith(LocalAwsExtension.class)
class UploadsAndAlertsIntegrationTests {

	@Test
	void listsTheNewestUploadsAcrossDaysAndTheOpenAlerts(LocalAwsClients aws, LocalResources resources) {
		String uploadsTable = InventoryResources.load().uploadsTable();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		upload(aws, uploadsTable, "u-old", now.minus(2, ChronoUnit.DAYS), UploadStatus.LOADED, null);
		upload(aws, uploadsTable, "u-failed", now.minusSeconds(60), UploadStatus.FAILED, "S3 read failed");
		upload(aws, uploadsTable, "u-new", now, UploadStatus.PROCESSING, null);
		alert(aws, resources, "Berlin", "Echo Plus", StockLevel.OUT, AlertType.OUT_OF_STOCK);
		alert(aws, resources, "Berlin", "Kindle", StockLevel.LOW, AlertType.LOW_STOCK);
		alert(aws, resources, "Munich", "Echo Plus", StockLevel.OK, null);

		AwsStatus status = new AwsStatus(Clock.systemUTC()).run("--uploads", "2");

		JsonNode uploads = status.section("uploads");
		assertThat(uploads.get("health").asString()).isEqualTo("OK");
		assertThat(uploads.get("data").get("uploads")).extracting((u) -> u.get("uploadId").asString())
			.containsExactly("u-new", "u-failed");
		JsonNode failed = uploads.get("data").get("uploads").get(1);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("reason").asString()).isEqualTo("S3 read failed");
		assertThat(failed.get("rowsTotal").asLong()).isEqualTo(3);
		assertThat(failed.get("stores")).extracting(JsonNode::asString).containsExactly("Berlin", "Munich");
		assertThat(new AwsStatus(Clock.systemUTC()).run("--uploads", "5").section("uploads").get("data").get("uploads"))
			.extracting((u) -> u.get("uploadId").asString())
			.containsExactly("u-new", "u-failed", "u-old");

		JsonNode alerts = status.section("alerts");
		assertThat(alerts.get("health").asString()).isEqualTo("OK");
		assertThat(alerts.get("data").get("total").asLong()).isEqualTo(2);
		assertThat(alerts.get("data").get("alerts"))
			.extracting((a) -> a.get("store").asString() + "/" + a.get("item").asString() + "/"
					+ a.get("level").asString() + "/" + a.get("lastAlert").asString())
			.containsExactly("Berlin/Echo Plus/OUT/OUT_OF_STOCK", "Berlin/Kindle/LOW/LOW_STOCK");
		assertThat(new AwsStatus(Clock.systemUTC()).run("--alerts", "1").section("alerts").get("data").get("alerts"))
			.hasSize(1);
		String text = new AwsStatus(Clock.systemUTC()).text("--alerts", "1", "--uploads", "2");
		assertThat(text).contains("== Open alerts (2, first 1 shown): OK")
			.containsPattern("u-failed\\.csv\\s+FAILED\\s+3\\s+-\\s+-\\s+Berlin,Munich\\s+-\\s+S3 read failed\\n");
	}

	private static void upload(LocalAwsClients aws, String table, String id, Instant received, UploadStatus status,
			String reason) {
		Map<String, AttributeValue> item = new HashMap<>();
		item.put(UploadsTable.UPLOAD_ID, AttributeValue.fromS(id));
		item.put(UploadsTable.KEY, AttributeValue.fromS(id + ".csv"));
		item.put(UploadsTable.STATUS, AttributeValue.fromS(status.name()));
		item.put(UploadsTable.ROWS_TOTAL, AttributeValue.fromN("3"));
		item.put(UploadsTable.STORES, AttributeValue.fromSs(List.of("Munich", "Berlin")));
		item.put(UploadsTable.RECEIVED_AT, AttributeValue.fromS(received.toString()));
		item.put(UploadsTable.RECEIVED_DAY,
				AttributeValue.fromS(received.atZone(ZoneOffset.UTC).toLocalDate().toString()));
		if (reason != null) {
			item.put(UploadsTable.REASON, AttributeValue.fromS(reason));
		}
		aws.dynamoDb().putItem((b) -> b.tableName(table).item(item));
	}

	private static void alert(LocalAwsClients aws, LocalResources resources, String store, String item,
			StockLevel level, AlertType type) {
		Map<String, AttributeValue> entry = new HashMap<>();
		entry.put(AlertLogTable.ALERT_ID, AttributeValue.fromS(AlertLogTable.alertId(store, item)));
		entry.put(AlertLogTable.STORE, AttributeValue.fromS(store));
		entry.put(AlertLogTable.ITEM, AttributeValue.fromS(item));
		entry.put(AlertLogTable.LEVEL, AttributeValue.fromS(level.name()));
		entry.put(AlertLogTable.VERSION, AttributeValue.fromS("1"));
		if (type != null) {
			entry.put(AlertLogTable.TYPE, AttributeValue.fromS(type.name()));
		}
		aws.dynamoDb().putItem((b) -> b.tableName(resources.alertLogTable()).item(entry));
	}

}
