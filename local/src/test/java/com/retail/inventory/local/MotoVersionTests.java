package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoVersionTests {

	@TempDir
	Path root;

	private void requirements(String text) throws Exception {
		Path file = this.root.resolve(MotoVersion.REQUIREMENTS);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	@Test
	void thePinIsReadFromTheRequirementsFile() throws Exception {
		requirements("# comment\nmoto[server]==5.2.1\n");
		assertThat(MotoVersion.pinned(this.root)).isEqualTo("5.2.1");
	}

	@Test
	void aFileWithoutAnExactPinIsRefused() throws Exception {
		requirements("moto[server]>=5\n");
		assertThatIllegalStateException().isThrownBy(() -> MotoVersion.pinned(this.root))
			.withMessageContaining("pins no moto version");
	}

	@Test
	void theRepositoryPinsTheVersionTheTestsRunAgainst() {
		assertThat(MotoVersion.pinned(LocalAwsExtension.repositoryRoot())).matches("\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void theInterpreterComesFromTheScriptsShebangWhenItNamesPython() throws Exception {
		Path script = this.root.resolve("moto_server");
		Files.writeString(script, "#!/opt/venv/bin/python3.11\nfrom moto.server import main\n");
		assertThat(MotoVersion.interpreterOf(script)).containsExactly("/opt/venv/bin/python3.11");

		Files.writeString(script, "#!/usr/bin/env python3\n");
		assertThat(MotoVersion.interpreterOf(script)).containsExactly("/usr/bin/env", "python3");

		Files.writeString(script, "#!/usr/bin/env bash\nexec pyenv exec moto_server \"$@\"\n");
		assertThat(MotoVersion.interpreterOf(script)).containsExactly("python3");
	}

}
