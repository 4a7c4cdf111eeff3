package com.retail.inventory.dashboard;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The thresholds API's rules and answers, without AWS or the security filters (the
 * integration tests cover those).
 */
class ThresholdsApiControllerTests {

	private final ThresholdRepository repository = mock(ThresholdRepository.class);

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new ThresholdsApiController(repository, new HeadOffice("head-office")))
		.setCustomArgumentResolvers(new StoreAccessArgumentResolver())
		.setControllerAdvice(new StoreAccessAdvice())
		.build();

	private static CognitoAuthentication user(String name, String... groups) {
		return TestUsers.user(name, "Berlin", groups);
	}

	@Test
	void listsWithNullForAll() throws Exception {
		when(repository.all()).thenReturn(List.of(new Threshold(null, null, 10, "2026-12-02T10:00:00Z", "ops-demo"),
				new Threshold("Berlin", "Echo Dot", 5, null, null)));

		mvc.perform(get("/api/thresholds").principal(user("boss", "head-office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].store").value(Matchers.nullValue()))
			.andExpect(jsonPath("$[0].item").value(Matchers.nullValue()))
			.andExpect(jsonPath("$[0].lowStock").value(10))
			.andExpect(jsonPath("$[0].updatedBy").value("ops-demo"))
			.andExpect(jsonPath("$[0].key").doesNotExist())
			.andExpect(jsonPath("$[0].describe").doesNotExist())
			.andExpect(jsonPath("$[1].store").value("Berlin"))
			.andExpect(jsonPath("$[1].item").value("Echo Dot"));
	}

	@Test
	void headOfficeSetsAThresholdAsThemselves() throws Exception {
		ThresholdRequest request = new ThresholdRequest(new ThresholdKey("Berlin", null), 5);
		when(repository.put(request, "boss"))
			.thenReturn(new Threshold("Berlin", null, 5, "2026-12-02T10:00:00Z", "boss"));

		mvc.perform(put("/api/thresholds").principal(user("boss", "head-office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"store\": \"Berlin\", \"item\": null, \"lowStock\": 5}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.store").value("Berlin"))
			.andExpect(jsonPath("$.item").value(Matchers.nullValue()))
			.andExpect(jsonPath("$.updatedBy").value("boss"));
		verify(repository).put(request, "boss");
	}

	@Test
	void othersMayNotChangeThresholds() throws Exception {
		mvc.perform(put("/api/thresholds").principal(user("manager", "store-managers"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"store\": \"Berlin\", \"lowStock\": 5}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("not in the Cognito group 'head-office'")));
		mvc.perform(delete("/api/thresholds").param("store", "Berlin").principal(user("clerk")))
			.andExpect(status().isForbidden());
		verifyNoInteractions(repository);
	}

	@Test
	void answers400WithAMessageForAnInvalidBody() throws Exception {
		for (String body : List.of("{\"lowStock\": 0}", "{\"lowStock\": 5.5}", "{\"lowStock\": \"5\"}",
				"{\"lowStock\": 1000000001}")) {
			mvc.perform(put("/api/thresholds").principal(user("boss", "head-office"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("lowStock must be")));
		}
		mvc.perform(put("/api/thresholds").principal(user("boss", "head-office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"store\": \"*\", \"lowStock\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("store cannot be '*': use null (leave it out) for all stores"));
		for (String body : List.of("not json", "[5]", "")) {
			mvc.perform(put("/api/thresholds").principal(user("boss", "head-office"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("must be a JSON object")));
		}
		verifyNoInteractions(repository);
	}

	@Test
	void deletesByQueryParametersOrBodyAndSaysWhenThereWasNone() throws Exception {
		when(repository.delete(new ThresholdKey("Berlin", "Echo Dot"))).thenReturn(true);
		when(repository.delete(new ThresholdKey(null, null))).thenReturn(false);

		mvc.perform(delete("/api/thresholds").param("store", "Berlin")
			.param("item", "Echo Dot")
			.principal(user("boss", "head-office"))).andExpect(status().isNoContent());
		mvc.perform(delete("/api/thresholds").principal(user("boss", "head-office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"store\": \"Berlin\", \"item\": \"Echo Dot\"}")).andExpect(status().isNoContent());
		mvc.perform(delete("/api/thresholds").principal(user("boss", "head-office")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No threshold for all items in all stores"));
		mvc.perform(delete("/api/thresholds").param("store", "Berlin")
			.principal(user("boss", "head-office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"store\": \"Berlin\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("not both")));
		mvc.perform(delete("/api/thresholds").param("store", "").principal(user("boss", "head-office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("store must not be blank")));
		verify(repository, times(3)).delete(any());
	}

	@Test
	void storeManagersSeeTheThresholdsOfTheirStoresAndThoseForAll() throws Exception {
		when(repository.all()).thenReturn(List.of(new Threshold(null, null, 10, null, null),
				new Threshold(null, "Echo Dot", 7, null, null), new Threshold("Berlin", null, 3, null, null),
				new Threshold("Calcutta", "Echo Dot", 5, null, null), new Threshold("berlin", null, 4, null, null)));

		mvc.perform(get("/api/thresholds").principal(TestUsers.storeManager("manager", " Berlin ,, Pusan")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[2].store").value("Berlin"));
		mvc.perform(get("/api/thresholds").principal(user("boss", "head-office")))
			.andExpect(jsonPath("$.length()").value(5));
	}

}
