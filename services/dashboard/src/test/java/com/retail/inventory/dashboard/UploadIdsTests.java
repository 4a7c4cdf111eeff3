package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class UploadIdsTests {

	@Test
	void encodesUploadIdsAsUnpaddedUrlSafeBase64AndBack() {
		for (String uploadId : new String[] { "inventory-uploads/stores/Berlin/a.csv#etag@2026-12-02T10:00:00Z",
				"inventory-uploads/stores/München/ä ö.csv?versionId=v+1/2", "b/k", "b/??>>" }) {
			String id = UploadIds.encode(uploadId);
			assertThat(id).matches("[A-Za-z0-9_-]+");
			assertThat(UploadIds.decode(id)).contains(uploadId);
		}
	}

	@Test
	void rejectsWhatIsNotAnEncodedId() {
		assertThat(UploadIds.decode(null)).isEmpty();
		assertThat(UploadIds.decode("")).isEmpty();
		// A single character is not a whole byte.
		assertThat(UploadIds.decode("a")).isEmpty();
		// Padding, standard base64 and other characters are not what encode makes.
		assertThat(UploadIds.decode("YQ==")).isEmpty();
		assertThat(UploadIds.decode("a+b/")).isEmpty();
		assertThat(UploadIds.decode("!!!")).isEmpty();
		// Bytes that are not UTF-8.
		String latin1 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] { 'M', (byte) 0xFC, 'n' });
		assertThat(UploadIds.decode(latin1)).isEmpty();
	}

}
