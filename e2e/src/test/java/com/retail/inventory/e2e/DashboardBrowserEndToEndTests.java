package com.retail.inventory.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.UserPoolAttributes;
import com.retail.inventory.e2e.HeadlessChromium.Browser;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalPlatform;
import com.retail.inventory.local.TotpCodes;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser (headless Chromium), against the whole local platform:
 * what a person signing in sees and does. Runs after the pipeline test, on the same
 * platform and data (the four sample files at least).
 */
// Without a browser HeadlessChromium skips the class before the platform starts.
@ExtendWith({ HeadlessChromium.class, LocalPlatformExtension.class })
@Order(2)
class DashboardBrowserEndToEndTests {

	private static final List<String> SAMPLES = List.of("inventory-berlin.csv", "inventory-calcutta.csv",
			"inventory-karachi.csv", "inventory-pusan.csv");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Through the whole pipeline: S3, ingest, Kinesis, loader, DynamoDB. */
	private static final Duration PIPELINE = Duration.ofSeconds(120);

	/** For a page to show what the dashboard already has. */
	private static final Duration PAGE = Duration.ofSeconds(20);

	/**
	 * For a change in the table to reach an open page: the change stream, the dashboard's
	 * consumer, its debounce and the page's 5 s poll.
	 */
	private static final Duration LIVE = Duration.ofSeconds(20);

	private static final String PASSWORD = "Browser-Test-2026!";

	private static final String HEAD_OFFICE = "browser-head-office";

	private static final String BERLIN_MANAGER = "browser-berlin-manager";

	private static LocalPlatform platform;

	private static String base;

