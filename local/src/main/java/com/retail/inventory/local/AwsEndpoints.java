package com.retail.inventory.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local AWS services answer. Handed to every process as the AWS SDK's standard
 * endpoint settings, so no service needs to know it talks to an emulator.
 */
public record AwsEndpoints(URI aws, URI kinesis) {

	public static final String REGION = "us-east-1";

	/** Environment for a child process (AWS SDK v2 and the AWS CLI read these). */
	public Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("AWS_ENDPOINT_URL", aws.toString());
		env.put("AWS_ENDPOINT_URL_KINESIS", kinesis.toString());
		env.put("AWS_REGION", REGION);
		env.put("AWS_DEFAULT_REGION", REGION);
		env.put("AWS_ACCESS_KEY_ID", "local");
		env.put("AWS_SECRET_ACCESS_KEY", "local");
		// The emulators speak the JSON protocol to the Kinesis client, not CBOR (a
		// standard SDK setting).
		env.put("CBOR_ENABLED", "false");
		return env;
	}

	/** The same settings as JVM system properties, for code running inside a test JVM. */
	public Map<String, String> systemProperties() {
		Map<String, String> props = new LinkedHashMap<>();
		props.put("aws.endpointUrl", aws.toString());
		props.put("aws.endpointUrlKinesis", kinesis.toString());
		props.put("aws.region", REGION);
		props.put("aws.accessKeyId", "local");
		props.put("aws.secretAccessKey", "local");
		props.put("aws.cborEnabled", "false");
		return props;
	}
}
