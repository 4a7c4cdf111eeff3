package com.retail.inventory.images;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips the image tests where they cannot run: without podman, or in a build that made no
 * images (only {@code -Poffline-images} makes them).
 *
 * <p>
 * A condition rather than an assumption: it is evaluated before any {@code beforeAll}
 * callback, so a skipped class starts no emulators, and Failsafe counts the tests as
 * skipped. (An assumption failing in a class-level callback aborts the class, which
 * Failsafe reports as "Tests run: 0" without the reason.) The reason is also logged, as
 * Failsafe writes it only to the report file.
 */
final class ImagesRunnableHere implements ExecutionCondition {

	/**
	 * Set by the build: true when this build wrote the services' image tars (root pom,
	 * profile offline-images).
	 */
	static final String IMAGES_BUILT = "inventory.image.tars-built";

	private static final Logger log = LoggerFactory.getLogger(ImagesRunnableHere.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (context.getTestMethod().isPresent()) {
			return ConditionEvaluationResult.enabled("decided for the whole class");
		}
		if (!PodmanApiService.podmanInstalled()) {
			return skip("Skipping the image smoke test: podman is not installed, so the service images "
					+ "cannot be run here (Debian: apt-get install podman runc; see images/README.md)");
		}
		if (!Boolean.getBoolean(IMAGES_BUILT)) {
			return skip("Skipping the image smoke test: this build made no service images; build and "
					+ "test them with ./mvnw -Poffline-images verify (see images/README.md)");
		}
		return ConditionEvaluationResult.enabled("podman is installed and this build made the service images");
	}

	private static ConditionEvaluationResult skip(String reason) {
		log.warn(reason);
		return ConditionEvaluationResult.disabled(reason);
	}

}
