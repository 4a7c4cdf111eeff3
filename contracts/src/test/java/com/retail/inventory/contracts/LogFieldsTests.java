package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogFieldsTests {

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void aStoresFileNamesItsStore() {
		assertThat(LogFields.storeOf("stores/Berlin/2026-12-01.csv")).isEqualTo("Berlin");
		assertThat(LogFields.storeOf("stores/Berlin/a/b.csv")).isEqualTo("Berlin");
		assertThat(LogFields.storeOf("incoming/all-stores.csv")).isNull();
		assertThat(LogFields.storeOf("stores//x.csv")).isNull();
		assertThat(LogFields.storeOf("stores/Berlin.csv")).isNull();
	}

	@Test
	void anUploadsFieldsHoldUntilTheScopeIsClosed() {
		UploadRef upload = UploadRef.of("b", "stores/Berlin/a.csv", "v1", "e", "01", null);
		try (LogFields.Scope scope = LogFields.upload(upload)) {
			assertThat(MDC.get(LogFields.UPLOAD_ID)).isEqualTo("b/stores/Berlin/a.csv?versionId=v1");
			assertThat(MDC.get(LogFields.OBJECT_KEY)).isEqualTo("stores/Berlin/a.csv");
			assertThat(MDC.get(LogFields.STORE)).isEqualTo("Berlin");
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void closingRestoresWhatAnOuterScopeSetAndANullHidesIt() {
		try (LogFields.Scope batch = LogFields.scope()
			.with(LogFields.SHARD, "shard-1")
			.with(LogFields.STORE, "Berlin")) {
			try (LogFields.Scope record = LogFields.scope()
				.with(LogFields.STORE, null)
				.with(LogFields.UPLOAD_ID, "u")) {
				assertThat(MDC.get(LogFields.STORE)).isNull();
				assertThat(MDC.get(LogFields.SHARD)).isEqualTo("shard-1");
				assertThat(MDC.get(LogFields.UPLOAD_ID)).isEqualTo("u");
			}
			assertThat(MDC.get(LogFields.STORE)).isEqualTo("Berlin");
			assertThat(MDC.get(LogFields.UPLOAD_ID)).isNull();
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

}
