package com.retail.inventory.ingest;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Where ingest accounts for each upload: the tracking table and the report objects. */
@Configuration(proxyBeanMethods = false)
class UploadTrackingConfiguration {

	@Bean
	UploadTracking uploadTracking(DynamoDbClient dynamoDb, IngestProperties properties) {
		return new UploadTracking(dynamoDb, properties.uploadsTable(), properties.uploadsRetention().toDays(),
				Clock.systemUTC());
	}

	@Bean
	UploadReports uploadReports(S3Client s3, IngestProperties properties) {
		return new UploadReports(s3, properties.reportsPrefix());
	}

}
