package com.retail.inventory.loader;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Tells a DynamoDB failure that retrying cannot fix from one that time may: the first
 * moves the records concerned to the dead-letter queue, the second is retried without
 * losing anything.
 */
final class DynamoDbFailures {

	/** Error codes of requests that would fail the same way every time. */
	private static final Set<String> PERMANENT = Set.of("ValidationException", "SerializationException",
			"AccessDeniedException", "ItemCollectionSizeLimitExceededException", "UnrecognizedClientException");

	private DynamoDbFailures() {
	}

	/**
	 * A missing table is not permanent: it is what a table being restored looks like, and
	 * records wait for it rather than be dead-lettered by the thousand.
	 */
	static boolean isPermanent(Throwable failure) {
		if (failure instanceof ResourceNotFoundException) {
			return false;
		}
		return failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& PERMANENT.contains(aws.awsErrorDetails().errorCode());
	}

	/**
	 * Whether only the items of the request are at fault (so they are tried one by one).
	 */
	static boolean isAboutTheItems(Throwable failure) {
		return failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& ("ValidationException".equals(aws.awsErrorDetails().errorCode())
						|| "ItemCollectionSizeLimitExceededException".equals(aws.awsErrorDetails().errorCode()));
	}

	static String describe(Throwable failure) {
		if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
			return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
		}
		return failure.toString();
	}

}
