package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * CloudWatch alarms on what the AWS services themselves can see going wrong in the
 * pipeline: dead-lettered notifications and records, consumers falling behind (or not
 * reading at all), notifications waiting for ingest, and NoStock deliveries to email/SMS
 * failing. Each notifies the ops topic when it fires and when it clears. What only the
 * services can see (a failed Publish call of stock-alert, rows rejected) is counted by
 * their Prometheus meters and alerted by the chart's PrometheusRule.
 *
 * <p>
 * Alarm names are fixed, from the resource names, so the notification says what is wrong;
 * like the resources', they are unique per account and region.
 */
public final class OperationsAlarms extends Construct {

	/** A message in a dead-letter queue is always worth a look. */
	static final double DLQ_MESSAGES_THRESHOLD = 0;

	/** Kinesis iterator age: consumers more than 5 minutes behind the stream's tip. */
	static final Duration ITERATOR_AGE_THRESHOLD = Duration.minutes(5);

	/**
	 * Consecutive one-minute periods behind (or without any GetRecords) before the
	 * iterator-age alarm fires: a restart that reads a minute's backlog does not.
	 */
	static final int ITERATOR_AGE_PERIODS = 5;

	/**
	 * How many visibility timeouts a notification may wait or be retried before the alarm
	 * fires: three timeouts are three failed receives of the five before the DLQ, or no
	 * ingest polling at all.
	 */
	static final int OLDEST_MESSAGE_VISIBILITY_TIMEOUTS = 3;

	static final Duration ONE_MINUTE = Duration.minutes(1);

	/** SNS delivery failures are summed over five minutes. */
	static final Duration DELIVERY_PERIOD = Duration.minutes(5);

	private final List<Alarm> alarms = new ArrayList<>();

	private final SnsAction notifyOps;

	public OperationsAlarms(Construct scope, String id, InventoryResources names, ITopic opsTopic,
			UploadIngestion uploads, RecordsDeadLetterQueue recordsDeadLetters, InventoryStreams streams,
			NoStockAlerts noStock) {
		super(scope, id);
		this.notifyOps = new SnsAction(opsTopic);

		deadLetterQueue("UploadEventsDlqNotEmpty", names.uploadEventsDlq(), uploads.deadLetterQueue(),
				"S3 notifications that ingest failed on " + names.uploadEventsMaxReceives() + " times (S3 or Kinesis "
						+ "errors); their uploads are FAILED with the last error. Fix the cause, then redrive the DLQ "
						+ "to " + names.uploadEventsQueue() + " (aws sqs start-message-move-task).");
		deadLetterQueue("RecordsDlqNotEmpty", names.recordsDlq(), recordsDeadLetters.queue(),
				"Records of " + names.recordsStream() + " the loader can never load (message attribute 'reason'). "
						+ "Read them with aws sqs receive-message --message-attribute-names All; fix the file and "
						+ "upload it again. SQS does not redrive this queue.");

		consumersBehind("RecordsConsumersBehind", names.recordsStream(), streams.records(),
				"The loader is more than 5 minutes behind " + names.recordsStream() + ", or nothing reads it "
						+ "(no GetRecords for " + ITERATOR_AGE_PERIODS + " minutes: loader pods down or stalled). "
						+ "Check the loader pods and logs; a long upload backlog needs more shards.");
		consumersBehind("ChangesConsumersBehind", names.changesStream(), streams.changes(),
				"A reader of " + names.changesStream() + " (stock-alert, dashboard, other teams) is more than 5 "
						+ "minutes behind, or nothing reads it for " + ITERATOR_AGE_PERIODS + " minutes. "
						+ "Alerts are late: check the stock-alert pods and logs.");

		int oldestMessageSeconds = OLDEST_MESSAGE_VISIBILITY_TIMEOUTS * names.uploadEventsVisibilityTimeoutSeconds();
		Queue queue = uploads.queue();
		alarm("UploadEventsOldestMessage", names.uploadEventsQueue() + "-oldest-message",
				"A notification in " + names.uploadEventsQueue() + " is older than " + oldestMessageSeconds + " s ("
						+ OLDEST_MESSAGE_VISIBILITY_TIMEOUTS + " visibility timeouts): ingest is not "
						+ "receiving, keeps failing on it, or a very large file is still in progress. Check the "
						+ "ingest pods and logs and the upload's status.",
				queue.metricApproximateAgeOfOldestMessage(maximumPer(ONE_MINUTE)), oldestMessageSeconds, 1,
				TreatMissingData.NOT_BREACHING);

		alarm("NoStockDeliveriesFailing", names.noStockTopic() + "-deliveries-failing",
				"SNS could not deliver alerts of " + names.noStockTopic() + " to some email or SMS subscribers "
						+ "(bounced addresses, SMS sandbox or spend limit, opted-out numbers). Check the "
						+ "subscriptions and the account's SMS settings; delivery status logging gives details.",
				noStock.topic()
					.metricNumberOfNotificationsFailed(
							MetricOptions.builder().statistic(Stats.SUM).period(DELIVERY_PERIOD).build()),
				0, 1, TreatMissingData.NOT_BREACHING);
	}

	private void deadLetterQueue(String id, String queueName, Queue queue, String description) {
		alarm(id, queueName + "-not-empty", description,
				queue.metricApproximateNumberOfMessagesVisible(maximumPer(ONE_MINUTE)), DLQ_MESSAGES_THRESHOLD, 1,
				// An empty queue nobody touches stops reporting after six hours.
				TreatMissingData.NOT_BREACHING);
	}

	/**
	 * Kinesis reports the iterator age only while someone calls GetRecords; every
	 * consumer polls an idle stream too, so no data at all means nobody reads it: as bad
	 * as reading late.
	 */
	private void consumersBehind(String id, String streamName, Stream stream, String description) {
		alarm(id, streamName + "-consumers-behind", description,
				stream.metricGetRecordsIteratorAgeMilliseconds(maximumPer(ONE_MINUTE)),
				ITERATOR_AGE_THRESHOLD.toMilliseconds().doubleValue(), ITERATOR_AGE_PERIODS,
				TreatMissingData.BREACHING);
	}

	private static MetricOptions maximumPer(Duration period) {
		return MetricOptions.builder().statistic(Stats.MAXIMUM).period(period).build();
	}

	/** Greater than the threshold in every one of the periods; ALARM and OK to ops. */
	private void alarm(String id, String name, String description, IMetric metric, double threshold, int periods,
			TreatMissingData missingData) {
		Alarm alarm = Alarm.Builder.create(this, id)
			.alarmName(name)
			.alarmDescription(description)
			.metric(metric)
			.comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
			.threshold(threshold)
			.evaluationPeriods(periods)
			.datapointsToAlarm(periods)
			.treatMissingData(missingData)
			.build();
		alarm.addAlarmAction(notifyOps);
		alarm.addOkAction(notifyOps);
		alarms.add(alarm);
	}

	public List<Alarm> alarms() {
		return List.copyOf(alarms);
	}

}
