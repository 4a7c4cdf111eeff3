package com.retail.inventory.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartPositionTests {

	@Test
	void trimHorizonOrAnIsoTimeWithOffset() {
		assertThat(StartPosition.parse("TRIM_HORIZON").trimHorizon()).isTrue();
		assertThat(StartPosition.parse("trim_horizon")).isEqualTo(StartPosition.TRIM_HORIZON);
		assertThat(StartPosition.parse("2026-12-03T07:00:00+01:00").timestamp())
			.isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
		assertThat(StartPosition.parse("2026-12-03T06:00:00.250Z").timestamp())
			.isEqualTo(Instant.parse("2026-12-03T06:00:00.250Z"));
	}

	@Test
	void aTimeWithoutOffsetIsRefusedRatherThanGuessed() {
		assertThatIllegalArgumentException().isThrownBy(() -> StartPosition.parse("2026-12-03T06:00:00"))
			.withMessageContaining("--from");
		assertThatIllegalArgumentException().isThrownBy(() -> StartPosition.parse("LATEST"));
	}

}
