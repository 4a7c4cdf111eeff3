package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading report objects (from S3 on the emulator in DashboardIntegrationTests). */
class UploadReportsTests {

	@Test
	void readsFieldsAddedLaterAndRefusesWhatIsNotAReport() {
		String json = """
				{"uploadId":"b/k#e","bucket":"b","key":"k","status":"LOADED","rowsTotal":1,"rowsAccepted":1,
				 "rowsRejected":0,"rowsLoaded":1,"errors":[],"errorsTruncated":false,"warnings":[],"later":true}""";
		assertThat(UploadReports.parse(json.getBytes(StandardCharsets.UTF_8), "b", "k"))
			.hasValueSatisfying((report) -> assertThat(report.status()).isEqualTo("LOADED"));
		assertThat(UploadReports.parse("<html>".getBytes(StandardCharsets.UTF_8), "b", "k")).isEmpty();
	}

}
