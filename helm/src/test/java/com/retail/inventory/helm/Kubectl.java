package com.retail.inventory.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kubectl (from the PATH, or -Dkubectl=/path/to/kubectl) against one API server,
 * with its own kubeconfig and cache directory.
 */
final class Kubectl {

	record Result(int exitCode, String output) {
	}

	private static final long TIMEOUT_SECONDS = 60;

	private final Path kubeconfig;

	private final Path cacheDir;

	private final Path workDir;

	private int runs;

	Kubectl(String kubeconfigContent, Path workDir) {
		this.workDir = workDir;
		try {
			kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), kubeconfigContent);
			// Its own discovery cache: never ~/.kube, and never a cache of another test's
			// server on the same port.
			cacheDir = Files.createDirectories(workDir.resolve("kube-cache"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Result run(String... args) {
		List<String> command = new ArrayList<>(List.of(System.getProperty("kubectl", "kubectl"), "--kubeconfig",
				kubeconfig.toString(), "--cache-dir", cacheDir.toString(), "--request-timeout", "20s"));
		command.addAll(List.of(args));
		// Output goes to a file rather than a pipe, so a hanging kubectl cannot block the
		// read past the timeout.
		Path log = workDir.resolve("kubectl-" + (++runs) + ".log");
		Process process = null;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish in time");
			}
			return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}

}
