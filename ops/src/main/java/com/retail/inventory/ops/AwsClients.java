package com.retail.inventory.ops;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients, configured only by the SDK's standard chain: region, credentials and
 * endpoints from the environment, system properties or profile (AWS_REGION, AWS_PROFILE,
 * AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS, ...). Nothing here knows about emulators:
 * {@code ./inventory status} points the same variables at them.
 */
public final class AwsClients implements AutoCloseable {

	private final KinesisClient kinesis;

	private final DynamoDbClient dynamoDb;

	private final SqsClient sqs;

	private final AwsRequestCounter requests = new AwsRequestCounter();

	public AwsClients() {
		// Every client counts what it sends: the commands that move messages report it.
		ClientOverrideConfiguration counted = ClientOverrideConfiguration.builder()
			.addExecutionInterceptor(this.requests)
			.build();
		this.kinesis = KinesisClient.builder()
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(counted)
			.build();
		this.dynamoDb = DynamoDbClient.builder()
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(counted)
			.build();
		this.sqs = SqsClient.builder()
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(counted)
			.build();
	}

	/** The requests these clients have sent so far. */
	public AwsRequestCounter requests() {
		return this.requests;
	}

	public KinesisClient kinesis() {
		return this.kinesis;
	}

	public DynamoDbClient dynamoDb() {
		return this.dynamoDb;
	}

	public SqsClient sqs() {
		return this.sqs;
	}

	@Override
	public void close() {
		this.kinesis.close();
		this.dynamoDb.close();
		this.sqs.close();
	}

}
