package com.retail.inventory.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child process and everything it started: politely first (SIGTERM), then
 * forcibly.
 */
final class ChildProcesses {

	private ChildProcesses() {
	}

	static void stop(Process process, Duration grace) {
		if (!process.isAlive()) {
			return;
		}
		// Wrappers (pyenv shims, npx) may have spawned the real server as a child.
		var descendants = process.descendants().toList();
		process.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

}
