package com.retail.inventory.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The user pool's current password policy (DescribeUserPool), read at most every 10
 * minutes; Cognito's default when it cannot be read (Cognito still checks the password
 * itself).
 */
@Component
class PoolPasswordPolicy {

	private static final Logger log = LoggerFactory.getLogger(PoolPasswordPolicy.class);

	private static final Duration REREAD = Duration.ofMinutes(10);

	private final CognitoIdentityProviderClient cognito;

	private final String userPoolId;

	private final CognitoUsers users;

	private volatile PasswordPolicy policy;

	private volatile Instant readAt = Instant.MIN;

	PoolPasswordPolicy(CognitoIdentityProviderClient cognito, DashboardProperties properties, CognitoUsers users) {
		this.cognito = cognito;
		this.userPoolId = properties.cognito().userPoolId();
		this.users = users;
	}

	PasswordPolicy get() {
		Instant now = this.users.now();
		if (this.policy == null || now.isAfter(this.readAt.plus(REREAD))) {
			try {
				this.policy = PasswordPolicy.of(this.cognito.describeUserPool(b -> b.userPoolId(this.userPoolId))
					.userPool()
					.policies()
					.passwordPolicy());
				this.readAt = now;
			}
			catch (RuntimeException ex) {
				log.warn("Cannot read the user pool's password policy: {}", ex.toString());
				return (this.policy != null) ? this.policy : PasswordPolicy.COGNITO_DEFAULT;
			}
		}
		return this.policy;
	}

}
