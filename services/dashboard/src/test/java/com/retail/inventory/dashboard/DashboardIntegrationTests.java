package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.local.DemoUsers;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard against the emulated Cognito pool and Inventory table, over real HTTP.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		registry.add("inventory.dashboard.cognito.user-pool-id", () -> LocalAwsExtension.resources().userPoolId());
		registry.add("inventory.dashboard.cognito.client-id", () -> LocalAwsExtension.resources().userPoolClientId());
		registry.add("inventory.dashboard.cognito.jwk-set-uri", () -> LocalAwsExtension.endpoints().aws() + "/"
				+ LocalAwsExtension.resources().userPoolId() + "/.well-known/jwks.json");
	}

	@BeforeAll
	static void data(LocalAwsClients aws, LocalResources resources) {
		DemoUsers.create(aws.cognito(), resources.userPoolId());
		put(aws, resources, "Berlin", "Echo Dot", "12");
		put(aws, resources, "Berlin", "Echo Plus", "0");
		put(aws, resources, "Berlin", "<script>alert(1)</script>", "3");
		put(aws, resources, "Pusan", "Echo Show", "0");
		// An item without a count (not written by the loader) is neither in nor out of
		// stock.
		put(aws, resources, "Pusan", "Echo Look", null);
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String store, String item, String count) {
		Map<String, AttributeValue> attributes = new HashMap<>(Map.of(InventoryTable.STORE, AttributeValue.fromS(store),
				InventoryTable.ITEM, AttributeValue.fromS(item)));
		if (count != null) {
			attributes.put(InventoryTable.COUNT, AttributeValue.fromN(count));
		}
		aws.dynamoDb().putItem(b -> b.tableName(resources.inventoryTable()).item(attributes));
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String token(LocalAwsClients aws, LocalResources resources, boolean idToken) {
		var result = aws.cognito()
			.initiateAuth(b -> b.clientId(resources.userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", DemoUsers.USERNAME, "PASSWORD", DemoUsers.PASSWORD)))
			.authenticationResult();
		return idToken ? result.idToken() : result.accessToken();
	}

	private HttpResponse<String> get(HttpClient http, String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void apiAnswersWithACognitoIdOrAccessTokenAndOnlyThen(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		assertThat(get(http, "/api/stores", null).statusCode()).isEqualTo(401);
		assertThat(get(http, "/api/stores", "not-a-token").statusCode()).isEqualTo(401);

		for (boolean idToken : new boolean[] { true, false }) {
			HttpResponse<String> stores = get(http, "/api/stores", token(aws, resources, idToken));
			assertThat(stores.statusCode()).isEqualTo(200);
			JsonNode body = JSON.readTree(stores.body());
			assertThat(body).hasSize(2);
			assertThat(body.get(0).get("store").asString()).isEqualTo("Berlin");
			assertThat(body.get(0).get("items").asInt()).isEqualTo(3);
			assertThat(body.get(0).get("outOfStock").asInt()).isEqualTo(1);
			assertThat(body.get(1).get("store").asString()).isEqualTo("Pusan");
			assertThat(body.get(1).get("items").asInt()).isEqualTo(2);
			assertThat(body.get(1).get("outOfStock").asInt()).isEqualTo(1);
		}

		HttpResponse<String> items = get(http, "/api/stores/Berlin/items", token(aws, resources, true));
		JsonNode berlin = JSON.readTree(items.body());
		assertThat(berlin).hasSize(3);
		assertThat(berlin.findValuesAsString("item")).containsExactly("<script>alert(1)</script>", "Echo Dot",
				"Echo Plus");
		assertThat(berlin.get(2).get("count").asLong()).isZero();
		assertThat(berlin.get(2).get("outOfStock").asBoolean()).isTrue();

		JsonNode pusan = JSON.readTree(get(http, "/api/stores/Pusan/items", token(aws, resources, true)).body());
		assertThat(pusan.get(0).get("item").asString()).isEqualTo("Echo Look");
		assertThat(pusan.get(0).get("count").isNull()).isTrue();
		assertThat(pusan.get(0).get("outOfStock").asBoolean()).isFalse();

		assertThat(get(http, "/api/stores/Nowhere/items", token(aws, resources, true)).statusCode()).isEqualTo(404);
	}

	@Test
	void pagesRedirectToLoginAndShowEscapedStockAfterSigningInWithCognito() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> anonymous = get(http, "/", null);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(get(http, "/stores/Berlin", null).statusCode()).isEqualTo(302);

		HttpResponse<String> wrong = login(http, DemoUsers.USERNAME, "wrong-password");
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(get(http, "/", null).statusCode()).isEqualTo(302);

		HttpResponse<String> signedIn = login(http, DemoUsers.USERNAME, DemoUsers.PASSWORD);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/"));

		HttpResponse<String> stores = get(http, "/", null);
		assertThat(stores.statusCode()).isEqualTo(200);
		assertThat(stores.body()).contains("Berlin", "Pusan", DemoUsers.USERNAME);

		HttpResponse<String> berlin = get(http, "/stores/Berlin", null);
		assertThat(berlin.statusCode()).isEqualTo(200);
		assertThat(berlin.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(berlin.body()).containsPattern("class=\"out-of-stock\">\\s*<td>Echo Plus</td>");
		assertThat(berlin.body()).doesNotContainPattern("class=\"out-of-stock\">\\s*<td>Echo Dot</td>");
	}

	private HttpResponse<String> login(HttpClient http, String username, String password) throws Exception {
		String page = get(http, "/login", null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		return http.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
