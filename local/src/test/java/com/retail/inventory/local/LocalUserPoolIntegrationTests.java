package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local user pool as LocalProvisioner creates it on moto, and what the dashboard
 * relies on: a store manager's {@code custom:stores} reaches the ID token and GetUser;
 * the app client may read it but not write it; TOTP MFA is optional and its codes are
 * really checked (moto started with {@value Emulators#MOTO_TOTP}).
 *
 * <p>
 * moto 5.2.1 does not enforce a client's WriteAttributes: its UpdateUserAttributes stores
 * whatever attribute the user sends. AWS refuses a write of an attribute the client may
 * not write (NotAuthorizedException), so this test checks the client's configuration,
 * which is what AWS enforces, not moto's answer.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalUserPoolIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "Correct-Horse-42";

	@Test
	void thePoolHasTheStoresAttributeAndOptionalAuthenticatorAppMfa(LocalAwsClients aws, LocalResources resources) {
		var pool = aws.cognito().describeUserPool(b -> b.userPoolId(resources.userPoolId())).userPool();
		SchemaAttributeType stores = pool.schemaAttributes()
			.stream()
			.filter(attribute -> attribute.name().equals("custom:stores"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no custom:stores in " + pool.schemaAttributes()));
		assertThat(stores.attributeDataTypeAsString()).isEqualTo("String");
		assertThat(stores.mutable()).isTrue();
		assertThat(stores.stringAttributeConstraints().maxLength()).isEqualTo("2048");
		// Added after creation, so the standard attributes (email) are still there.
		assertThat(pool.schemaAttributes()).extracting(SchemaAttributeType::name).contains("email");

		var mfa = aws.cognito().getUserPoolMfaConfig(b -> b.userPoolId(resources.userPoolId()));
		assertThat(mfa.mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
		assertThat(mfa.softwareTokenMfaConfiguration().enabled()).isTrue();
		assertThat(mfa.smsMfaConfiguration()).isNull();
	}

	@Test
	void theClientReadsButCannotWriteTheStoresAndKeepsTheTokenLifetimesOfAws(LocalAwsClients aws,
			LocalResources resources) {
		UserPoolClientType client = aws.cognito()
			.describeUserPoolClient(b -> b.userPoolId(resources.userPoolId()).clientId(resources.userPoolClientId()))
			.userPoolClient();
		assertThat(client.readAttributes()).containsExactlyInAnyOrder("email", "email_verified", "custom:stores");
		assertThat(client.writeAttributes()).containsExactly("email");
		assertThat(client.explicitAuthFlowsAsStrings()).containsExactlyInAnyOrder("ALLOW_USER_PASSWORD_AUTH",
				"ALLOW_REFRESH_TOKEN_AUTH");
		assertThat(client.enableTokenRevocation()).isTrue();
		assertThat(client.accessTokenValidity()).isEqualTo(60);
		assertThat(client.idTokenValidity()).isEqualTo(60);
		assertThat(client.refreshTokenValidity()).isEqualTo(12);
		assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
		assertThat(client.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.MINUTES);
		assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.HOURS);
	}

	@Test
	void aStoreManagersStoresAreInTheIdTokenAndInGetUser(LocalAwsClients aws, LocalResources resources) {
		CognitoIdentityProviderClient cognito = aws.cognito();
		createUser(cognito, resources, "pusan-manager", "Berlin,Pusan");
		cognito.adminAddUserToGroup(
				b -> b.userPoolId(resources.userPoolId()).username("pusan-manager").groupName("store-managers"));

		AuthenticationResultType tokens = signIn(cognito, resources, "pusan-manager").authenticationResult();
		JsonNode idToken = claims(tokens.idToken());
		assertThat(idToken.path("custom:stores").asString()).isEqualTo("Berlin,Pusan");
		assertThat(idToken.path("cognito:groups").toString()).isEqualTo("[\"store-managers\"]");
		assertThat(idToken.path("token_use").asString()).isEqualTo("id");
		// Access tokens carry no custom attributes: the dashboard reads them with
		// GetUser.
		assertThat(claims(tokens.accessToken()).has("custom:stores")).isFalse();
		assertThat(cognito.getUser(b -> b.accessToken(tokens.accessToken())).userAttributes())
			.contains(AttributeType.builder().name("custom:stores").value("Berlin,Pusan").build());
	}

	@Test
	void authenticatorAppCodesAreCheckedWhenPairingAndAtSignIn(LocalAwsClients aws, LocalResources resources) {
		CognitoIdentityProviderClient cognito = aws.cognito();
		createUser(cognito, resources, "mfa-user", "Berlin");
		String accessToken = signIn(cognito, resources, "mfa-user").authenticationResult().accessToken();

		String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
		assertThatThrownBy(() -> cognito.verifySoftwareToken(
				b -> b.accessToken(accessToken).userCode(wrongCode(secret)).friendlyDeviceName("phone")))
			.isInstanceOf(CodeMismatchException.class);
		assertThat(cognito
			.verifySoftwareToken(
					b -> b.accessToken(accessToken).userCode(TotpCodes.current(secret)).friendlyDeviceName("phone"))
			.status()).isEqualTo(VerifySoftwareTokenResponseType.SUCCESS);
		cognito.setUserMFAPreference(
				b -> b.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));

		InitiateAuthResponse challenge = signIn(cognito, resources, "mfa-user");
		assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
		assertThatThrownBy(() -> answer(cognito, resources, challenge, "mfa-user", wrongCode(secret)))
			.isInstanceOf(CodeMismatchException.class);
		InitiateAuthResponse again = signIn(cognito, resources, "mfa-user");
		assertThat(answer(cognito, resources, again, "mfa-user", TotpCodes.current(secret)).authenticationResult()
			.idToken()).isNotBlank();
	}

	private static void createUser(CognitoIdentityProviderClient cognito, LocalResources resources, String username,
			String stores) {
		cognito.adminCreateUser(b -> b.userPoolId(resources.userPoolId())
			.username(username)
			.userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build(),
					AttributeType.builder().name("custom:stores").value(stores).build())
			.messageAction("SUPPRESS"));
		cognito.adminSetUserPassword(
				b -> b.userPoolId(resources.userPoolId()).username(username).password(PASSWORD).permanent(true));
	}

	private static InitiateAuthResponse signIn(CognitoIdentityProviderClient cognito, LocalResources resources,
			String username) {
		return cognito.initiateAuth(b -> b.clientId(resources.userPoolClientId())
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));
	}

	private static RespondToAuthChallengeResponse answer(CognitoIdentityProviderClient cognito,
			LocalResources resources, InitiateAuthResponse challenge, String username, String code) {
		return cognito.respondToAuthChallenge(b -> b.clientId(resources.userPoolClientId())
			.challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
			.session(challenge.session())
			.challengeResponses(Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", code)));
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	private static String wrongCode(String secret) {
		return String.format("%06d", (Integer.parseInt(TotpCodes.current(secret)) + 1) % 1_000_000);
	}

}
