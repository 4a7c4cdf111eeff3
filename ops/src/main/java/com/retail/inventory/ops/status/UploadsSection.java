package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.UploadsTable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the newest uploads as the dashboard does (its UploadRepository): the
 * {@link UploadsTable#BY_DAY_INDEX} index, newest first, day by day back from today (UTC)
 * over at most the retention period.
 */
public final class UploadsSection {

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final int retentionDays;

	private final int limit;

	private final Clock clock;

	public UploadsSection(DynamoDbClient dynamoDb, String table, int retentionDays, int limit, Clock clock) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.retentionDays = retentionDays;
		this.limit = limit;
		this.clock = clock;
	}

	public LatestUploads read() {
		List<UploadRow> uploads = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		for (int back = 0; back <= this.retentionDays && uploads.size() < this.limit; back++) {
			String day = today.minusDays(back).toString();
			Map<String, AttributeValue> start = null;
			do {
				Map<String, AttributeValue> from = start;
				int wanted = this.limit - uploads.size();
				QueryResponse page = this.dynamoDb.query((b) -> b.tableName(this.table)
					.indexName(UploadsTable.BY_DAY_INDEX)
					.keyConditionExpression("#day = :day")
					.expressionAttributeNames(Map.of("#day", UploadsTable.RECEIVED_DAY))
					.expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day)))
					.scanIndexForward(false)
					.limit(wanted)
					.exclusiveStartKey(from));
				page.items().stream().map(UploadRow::of).forEach(uploads::add);
				start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
						: null;
			}
			while (start != null && uploads.size() < this.limit);
		}
		return new LatestUploads(uploads);
	}

}