	@BeforeAll
	static void samplesLoaded(LocalPlatform shared) throws Exception {
		platform = shared;
		base = platform.dashboardUrl();
		// Run alone, this class loads the samples itself; after the pipeline test they
		// are there already.
		if (counts("Berlin").isEmpty()) {
			Path samples = LocalAwsExtension.repositoryRoot().resolve("samples");
			for (String sample : SAMPLES) {
				platform.aws()
					.s3()
					.putObject((b) -> b.bucket(platform.resources().bucket()).key(sample), samples.resolve(sample));
			}
			await().atMost(PIPELINE)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> Stream.of("Berlin", "Calcutta", "Karachi", "Pusan")
					.allMatch((store) -> counts(store).size() == 6));
		}
	}

	@Test
	void aNewUserSignsInWithTheTemporaryPasswordAndSetsANewOne(Browser browser) {
		String username = "browser-first-sign-in";
		String temporary = "Temporary-2026!";
		CognitoIdentityProviderClient cognito = platform.aws().cognito();
		// As the README tells an administrator to: the user gets a temporary password.
		cognito.adminCreateUser((b) -> b.userPoolId(platform.resources().userPoolId())
			.username(username)
			.temporaryPassword(temporary)
			.messageAction("SUPPRESS")
			.userAttributes(email(username)));
		cognito.adminAddUserToGroup((b) -> b.userPoolId(platform.resources().userPoolId())
			.username(username)
			.groupName(InventoryResources.load().headOfficeGroup()));
		WebDriver driver = browser.driver();

		submitSignIn(driver, username, temporary);
		page(driver).until(ExpectedConditions.urlContains("/login/new-password"));
		assertThat(driver.findElement(By.id("password-policy")).getText()).contains("12");

		setNewPassword(driver, "onlylowercase1");
		assertThat(
				page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error"))).getText())
			.isNotBlank();
		assertThat(driver.getCurrentUrl()).contains("/login/new-password");

		setNewPassword(driver, "Browser-First-2026!");
		page(driver).until(ExpectedConditions.urlToBe(base + "/"));
		page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("total-stores")));
	}

	@Test
	void aUserWithAnAuthenticatorAppIsAskedForTheCode(Browser browser) throws Exception {
		String username = user("browser-mfa", InventoryResources.load().headOfficeGroup(), null);
		CognitoIdentityProviderClient cognito = platform.aws().cognito();
		String accessToken = tokens(username).accessToken();
		String secret = cognito.associateSoftwareToken((b) -> b.accessToken(accessToken)).secretCode();
		cognito.verifySoftwareToken((b) -> b.accessToken(accessToken).userCode(TotpCodes.current(secret)));
		cognito.adminSetUserMFAPreference((b) -> b.userPoolId(platform.resources().userPoolId())
			.username(username)
			.softwareTokenMfaSettings((mfa) -> mfa.enabled(true).preferredMfa(true)));
		WebDriver driver = browser.driver();

		submitSignIn(driver, username, PASSWORD);
		page(driver).until(ExpectedConditions.urlContains("/login/mfa"));
		String code = TotpCodes.current(secret);
		enterCode(driver, code.equals("000000") ? "111111" : "000000");
		assertThat(
				page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error"))).getText())
			.isNotBlank();

		enterCode(driver, TotpCodes.current(secret));
		page(driver).until(ExpectedConditions.urlToBe(base + "/"));
		page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("total-stores")));
	}

	@Test
	void theOverviewShowsTheTotalsAndAChartOfEveryStore(Browser browser) throws Exception {
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);

		JsonNode overview = api("/api/overview");
		assertThat(overview.get("stores").asLong()).isPositive();
		assertThat(overview.get("items").asLong()).isPositive();
		assertThat(overview.get("outOfStock").asLong()).as("the samples' four items out of stock").isPositive();
		settled().untilAsserted(() -> {
			assertThat(number(driver, "total-stores")).isEqualTo(overview.get("stores").asLong());
			assertThat(number(driver, "total-items")).isEqualTo(overview.get("items").asLong());
			assertThat(number(driver, "total-out")).isEqualTo(overview.get("outOfStock").asLong());
			assertThat(number(driver, "total-low")).isEqualTo(overview.get("lowStock").asLong());
		});

		WebElement chart = page(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stores-chart[data-rendered=true]")));
		assertThat(chart.isDisplayed()).isTrue();
		assertThat(Integer.parseInt(chart.getDomAttribute("data-bars")))
			.isGreaterThanOrEqualTo(api("/api/stores").size());
		assertThat(chart.findElements(By.tagName("canvas")).size() + chart.findElements(By.tagName("svg")).size())
			.as("something drawn in the chart")
			.isPositive();
	}

	@Test
	void theStorePageSearchLeavesOnlyTheMatchingItems(Browser browser) {
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);
		driver.get(base + "/stores/Berlin");
		page(driver).until((d) -> visibleItems(d).size() >= 6);
		int all = visibleItems(driver).size();

		driver.findElement(By.id("search")).sendKeys("echo d");

		settled().untilAsserted(() -> {
			List<String> shown = visibleItems(driver);
			assertThat(shown).isNotEmpty().contains("Echo Dot").hasSizeLessThan(all);
			assertThat(shown).allSatisfy((item) -> assertThat(item).containsIgnoringCase("echo d"));
		});
	}

	@Test
	void theStorePageFiltersByLevelAndSortsByCount(Browser browser) {
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);
		driver.get(base + "/stores/Berlin");
		page(driver).until((d) -> visibleItems(d).size() >= 6);
		page(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#items-chart[data-rendered=true]")));
		Map<String, String> berlin = counts("Berlin");

		new Select(driver.findElement(By.id("level-filter"))).selectByValue("out");
		List<String> out = berlin.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals("0"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(out).isNotEmpty();
		settled().untilAsserted(() -> assertThat(visibleItems(driver)).containsExactlyInAnyOrderElementsOf(out));

		new Select(driver.findElement(By.id("level-filter"))).selectByValue("all");
		settled().untilAsserted(() -> assertThat(visibleItems(driver)).hasSize(berlin.size()));
		WebElement byCount = driver.findElement(By.cssSelector("#items th[data-sort=count]"));
		byCount.findElement(By.tagName("button")).click();
		settled().untilAsserted(() -> {
			assertThat(visibleCounts(driver)).hasSize(berlin.size()).isSorted();
			assertThat(driver.findElement(By.cssSelector("#items th[data-sort=count]")).getDomAttribute("aria-sort"))
				.isEqualTo("ascending");
		});
		driver.findElement(By.cssSelector("#items th[data-sort=count] button")).click();
		settled().untilAsserted(() -> assertThat(visibleCounts(driver)).hasSize(berlin.size())
			.isSortedAccordingTo(Comparator.reverseOrder()));
	}

	@Test
	void aStoreOfMoreThanAHundredItemsIsShownAHundredAPage(Browser browser) {
		String store = "Browser Paging";
		StringBuilder csv = new StringBuilder("store,item,count\n");
		for (int i = 1; i <= 230; i++) {
			csv.append(store).append(",Article ").append(String.format("%03d", i)).append(",").append(i).append('\n');
		}
		upload("browser-paging.csv", csv.toString());
		await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).until(() -> counts(store).size() == 230);
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);

		driver.get(base + "/stores/" + URLEncoder.encode(store, StandardCharsets.UTF_8).replace("+", "%20"));
		settled().untilAsserted(() -> {
			assertThat(visibleItems(driver)).hasSize(100).startsWith("Article 001").endsWith("Article 100");
			assertThat(driver.findElement(By.id("page-info")).getText()).contains("1").contains("3");
		});
		driver.findElement(By.id("next-page")).click();
		settled().untilAsserted(
				() -> assertThat(visibleItems(driver)).hasSize(100).startsWith("Article 101").endsWith("Article 200"));
		driver.findElement(By.id("next-page")).click();
		settled().untilAsserted(() -> {
			assertThat(visibleItems(driver)).hasSize(30).startsWith("Article 201").endsWith("Article 230");
			assertThat(driver.findElement(By.id("next-page")).isEnabled()).isFalse();
		});
		driver.findElement(By.id("prev-page")).click();
		settled().untilAsserted(() -> assertThat(visibleItems(driver)).startsWith("Article 101"));
	}

	@Test
	void theItemPageShowsTheItemInEveryStoreThatHasIt(Browser browser) {
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);
		driver.get(base + "/stores/Berlin");
		WebElement link = page(driver)
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#items tbody tr[data-item='Echo Show'] a")));
		link.click();

		page(driver).until(ExpectedConditions.urlContains("/items/"));
		List<String> stores = storesWith("Echo Show");
		assertThat(stores).contains("Berlin", "Pusan");
		settled()
			.untilAsserted(() -> assertThat(driver.findElements(By.cssSelector("#item-stores tbody tr[data-store]"))
				.stream()
				.map((row) -> row.getDomAttribute("data-store"))
				.toList()).containsExactlyInAnyOrderElementsOf(stores));
	}

	@Test
	void aUserInNoGroupIsToldWhyTheySeeNothing(Browser browser) {
		WebDriver driver = browser.driver();
		String username = user("browser-no-group", null, null);
		signIn(driver, username, PASSWORD);

		WebElement forbidden = page(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1#forbidden")));
		assertThat(forbidden.getText()).isNotBlank();
		assertThat(driver.findElement(By.id("forbidden-reason")).getText()).isNotBlank();
		assertThat(driver.findElement(By.tagName("body")).getText()).contains(username);
	}

	@Test
	void aDisabledUserLosesTheirSession(Browser browser) {
		String username = user("browser-disabled", InventoryResources.load().headOfficeGroup(), null);
		WebDriver driver = browser.driver();
		signIn(driver, username, PASSWORD);
		// A page without live updates: only this test's requests meet the ended session.
		driver.get(base + "/uploads");
		page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));

		platform.aws()
			.cognito()
			.adminDisableUser((b) -> b.userPoolId(platform.resources().userPoolId()).username(username));

		// The e2e platform checks sessions every 5 s (60 s by default).
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			driver.get(base + "/uploads");
			return driver.getCurrentUrl().contains("/login");
		});
		assertThat(driver.getCurrentUrl()).contains("expired");
		assertThat(driver.findElement(By.cssSelector(".error")).getText()).containsIgnoringCase("sign in again");
	}

	@Test
	void signingOutEndsTheSession(Browser browser) {
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);

		page(driver).until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		page(driver).until(ExpectedConditions.urlContains("/login?logout"));
		driver.get(base + "/stores/Berlin");
		page(driver).until(ExpectedConditions.urlContains("/login"));
		assertThat(driver.findElements(By.id("items"))).isEmpty();
	}

	@Test
	void anOpenStorePageShowsANewCountWithoutAReload(Browser browser) {
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);
		driver.get(base + "/stores/Berlin");
		By echoDot = By.cssSelector("#items tbody tr[data-item='Echo Dot']");
		page(driver).until(ExpectedConditions.visibilityOfElementLocated(echoDot));
		// Gone if the page were loaded again.
		((JavascriptExecutor) driver).executeScript("window.e2eSamePage = true;");
		String count = "777".equals(counts("Berlin").get("Echo Dot")) ? "778" : "777";

		upload("stores/Berlin/browser-live.csv", "store,item,count\nBerlin,Echo Dot," + count + "\n");
		await().atMost(PIPELINE)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> count.equals(counts("Berlin").get("Echo Dot")));
		long inTable = System.nanoTime();

		Pattern shown = Pattern.compile("\\b" + count + "\\b");
		new WebDriverWait(driver, LIVE).pollingEvery(Duration.ofMillis(250))
			.ignoring(StaleElementReferenceException.class)
			.withMessage("Echo Dot's row showing " + count + " within " + LIVE + " of the table change")
			.until((d) -> shown.matcher(d.findElement(echoDot).getText()).find());
		System.out.printf("Live update: shown %d ms after the table changed%n",
				Duration.ofNanos(System.nanoTime() - inTable).toMillis());
		assertThat(((JavascriptExecutor) driver).executeScript("return window.e2eSamePage === true;")).as("no reload")
			.isEqualTo(true);
		assertThat(driver.findElement(By.id("live")).getText()).contains("Live").doesNotContain("Offline");
	}

	@Test
	void theItemsTableExportsItsRowsAsCsvWithFormulasNeutralised(Browser browser) throws Exception {
		upload("stores/Berlin/browser-formula.csv", "store,item,count\nBerlin,=SUM(A1),5\n");
		await().atMost(PIPELINE).until(() -> "5".equals(counts("Berlin").get("=SUM(A1)")));
		WebDriver driver = browser.driver();
		signIn(driver, headOffice(), PASSWORD);
		// The dashboard's view learns of the row through the change stream, after the
		// table
		// has it: on a busy machine that can take longer than one page's wait, so the
		// page
		// is loaded again until the row is there.
		await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			driver.get(base + "/stores/Berlin");
			new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#items tbody tr[data-item='=SUM(A1)']")));
			return true;
		});

		WebElement export = driver.findElements(By.cssSelector("a.export"))
			.stream()
			.filter((link) -> link.getDomAttribute("href") != null
					&& link.getDomAttribute("href").contains("/items.csv"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no a.export link to the items' CSV"));
		assertThat(export.getDomAttribute("download")).as("download attribute").isNotNull();
		export.click();

		Path file = await().atMost(PAGE).until(() -> downloaded(browser.downloads()), (csv) -> csv != null);
		String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
		Map<String, String> exported = new TreeMap<>();
		for (CSVRecord row : CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.get()
			.parse(new StringReader(text))) {
			exported.put(row.get("item"), row.get("count"));
		}
		Map<String, String> expected = new TreeMap<>();
		counts("Berlin").forEach((item, count) -> expected.put(item.startsWith("=") ? "'" + item : item, count));
		assertThat(exported).isEqualTo(expected);
		assertThat(text).contains("'=SUM(A1)").doesNotContain("\n=SUM(A1)").doesNotContain(",=SUM(A1)");
	}

	@Test
	void aStoreManagerSeesOnlyTheirStoreAndIsRefusedAnother(Browser browser) {
		WebDriver driver = browser.driver();
		signIn(driver, berlinManager(), PASSWORD);

		settled().untilAsserted(() -> {
			List<String> stores = driver.findElements(By.cssSelector("#stores tbody tr"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(stores).singleElement().asString().contains("Berlin");
			assertThat(number(driver, "total-stores")).isEqualTo(1);
			assertThat(driver.findElement(By.cssSelector("#stores-chart[data-rendered=true]"))
				.getDomAttribute("data-bars")).isEqualTo("1");
		});

		driver.get(base + "/stores/Pusan");
		WebElement forbidden = page(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1#forbidden")));
		assertThat(forbidden.getText()).isNotBlank();
		assertThat(driver.findElement(By.id("forbidden-reason")).getText()).contains("Pusan");
	}

	@Test
	void theOverviewAndAStorePageFitAPhoneWithoutScrollingSideways(Browser browser) {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(375, 800));
		signIn(driver, headOffice(), PASSWORD);
		page(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stores-chart[data-rendered=true]")));
		assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).longValue())
			.as("viewport width")
			.isLessThanOrEqualTo(375);
		assertThat(sidewaysScroll(driver)).as("overview: horizontal page scroll, px").isLessThanOrEqualTo(0);

		driver.get(base + "/stores/Berlin");
		page(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#items-chart[data-rendered=true]")));
		page(driver).until((d) -> !visibleItems(d).isEmpty());
		assertThat(sidewaysScroll(driver)).as("store page: horizontal page scroll, px").isLessThanOrEqualTo(0);
	}

	private static long sidewaysScroll(WebDriver driver) {
		return ((Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.longValue();
	}

	/**
	 * Item names of the store page's rows that are shown (search and filter hide rows).
	 */
	private static List<String> visibleItems(WebDriver driver) {
		return driver.findElements(By.cssSelector("#items tbody tr[data-item]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((row) -> row.getDomAttribute("data-item"))
			.toList();
	}

	/** The counts of the store page's shown rows, in their order. */
	private static List<Long> visibleCounts(WebDriver driver) {
		return driver.findElements(By.cssSelector("#items tbody tr[data-item]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((row) -> Long.parseLong(row.findElement(By.tagName("td")).getText().replaceAll("[^0-9]", "")))
			.toList();
	}

	/** The stores the table has the item in. */
	private static List<String> storesWith(String item) {
		return platform.aws()
			.dynamoDb()
			.scanPaginator((b) -> b.tableName(platform.resources().inventoryTable())
				.filterExpression("#i = :i")
				.projectionExpression("#s")
				.expressionAttributeNames(Map.of("#i", InventoryTable.ITEM, "#s", InventoryTable.STORE))
				.expressionAttributeValues(Map.of(":i", AttributeValue.fromS(item))))
			.items()
			.stream()
			.map((i) -> i.get(InventoryTable.STORE).s())
			.toList();
	}

	private static void submitSignIn(WebDriver driver, String username, String password) {
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("sign-in")).click();
	}

	private static void signIn(WebDriver driver, String username, String password) {
		submitSignIn(driver, username, password);
		page(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void enterCode(WebDriver driver, String code) {
		WebElement field = page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa-code")));
		field.clear();
		field.sendKeys(code);
		driver.findElement(By.id("verify-code")).click();
	}

	private static void setNewPassword(WebDriver driver, String password) {
		WebElement field = page(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-password")));
		field.clear();
		field.sendKeys(password);
		WebElement confirm = driver.findElement(By.id("confirm-password"));
		confirm.clear();
		confirm.sendKeys(password);
		driver.findElement(By.id("set-password")).click();
	}

	/**
	 * For assertions on what a page shows once its scripts have fetched and rendered
	 * (elements may be replaced meanwhile).
	 */
	private static ConditionFactory settled() {
		return await().atMost(PAGE).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
	}

	private static WebDriverWait page(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, PAGE);
		// The pages re-render their tables on live updates, replacing the rows.
		wait.pollingEvery(Duration.ofMillis(250)).ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** A total on the overview, whatever its thousands separators. */
	private static long number(WebDriver driver, String id) {
		String digits = driver.findElement(By.id(id)).getText().replaceAll("[^0-9]", "");
		return digits.isEmpty() ? -1 : Long.parseLong(digits);
	}

	/** The CSV file the browser finished downloading, null while there is none. */
	private static Path downloaded(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> done = files.filter((f) -> f.getFileName().toString().endsWith(".csv")).toList();
			return done.size() == 1 ? done.get(0) : null;
		}
	}

	private static String headOffice() {
		return user(HEAD_OFFICE, InventoryResources.load().headOfficeGroup(), null);
	}

	private static String berlinManager() {
		return user(BERLIN_MANAGER, InventoryResources.load().storeManagersGroup(), "Berlin");
	}

	/**
	 * A user who has signed in before (permanent password), created at first use; in no
	 * group when the group is null.
	 */
	private static String user(String username, String group, String stores) {
		CognitoIdentityProviderClient cognito = platform.aws().cognito();
		String pool = platform.resources().userPoolId();
		try {
			cognito.adminGetUser((b) -> b.userPoolId(pool).username(username));
			return username;
		}
		catch (UserNotFoundException ex) {
			// Created below.
		}
		List<AttributeType> attributes = new ArrayList<>(List.of(email(username)));
		if (stores != null) {
			attributes.add(AttributeType.builder().name(UserPoolAttributes.STORES_CLAIM).value(stores).build());
		}
		cognito.adminCreateUser((b) -> b.userPoolId(pool)
			.username(username)
			.temporaryPassword("Temporary-2026!")
			.messageAction("SUPPRESS")
			.userAttributes(attributes));
		cognito.adminSetUserPassword((b) -> b.userPoolId(pool).username(username).password(PASSWORD).permanent(true));
		if (group != null) {
			cognito.adminAddUserToGroup((b) -> b.userPoolId(pool).username(username).groupName(group));
		}
		return username;
	}

	private static AttributeType email(String username) {
		return AttributeType.builder().name("email").value(username + "@example.com").build();
	}

	private static AuthenticationResultType tokens(String username) {
		return platform.aws()
			.cognito()
			.initiateAuth((b) -> b.clientId(platform.resources().userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
			.authenticationResult();
	}

	/** A GET of the dashboard's API as the head-office user. */
	private static JsonNode api(String path) throws Exception {
		String token = tokens(headOffice()).idToken();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static void upload(String key, String csv) {
		platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key(key), RequestBody.fromString(csv));
	}

	/** Item to count of a store, as the table holds them. */
	private static Map<String, String> counts(String store) {
		return platform.aws()
			.dynamoDb()
			.queryPaginator((b) -> b.tableName(platform.resources().inventoryTable())
				.keyConditionExpression("#s = :s")
				.expressionAttributeNames(Map.of("#s", InventoryTable.STORE))
				.expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store))))
			.items()
			.stream()
			.collect(Collectors.toMap((i) -> i.get(InventoryTable.ITEM).s(), (i) -> i.get(InventoryTable.COUNT).n(),
					(a, b) -> a, TreeMap::new));
	}

}
