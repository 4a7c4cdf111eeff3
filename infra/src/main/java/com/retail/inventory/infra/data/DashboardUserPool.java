package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UserPoolAttributes;
import com.retail.inventory.infra.DeploymentSettings.MfaMode;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
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
 * through an app client without a secret (then RespondToAuthChallenge, GetUser,
 * GlobalSignOut with the user's own tokens) and verifies the tokens with the pool's
 * public JWKS: none of those calls is authorized by IAM. The one it makes with its role
 * is DescribeUserPool, to show and check the password policy on the set-new-password
 * page.
 *
 * <p>
 * Store managers see the stores listed in their attribute {@code custom:stores}
 * (comma-separated store names), which only an administrator sets
 * (AdminUpdateUserAttributes): the app client may read it, so it is in the ID token and
 * in GetUser's answer, but may not write it, so a user cannot give themselves stores with
 * UpdateUserAttributes.
 */
public final class DashboardUserPool extends Construct {

	static final int MINIMUM_PASSWORD_LENGTH = 12;

	/**
	 * Room for about 150 store names of 12 characters; 2048 is the most Cognito allows
	 * for a custom string attribute.
	 */
	static final int STORES_MAX_LENGTH = 2048;

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
			// Mutable: an administrator changes a manager's stores. A custom
			// attribute can never be removed or redefined once the pool has it.
			.customAttributes(Map.of(UserPoolAttributes.STORES,
					StringAttribute.Builder.create().mutable(true).maxLen(STORES_MAX_LENGTH).build()))
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

		this.client = userPool.addClient("DashboardClient", UserPoolClientOptions.builder()
			.userPoolClientName(names.userPoolClient())
			// The dashboard is the only client and calls InitiateAuth itself: no
			// hosted UI, no OAuth flows.
			.generateSecret(false)
			.authFlows(AuthFlow.builder().userPassword(true).build())
			.disableOAuth(true)
			.preventUserExistenceErrors(true)
			// Without these lists the client may read and write every attribute,
			// custom ones too. Email must stay writable (Cognito requires a pool's
			// required attributes to be writable by every client); custom:stores
			// is read-only to users.
			.readAttributes(new ClientAttributes()
				.withStandardAttributes(StandardAttributesMask.builder().email(true).emailVerified(true).build())
				.withCustomAttributes(UserPoolAttributes.STORES))
			.writeAttributes(
					new ClientAttributes().withStandardAttributes(StandardAttributesMask.builder().email(true).build()))
			// Sign-out revokes the refresh token (GlobalSignOut/RevokeToken), and the
			// access and ID tokens issued from it.
			.enableTokenRevocation(true)
			// The dashboard refreshes the access token while the refresh token is
			// valid: a working day's session, then sign in again.
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
