package com.retail.inventory.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Spring Cloud AWS has no Cognito starter; this client uses its credentials and the
 * pool's region, and the standard SDK endpoint settings like every other client.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

	@Bean
	CognitoIdentityProviderClient cognitoIdentityProviderClient(AwsCredentialsProvider credentials,
			DashboardProperties properties) {
		return CognitoIdentityProviderClient.builder()
			.credentialsProvider(credentials)
			.region(Region.of(properties.cognito().region()))
			.build();
	}

}
