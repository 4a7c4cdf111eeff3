package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.local.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LastUploadsTests {

	@Test
	void looksAStoreUpAtMostOncePerTtlAndRemembersThatItHasNone() {
		MutableClock clock = new MutableClock();
		List<String> lookups = new ArrayList<>();
		StoreDetail.LastUpload upload = new StoreDetail.LastUpload("id", "stores/Berlin/a.csv", "LOADED", "t1", "t2");
		LastUploads lastUploads = new LastUploads((store) -> {
			lookups.add(store);
			return store.equals("Berlin") ? Optional.of(upload) : Optional.empty();
		}, Duration.ofSeconds(10), clock);

		assertThat(lastUploads.of("Berlin")).isEqualTo(upload);
		assertThat(lastUploads.of("Pusan")).isNull();
		clock.advance(Duration.ofSeconds(9));
		assertThat(lastUploads.of("Berlin")).isEqualTo(upload);
		assertThat(lastUploads.of("Pusan")).isNull();
		assertThat(lookups).containsExactly("Berlin", "Pusan");
		clock.advance(Duration.ofSeconds(1));
		lastUploads.of("Berlin");
		assertThat(lookups).containsExactly("Berlin", "Pusan", "Berlin");
	}

}
