package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.UploadsTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the upload tracking table ({@link UploadsTable}), written by ingest and the
 * loader.
 */
@Component
class UploadRepository {

	/**
	 * Items a filtered query reads per page at least: a filter is applied after the
	 * limit, so small pages would mean many round trips for few matches.
	 */
	static final int FILTERED_PAGE_SIZE = 100;

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final int retentionDays;

	private final Clock clock = Clock.systemUTC();

	UploadRepository(DynamoDbClient dynamoDb, DashboardProperties properties) {
		this.dynamoDb = dynamoDb;
		this.table = properties.uploads().table();
		this.retentionDays = properties.uploads().retentionDays();
	}

	/**
	 * The newest uploads that match, from the {@link UploadsTable#BY_DAY_INDEX} index day
	 * by day back from today (UTC), over at most the retention period.
	 */
	List<UploadSummary> latest(UploadQuery query) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		return DayByDayPager.newestFirst(today, retentionDays, query.limit(),
				(day, wanted, start) -> page(day, wanted, start, query));
	}

	/**
	 * @param uploadId the tracking item's key
	 * @return the upload, or empty when the table has no such item
	 */
	Optional<UploadSummary> find(String uploadId) {
		Map<String, AttributeValue> item = dynamoDb
			.getItem(b -> b.tableName(table).key(Map.of(UploadsTable.UPLOAD_ID, AttributeValue.fromS(uploadId))))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(summary(item));
	}

	private DayByDayPager.Page<UploadSummary> page(LocalDate day, int wanted, Map<String, AttributeValue> start,
			UploadQuery query) {
		Map<String, String> names = new HashMap<>(Map.of("#day", UploadsTable.RECEIVED_DAY));
		Map<String, AttributeValue> values = new HashMap<>(Map.of(":day", AttributeValue.fromS(day.toString())));
		List<String> filters = new ArrayList<>();
		if (query.store() != null) {
			names.put("#stores", UploadsTable.STORES);
			values.put(":store", AttributeValue.fromS(query.store()));
			filters.add("contains(#stores, :store)");
		}
		if (query.status() != null) {
			names.put("#status", UploadsTable.STATUS);
			values.put(":status", AttributeValue.fromS(query.status().name()));
			filters.add("#status = :status");
		}
		QueryRequest.Builder request = QueryRequest.builder()
			.tableName(table)
			.indexName(UploadsTable.BY_DAY_INDEX)
			.keyConditionExpression("#day = :day")
			.scanIndexForward(false)
			.limit(filters.isEmpty() ? wanted : Math.max(wanted, FILTERED_PAGE_SIZE))
			.exclusiveStartKey(start);
		if (!filters.isEmpty()) {
			request.filterExpression(String.join(" AND ", filters));
		}
		QueryResponse response = dynamoDb
			.query(request.expressionAttributeNames(names).expressionAttributeValues(values).build());
		List<UploadSummary> items = response.items().stream().map(UploadRepository::summary).toList();
		return new DayByDayPager.Page<>(items, response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
	}

	/**
	 * @param item a tracking item
	 * @return it as a summary; absent attributes are null
	 */
	static UploadSummary summary(Map<String, AttributeValue> item) {
		String uploadId = text(item, UploadsTable.UPLOAD_ID);
		AttributeValue stores = item.get(UploadsTable.STORES);
		List<String> storeNames = (stores == null || !stores.hasSs()) ? List.of()
				: stores.ss().stream().sorted().toList();
		return new UploadSummary(UploadIds.encode(uploadId), uploadId, text(item, UploadsTable.BUCKET),
				text(item, UploadsTable.KEY), text(item, UploadsTable.STATUS), text(item, UploadsTable.REASON),
				storeNames, number(item, UploadsTable.STORE_COUNT), number(item, UploadsTable.ROWS_TOTAL),
				number(item, UploadsTable.ROWS_ACCEPTED), number(item, UploadsTable.ROWS_REJECTED),
				number(item, UploadsTable.ROWS_LOADED), number(item, UploadsTable.ROWS_DEAD_LETTERED),
				number(item, UploadsTable.WARNINGS), text(item, UploadsTable.RECEIVED_AT),
				text(item, UploadsTable.STARTED_AT), text(item, UploadsTable.FINISHED_AT),
				text(item, UploadsTable.REPORT_KEY));
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return value == null ? null : value.s();
	}

	private static Long number(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value == null || value.n() == null) ? null : new BigDecimal(value.n()).longValue();
	}

}
