package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.DeploymentSettings.MfaMode;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.constructs.Construct;

/**
 * The users of the dashboard: head office and store managers, created by an administrator
 * (no self sign-up).
 *
 * <p>
 * The dashboard signs users in from its server with InitiateAuth USER_PASSWORD_AUTH
 * through an app client without a secret, and verifies the tokens with the pool's public
 * JWKS. Neither call is authorized by IAM, so the dashboard's role has no Cognito
 * permission.
 */
public final class DashboardUserPool extends Construct {

	static final int MINIMUM_PASSWORD_LENGTH = 12;

	private final UserPool userPool;

	private final UserPoolClient client;

	public DashboardUserPool(Construct scope, String id, InventoryResources names, MfaMode mfa) {
		super(scope, id);
		this.userPool = UserPool.Builder.create(this, "UserPool")
			.userPoolName(names.userPool())
			.selfSignUpEnabled(false)
			.signInAliases(SignInAliases.builder().username(true).email(true).build())
			.signInCaseSensitive(false)
			.standardAttributes(StandardAttributes.builder()
				.email(StandardAttribute.builder().required(true).mutable(true).build())
				.build())
			.autoVerify(AutoVerifiedAttrs.builder().email(true).build())
			.accountRecovery(AccountRecovery.EMAIL_ONLY)
			.passwordPolicy(PasswordPolicy.builder()
				.minLength(MINIMUM_PASSWORD_LENGTH)
				.requireLowercase(true)
				.requireUppercase(true)
				.requireDigits(true)
				.requireSymbols(true)
				.tempPasswordValidity(Duration.days(3))
				.build())
			// Authenticator apps only: SMS codes would need an IAM role that may send SMS
			// anywhere, and cost.
			.mfa(switch (mfa) {
				case OFF -> Mfa.OFF;
				case OPTIONAL -> Mfa.OPTIONAL;
				case REQUIRED -> Mfa.REQUIRED;
			})
			.mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
			.enableSmsRole(false)
			// Lite has everything used here (passwords, TOTP, groups); 10,000 monthly
			// active users are free.
			.featurePlan(FeaturePlan.LITE)
			.deletionProtection(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();

		this.client = userPool.addClient("DashboardClient",
				UserPoolClientOptions.builder()
					.userPoolClientName(names.userPoolClient())
					// The dashboard is the only client and calls InitiateAuth itself: no
					// hosted UI, no OAuth flows.
					.generateSecret(false)
					.authFlows(AuthFlow.builder().userPassword(true).build())
					.disableOAuth(true)
					.preventUserExistenceErrors(true)
					.enableTokenRevocation(true)
					.accessTokenValidity(Duration.hours(1))
					.idTokenValidity(Duration.hours(1))
					.refreshTokenValidity(Duration.hours(12))
					.build());

		group("HeadOfficeGroup", names.headOfficeGroup(), "Head office: every store", 0);
		group("StoreManagersGroup", names.storeManagersGroup(), "Store managers", 10);
	}

	private void group(String id, String name, String description, int precedence) {
		UserPoolGroup.Builder.create(this, id)
			.userPool(userPool)
			.groupName(name)
			.description(description)
			.precedence(precedence)
			.build();
	}

	public UserPool userPool() {
		return userPool;
	}

	public UserPoolClient client() {
		return client;
	}

}
