package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadNotificationsTests {

	private static String record(String eventName, String key, String versionId) {
		return """
				{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-21T10:00:00.000Z",
				 "eventName":"%s","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"inventory-uploads","arn":"arn:aws:s3:::inventory-uploads"},
				 "object":{"key":"%s","size":141,"eTag":"abc123","versionId":%s,"sequencer":"0055AED6DCD90281E5"}}}
				"""
			.formatted(eventName, key, versionId == null ? "null" : "\"" + versionId + "\"");
	}

	@Test
	void readsEveryCreatedRecordAndDecodesKeys() {
		String body = "{\"Records\":[" + record("ObjectCreated:Put", "incoming%2Fstore+one.csv", "v1") + ","
				+ record("ObjectRemoved:Delete", "gone.csv", null) + ","
				+ record("ObjectCreated:CompleteMultipartUpload", "b%C3%A9rlin.csv", null) + "]}";

		var uploads = UploadNotifications.uploads(body);

		assertThat(uploads).hasSize(2);
		assertThat(uploads.get(0).key()).isEqualTo("incoming/store one.csv");
		assertThat(uploads.get(0).versionId()).isEqualTo("v1");
		assertThat(uploads.get(0).id()).isEqualTo("inventory-uploads/incoming/store one.csv?versionId=v1");
		assertThat(uploads.get(0).sequencer()).isEqualTo("0055AED6DCD90281E5");
		assertThat(uploads.get(0).eventTime()).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(uploads.get(1).key()).isEqualTo("bérlin.csv");
		assertThat(uploads.get(1).id()).isEqualTo("inventory-uploads/bérlin.csv#abc123@0055AED6DCD90281E5");
	}

	@Test
	void eventTimesWithoutAnOffsetAreReadAsUtc() {
		String body = "{\"Records\":[" + record("ObjectCreated:Put", "a.csv", null).replace("2026-11-21T10:00:00.000Z",
				"2026-12-02T15:27:29.281167") + "]}";
		assertThat(UploadNotifications.uploads(body).get(0).eventTime()).isEqualTo("2026-12-02T15:27:29.281167Z");
	}

	@Test
	void testEventAnnouncesNothing() {
		String body = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-21T10:00:00.000Z\","
				+ "\"Bucket\":\"inventory-uploads\",\"RequestId\":\"1\",\"HostId\":\"2\"}";
		assertThat(UploadNotifications.uploads(body)).isEmpty();
	}

	@Test
	void garbageIsReportedAsNotANotification() {
		assertThatThrownBy(() -> UploadNotifications.uploads("hello")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Not an S3 event notification");
	}

}
