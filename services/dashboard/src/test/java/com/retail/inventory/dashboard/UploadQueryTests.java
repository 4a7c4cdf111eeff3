package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.UploadStatus;
import org.junit.jupiter.api.Test;

class UploadQueryTests {

	@Test
	void blankParametersMeanAllUploadsAndTheDefaultLimit() {
		assertThat(UploadQuery.parse(null, null, null)).isEqualTo(new UploadQuery(null, null, 50));
		assertThat(UploadQuery.parse(" ", "", "  ")).isEqualTo(new UploadQuery(null, null, 50));
	}

	@Test
	void acceptsAStoreAStatusInAnyCaseAndALimitFromOneTo200() {
		assertThat(UploadQuery.parse(" Berlin ", "loaded_with_errors", "1"))
			.isEqualTo(new UploadQuery("Berlin", UploadStatus.LOADED_WITH_ERRORS, 1));
		assertThat(UploadQuery.parse("Pusan", "REJECTED", "200"))
			.isEqualTo(new UploadQuery("Pusan", UploadStatus.REJECTED, 200));
	}

	@Test
	void rejectsAnUnknownStatusAndALimitOutOfRangeWithAMessage() {
		assertThatThrownBy(() -> UploadQuery.parse(null, "DONE", null)).isInstanceOf(UploadQuery.Invalid.class)
			.hasMessageContaining("'DONE'")
			.hasMessageContaining("RECEIVED, PROCESSING, LOADED, LOADED_WITH_ERRORS, REJECTED, FAILED");
		for (String limit : new String[] { "0", "201", "-1", "ten", "1.5", "99999999999" }) {
			assertThatThrownBy(() -> UploadQuery.parse(null, null, limit)).isInstanceOf(UploadQuery.Invalid.class)
				.hasMessageContaining("from 1 to 200");
		}
		assertThatThrownBy(() -> UploadQuery.parse("x".repeat(257), null, null))
			.isInstanceOf(UploadQuery.Invalid.class);
	}

}
