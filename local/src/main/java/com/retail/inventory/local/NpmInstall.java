package com.retail.inventory.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Emulators from npm, pinned by a {@code package.json} + lock file in the repository, are
 * installed on first use ({@code npm ci}), so that {@code ./mvnw verify} and
 * {@code ./inventory up} work on a fresh clone.
 */
public final class NpmInstall {

	private NpmInstall() {
	}

	/**
	 * @param project the folder with the package.json and lock file
	 * @param packageName the package that must be installed
	 * @return the package's folder under node_modules
	 */
	public static Path ensureInstalled(Path project, String packageName) {
		Path packageDir = project.resolve("node_modules").resolve(packageName);
		if (Files.isRegularFile(packageDir.resolve("package.json"))) {
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
			throw new UncheckedIOException("Cannot run npm in " + project, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return packageDir;
	}

}
