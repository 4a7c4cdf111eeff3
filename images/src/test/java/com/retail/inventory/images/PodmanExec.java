package com.retail.inventory.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a running container with the podman CLI. Not Testcontainers'
 * execInContainer: through podman's Docker-compatible API every exec session left an
 * orphaned conmon process behind, even after the container was removed; the CLI's exec
 * cleans up after itself.
 */
final class PodmanExec {

	private PodmanExec() {
	}

	/**
	 * @return what the command printed on stdout; fails unless it exits 0 within 60 s
	 */
	static String stdout(String containerId, String... command) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of("podman", "exec", containerId));
		args.addAll(List.of(command));
		Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("podman exec " + String.join(" ", command) + " did not finish");
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"podman exec " + String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
		}
		return text;
	}

}
