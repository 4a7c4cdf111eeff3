package com.retail.inventory.infra.data;

import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kinesis.IStream;
import software.constructs.Construct;

/**
 * Read access to the change stream ({@code inventory-changes}) for other teams: a
 * customer-managed policy they attach to their consumer's role (its ARN is the data
 * stack's output {@code ChangeStreamReadPolicyArn}; docs/change-stream.md).
 *
 * <p>
 * Polling consumers only, the way stock-alert reads the stream: the Spring Cloud Stream
 * Kinesis binder, the KCL with polling ({@code RetrievalConfig} with
 * {@code PollingConfig}) and a Lambda event source mapping without a registered consumer
 * all describe the stream, list its shards, get shard iterators and get records, nothing
 * else. Enhanced fan-out ({@code RegisterStreamConsumer}, {@code SubscribeToShard},
 * {@code DescribeStreamConsumer}) is not granted: it is authorized on the consumer's ARN
 * ({@code .../consumer/<name>:<timestamp>}), which only a grant naming that consumer can
 * address without a wildcard; a team that needs it gets such a grant.
 *
 * <p>
 * No KMS permission: the stream is encrypted with the AWS managed key
 * {@code alias/aws/kinesis} ({@link InventoryStreams}), whose key policy admits every
 * principal of the account through Kinesis. A customer managed key would need
 * {@code kms:Decrypt} on that key here.
 *
 * <p>
 * The consumer's own state (checkpoint and lock tables, KCL lease table, a Lambda
 * on-failure destination) is the consuming team's resource and not covered here.
 */
public final class ChangeStreamReadAccess extends Construct {

	/** Find the stream and its shards (binder provisioning, KCL, Lambda). */
	static final List<String> DESCRIBE = List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
			"kinesis:ListShards");

	/** Read the shards' records. */
	static final List<String> READ = List.of("kinesis:GetShardIterator", "kinesis:GetRecords");

	private final ManagedPolicy policy;

	public ChangeStreamReadAccess(Construct scope, String id, IStream changes) {
		super(scope, id);
		// No physical name: IAM names are global to the account, and the data stack may
		// be
		// deployed in several regions of one account. Teams take the ARN from the output.
		this.policy = ManagedPolicy.Builder.create(this, "Policy")
			.description("Read the inventory-changes Kinesis stream (Inventory table changes in the Kinesis Data "
					+ "Streams for DynamoDB format) as a polling consumer; see docs/change-stream.md")
			.statements(List.of(allow("DescribeChangeStream", DESCRIBE, changes.getStreamArn()),
					allow("ReadChangeStreamRecords", READ, changes.getStreamArn())))
			.build();
	}

	private static PolicyStatement allow(String sid, List<String> actions, String resource) {
		return PolicyStatement.Builder.create()
			.sid(sid)
			.effect(Effect.ALLOW)
			.actions(actions)
			.resources(List.of(resource))
			.build();
	}

	public ManagedPolicy policy() {
		return policy;
	}

}
