package com.retail.inventory.local;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Synchronous AWS clients aimed at the local emulators, for provisioning, the bridge and
 * tests.
 */
public final class LocalAwsClients implements AutoCloseable {

	private final S3Client s3;

	private final SqsClient sqs;

	private final SnsClient sns;

	private final DynamoDbClient dynamoDb;

	private final DynamoDbStreamsClient dynamoDbStreams;

	private final KinesisClient kinesis;

	private final CognitoIdentityProviderClient cognito;

	static {
		// The Kinesis emulator speaks JSON, not CBOR; the SDK reads this setting per JVM.
		System.setProperty("aws.cborEnabled", "false");
	}

	public LocalAwsClients(AwsEndpoints endpoints) {
		this.s3 = configure(S3Client.builder().forcePathStyle(true), endpoints.aws()).build();
		this.sqs = configure(SqsClient.builder(), endpoints.aws()).build();
		this.sns = configure(SnsClient.builder(), endpoints.aws()).build();
		this.dynamoDb = configure(DynamoDbClient.builder(), endpoints.aws()).build();
		this.dynamoDbStreams = configure(DynamoDbStreamsClient.builder(), endpoints.aws()).build();
		this.kinesis = configure(KinesisClient.builder(), endpoints.kinesis()).build();
		this.cognito = configure(CognitoIdentityProviderClient.builder(), endpoints.aws()).build();
	}

	private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
		builder.endpointOverride(endpoint)
			.region(Region.of(AwsEndpoints.REGION))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
		if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
			sync.httpClientBuilder(ApacheHttpClient.builder());
		}
		return builder;
	}

	public S3Client s3() {
		return s3;
	}

	public SqsClient sqs() {
		return sqs;
	}

	public SnsClient sns() {
		return sns;
	}

	public DynamoDbClient dynamoDb() {
		return dynamoDb;
	}

	public DynamoDbStreamsClient dynamoDbStreams() {
		return dynamoDbStreams;
	}

	public KinesisClient kinesis() {
		return kinesis;
	}

	public CognitoIdentityProviderClient cognito() {
		return cognito;
	}

	/**
	 * Puts the records (UTF-8 text), in order, in one PutRecords call with one partition
	 * key.
	 * @return the result of each record, in the same order
	 */
	public List<PutRecordsResultEntry> putRecords(String stream, String partitionKey, List<String> records) {
		return kinesis
			.putRecords((b) -> b.streamName(stream)
				.records(records.stream()
					.map((r) -> PutRecordsRequestEntry.builder()
						.partitionKey(partitionKey)
						.data(SdkBytes.fromUtf8String(r))
						.build())
					.toList()))
			.records();
	}

	/** The queue's approximate number of visible messages, as SQS counts them. */
	public long queueDepth(String queueUrl) {
		return Long.parseLong(sqs
			.getQueueAttributes(
					(b) -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
			.attributes()
			.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
	}

	@Override
	public void close() {
		s3.close();
		sqs.close();
		sns.close();
		dynamoDb.close();
		dynamoDbStreams.close();
		kinesis.close();
		cognito.close();
	}

}
