package com.retail.inventory.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * kinesis-mock comes from npm, pinned by {@code local/kinesis-mock/package.json} + lock
 * file. It is installed on first use so that {@code ./mvnw verify} and
 * {@code ./inventory up} work on a fresh clone.
 */
final class KinesisMockInstall {

	private KinesisMockInstall() {
	}

	static Path ensureInstalled(Path root) {
		Path project = root.resolve("local/kinesis-mock");
		Path packageDir = project.resolve("node_modules/kinesis-local");
		if (Files.isRegularFile(packageDir.resolve("main.js"))) {
			return packageDir;
		}
		if (!Files.isRegularFile(project.resolve("package.json"))) {
			throw new IllegalStateException("No " + project.resolve("package.json") + ": is inventory.root right?");
		}
		try {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(project.toFile())
				.inheritIO()
				.start();
			if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
				throw new IllegalStateException("'npm ci' in " + project + " failed; is npm installed?");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run npm to install kinesis-mock", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return packageDir;
	}

}
