package com.retail.inventory.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: a fresh browser (no
 * cookies, its own download folder) for each test that takes a {@link Browser} parameter,
 * quit after the test. When a test fails its last screenshot and page source are saved
 * (the whole page) under {@code target/screenshots/}. Without the two Debian packages (CI
 * installs them, see {@code .ci/run}) every test of the class is reported skipped with
 * the reason, and nothing else (not the platform) starts.
 */
public final class HeadlessChromium implements ExecutionCondition, BeforeAllCallback, ParameterResolver,
		AfterTestExecutionCallback, AfterEachCallback {

	/**
	 * Debian's paths; {@code -De2e.chromium=...} and {@code -De2e.chromedriver=...} for
	 * others.
	 */
	static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path DOWNLOADS = Path.of("target", "downloads");

	private static final Logger log = LoggerFactory.getLogger(HeadlessChromium.class);

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(HeadlessChromium.class);

	/** A browser of one test, and where its downloads land. */
	public record Browser(WebDriver driver, Path downloads) {
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
		}
		String reason = "Browser tests skipped: they need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (Debian packages chromium and chromium-driver; .ci/run installs them)";
		if (context.getTestMethod().isEmpty()) {
			// The build's summary counts skipped tests but does not say why.
			log.warn(reason);
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// Both paths are given, so Selenium Manager is not needed; should it run anyway,
		// it must not download anything (it reads SE_* system properties).
		System.setProperty("SE_OFFLINE", "true");
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, (key) -> start(context), Browser.class);
	}

	private static Browser start(ExtensionContext context) {
		Path downloads = DOWNLOADS.resolve(name(context)).toAbsolutePath();
		try {
			Files.createDirectories(downloads);
			try (var old = Files.list(downloads)) {
				for (Path file : old.toList()) {
					Files.delete(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
		// --disable-dev-shm-usage: container /dev/shm is small.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), downloads);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) throws IOException {
		Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
		if (browser == null || context.getExecutionException().isEmpty()) {
			return;
		}
		Files.createDirectories(SCREENSHOTS);
		String name = name(context);
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), screenshot(browser.driver()));
			String html = "<!-- " + browser.driver().getCurrentUrl() + " -->\n" + browser.driver().getPageSource();
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), html, StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			// The browser may be what failed: the test's own error is what to report.
			context.getExecutionException().get().addSuppressed(ex);
		}
	}

	/** The whole page, not only the window's part of it. */
	private static byte[] screenshot(WebDriver driver) {
		try {
			ChromeDriver chrome = (ChromeDriver) driver;
			Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			@SuppressWarnings("unchecked")
			Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", size.get("width"), "height",
									Math.min(size.get("height").doubleValue(), 10_000), "scale", 1)));
			return Base64.getDecoder().decode((String) shot.get("data"));
		}
		catch (RuntimeException ex) {
			return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Optional.ofNullable(context.getStore(NAMESPACE).remove(Browser.class, Browser.class))
			.ifPresent((browser) -> browser.driver().quit());
	}

	private static String name(ExtensionContext context) {
		return context.getRequiredTestClass().getSimpleName() + "."
				+ context.getTestMethod().map((method) -> method.getName()).orElse("all");
	}

}
