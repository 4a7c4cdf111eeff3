package com.retail.inventory.ops.dlq;

import com.retail.inventory.contracts.UploadsTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the status and reason of uploads from the uploads table, up to 100 per
 * BatchGetItem (one request for a whole page of dead letters), only the two attributes.
 */
public final class UploadLookup {

	private static final int BATCH = 100;

	/** Unprocessed keys (throttling) are asked for again this often, then left out. */
	private static final int ATTEMPTS = 3;

	private final DynamoDbClient dynamoDb;

	private final String table;

	public UploadLookup(DynamoDbClient dynamoDb, String table) {
		this.dynamoDb = dynamoDb;
		this.table = table;
	}

	/** The states of those uploads the table has, by upload id. */
	public Map<String, UploadState> states(Set<String> uploadIds) {
		Map<String, UploadState> states = new HashMap<>();
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(uploadIds));
		for (int from = 0; from < ids.size(); from += BATCH) {
			List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH))
				.stream()
				.map((id) -> Map.of(UploadsTable.UPLOAD_ID, AttributeValue.fromS(id)))
				.toList();
			Map<String, KeysAndAttributes> request = Map.of(this.table,
					KeysAndAttributes.builder()
						.keys(keys)
						.projectionExpression("#id, #status, #reason")
						.expressionAttributeNames(Map.of("#id", UploadsTable.UPLOAD_ID, "#status", UploadsTable.STATUS,
								"#reason", UploadsTable.REASON))
						.build());
			for (int attempt = 0; attempt < ATTEMPTS && !request.isEmpty(); attempt++) {
				Map<String, KeysAndAttributes> asked = request;
				BatchGetItemResponse response = this.dynamoDb.batchGetItem((b) -> b.requestItems(asked));
				for (Map<String, AttributeValue> item : response.responses().getOrDefault(this.table, List.of())) {
					states.put(item.get(UploadsTable.UPLOAD_ID).s(),
							new UploadState(text(item, UploadsTable.STATUS), text(item, UploadsTable.REASON)));
				}
				request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
			}
		}
		return states;
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null) ? value.s() : null;
	}

}
