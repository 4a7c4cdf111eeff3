package com.retail.inventory.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto is pinned by {@code local/moto/requirements.txt}, like the Kinesis emulator by its
 * lock file. moto_server cannot tell its own version, so this asks the Python interpreter
 * that runs it, before it is started: another version fails fast with a message that says
 * what to install, not later with an emulator quirk.
 */
final class MotoVersion {

	static final String REQUIREMENTS = "local/moto/requirements.txt";

	private static final Pattern PIN = Pattern.compile("^moto(\\[[^]]*])?==([0-9][^\\s;#]*)", Pattern.MULTILINE);

	private MotoVersion() {
	}

	/**
	 * @throws IllegalStateException when moto_server is missing or not the pinned version
	 */
	static void check(Path root) {
		String pinned = pinned(root);
		Path motoServer = onPath("moto_server").orElseThrow(() -> new IllegalStateException(
				"moto_server is not on PATH; install it with: pip install -r " + REQUIREMENTS));
		String installed = installedVersion(interpreterOf(motoServer));
		if (!pinned.equals(installed)) {
			throw new IllegalStateException("moto_server (" + motoServer + ") runs moto " + installed
					+ ", but this project is tested with moto " + pinned + ": pip install -r " + REQUIREMENTS);
		}
	}

	static String pinned(Path root) {
		Path file = root.resolve(REQUIREMENTS);
		try {
			Matcher pin = PIN.matcher(Files.readString(file));
			if (!pin.find()) {
				throw new IllegalStateException(file + " pins no moto version (moto[server]==X.Y.Z)");
			}
			return pin.group(2);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * The command that runs the script's Python: its {@code #!} line when that names
	 * Python, else {@code python3} (a pyenv or asdf shim is a shell script that runs the
	 * same Python as their python3 shim).
	 */
	static List<String> interpreterOf(Path script) {
		try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
			String first = reader.readLine();
			if (first != null && first.startsWith("#!") && first.contains("python")) {
				return List.of(first.substring(2).trim().split("\\s+"));
			}
		}
		catch (IOException ex) {
			// Not readable as text: fall back to python3.
		}
		return List.of("python3");
	}

	private static String installedVersion(List<String> python) {
		List<String> command = new ArrayList<>(python);
		command.addAll(List.of("-c", "import importlib.metadata as m; print(m.version('moto'))"));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("Cannot tell which moto moto_server runs (" + String.join(" ", command)
						+ " said: " + output + "); install it with: pip install -r " + REQUIREMENTS);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + python, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Path> onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
