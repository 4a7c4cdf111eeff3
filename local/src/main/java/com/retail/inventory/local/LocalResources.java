package com.retail.inventory.local;

/**
 * What {@link LocalProvisioner} created: the names every component is configured with,
 * plus the generated identifiers (queue URLs, ARNs, Cognito ids) that only exist once
 * provisioned.
 */
public record LocalResources(String bucket, String uploadQueueUrl, String uploadDlqUrl, String recordsStream,
		String changesStream, String inventoryTable, String inventoryTableStreamArn, String alertLogTable,
		String noStockTopicArn, String alertsObserverQueueUrl, String userPoolId, String userPoolClientId,
		String loaderLeaseTable, String stockAlertLeaseTable, String recordsDlqUrl) {
}
