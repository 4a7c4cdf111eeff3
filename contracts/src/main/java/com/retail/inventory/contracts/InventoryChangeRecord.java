package com.retail.inventory.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One change of the {@code Inventory} table, as published on the
 * {@code inventory-changes} stream in the record format of <em>Kinesis Data Streams for
 * DynamoDB</em> (the format AWS itself writes, so other teams can use any standard
 * consumer). Schema: {@code schemas/inventory-change.schema.json}.
 *
 * @param awsRegion region of the table
 * @param eventID unique id of this change; the same change replayed has the same id
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param userIdentity set only for TTL deletions
 * @param recordFormat always {@code application/json}
 * @param tableName table that changed
 * @param dynamodb keys and images of the item
 * @param eventSource always {@code aws:dynamodb}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryChangeRecord(String awsRegion, String eventID, String eventName, Object userIdentity,
		String recordFormat, String tableName, Change dynamodb, String eventSource) {

	public static final String INSERT = "INSERT";

	public static final String MODIFY = "MODIFY";

	public static final String REMOVE = "REMOVE";

	/**
	 * The DynamoDB part of the record. Attribute values use DynamoDB's JSON form, e.g.
	 * {@code {"N": "12"}} or {@code {"S": "Berlin"}}.
	 *
	 * @param approximateCreationDateTime epoch milliseconds of the change
	 * @param keys the item's key attributes
	 * @param newImage the item after the change (absent for REMOVE)
	 * @param oldImage the item before the change (absent for INSERT)
	 * @param sizeBytes approximate size of the change
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Change(@JsonProperty("ApproximateCreationDateTime") long approximateCreationDateTime,
			@JsonProperty("Keys") Map<String, Map<String, Object>> keys,
			@JsonProperty("NewImage") Map<String, Map<String, Object>> newImage,
			@JsonProperty("OldImage") Map<String, Map<String, Object>> oldImage,
			@JsonProperty("SizeBytes") long sizeBytes) {
	}
}
