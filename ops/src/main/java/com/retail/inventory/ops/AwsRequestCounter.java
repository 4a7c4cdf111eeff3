package com.retail.inventory.ops;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests the AWS clients send, per service and operation. SQS bills per
 * request (a batch of ten is one), so the commands that move messages print what they
 * spent. Retries are counted too: each is a request sent.
 */
public final class AwsRequestCounter implements ExecutionInterceptor {

	private final Map<String, Integer> counts = new TreeMap<>();

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
				+ attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		synchronized (this.counts) {
			this.counts.merge(operation, 1, Integer::sum);
		}
	}

	/**
	 * Requests sent so far, keyed "Service Operation", e.g. {@code Sqs ReceiveMessage}.
	 */
	public Map<String, Integer> counts() {
		synchronized (this.counts) {
			return new TreeMap<>(this.counts);
		}
	}

	/** All requests sent so far. */
	public int total() {
		return counts().values().stream().mapToInt(Integer::intValue).sum();
	}

}
