package com.retail.inventory.dashboard;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.retail.inventory.contracts.UploadReport;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The API's parameters and answers, without AWS or security (the integration tests cover
 * those).
 */
class UploadsApiControllerTests {

	private static final String UPLOAD_ID = "inventory-uploads/stores/a.csv#etag@2026-12-02T10:00:00Z";

	private final UploadRepository repository = mock(UploadRepository.class);

	private final UploadReports reports = mock(UploadReports.class);

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new UploadsApiController(new Uploads(repository, reports)))
		.setCustomArgumentResolvers(new StoreAccessArgumentResolver())
		.setControllerAdvice(new StoreAccessAdvice())
		.defaultRequest(get("/").principal(TestUsers.headOffice("boss")))
		.build();

	private static UploadSummary summary() {
		return new UploadSummary(UploadIds.encode(UPLOAD_ID), UPLOAD_ID, "inventory-uploads", "stores/a.csv",
				"LOADED_WITH_ERRORS", null, List.of("Berlin"), 1L, 3L, 2L, 1L, 2L, 0L, 0L, "2026-12-02T10:00:00Z", null,
				null, "reports/stores/a.csv.json");
	}

	@Test
	void listsWithTheParsedQuery() throws Exception {
		when(repository.latest(new UploadQuery("Berlin", null, 5))).thenReturn(List.of(summary()));

		mvc.perform(get("/api/uploads").param("store", "Berlin").param("limit", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(UploadIds.encode(UPLOAD_ID)))
			.andExpect(jsonPath("$[0].uploadId").value(UPLOAD_ID))
			.andExpect(jsonPath("$[0].stores[0]").value("Berlin"))
			.andExpect(jsonPath("$[0].rowsTotal").value(3))
			.andExpect(jsonPath("$[0].reason").value(Matchers.nullValue()))
			.andExpect(jsonPath("$[0].startedAt").value(Matchers.nullValue()));
	}

	@Test
	void answers400WithAMessageForAnUnknownStatusOrALimitOutOfRange() throws Exception {
		mvc.perform(get("/api/uploads").param("status", "DONE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("Unknown status 'DONE'")));
		mvc.perform(get("/api/uploads").param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("from 1 to 200")));
		mvc.perform(get("/api/uploads").param("limit", "201")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/uploads").param("limit", "many")).andExpect(status().isBadRequest());
		verifyNoInteractions(repository);
	}

	@Test
	void answers404ForAnInvalidOrUnknownId() throws Exception {
		when(repository.find(any())).thenReturn(Optional.empty());

		mvc.perform(get("/api/uploads/{id}", "not*base64"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("is not an upload id")));
		mvc.perform(get("/api/uploads/{id}", UploadIds.encode("inventory-uploads/nothing")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("No upload with id")));
	}

	@Test
	void showsAnUploadWithItsReportOrSaysThereIsNone() throws Exception {
		when(repository.find(UPLOAD_ID)).thenReturn(Optional.of(summary()));
		when(reports.of(summary())).thenReturn(
				Optional.of(new UploadReport(UPLOAD_ID, "inventory-uploads", "stores/a.csv", "LOADED_WITH_ERRORS", null,
						3, 2, 1, 2, List.of(new UploadReport.RowError(3, 2, "count is not a number", "Berlin,Echo,x")),
						false, List.of("column price ignored"), "2026-12-02T10:00:01Z", null)));

		mvc.perform(get("/api/uploads/{id}", UploadIds.encode(UPLOAD_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.uploadId").value(UPLOAD_ID))
			.andExpect(jsonPath("$.rowsRejected").value(1))
			.andExpect(jsonPath("$.summary").doesNotExist())
			.andExpect(jsonPath("$.reportAvailable").value(true))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].text").value("Berlin,Echo,x"))
			.andExpect(jsonPath("$.errorsTruncated").value(false))
			.andExpect(jsonPath("$.warningsList[0]").value("column price ignored"));

		when(reports.of(summary())).thenReturn(Optional.empty());
		mvc.perform(get("/api/uploads/{id}", UploadIds.encode(UPLOAD_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reportAvailable").value(false))
			.andExpect(jsonPath("$.errors").isEmpty())
			.andExpect(jsonPath("$.warningsList").isEmpty());
	}

	@Test
	void storeManagersSeeOnlyUploadsNamingTheirStores() throws Exception {
		UploadSummary calcutta = new UploadSummary(UploadIds.encode("b/c.csv#e@t"), "b/c.csv#e@t", "b", "c.csv",
				"LOADED", null, List.of("Calcutta"), 1L, 1L, 1L, 0L, 1L, 0L, 0L, "2026-12-02T10:00:00Z", null, null,
				null);
		UploadSummary unread = new UploadSummary(UploadIds.encode("b/d.csv#e@t"), "b/d.csv#e@t", "b", "d.csv",
				"RECEIVED", null, List.of(), null, null, null, null, null, null, null, "2026-12-02T10:00:00Z", null,
				null, null);
		when(repository.latest(new UploadQuery(null, null, 50))).thenReturn(List.of(summary(), calcutta, unread));
		when(repository.find("b/c.csv#e@t")).thenReturn(Optional.of(calcutta));
		CognitoAuthentication manager = TestUsers.storeManager("manager", "Berlin,Pusan");

		mvc.perform(get("/api/uploads").principal(manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].uploadId").value(UPLOAD_ID));
		mvc.perform(get("/api/uploads")).andExpect(jsonPath("$.length()").value(3));
		mvc.perform(get("/api/uploads").param("store", "Calcutta").principal(manager))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.error").value("Forbidden"))
			.andExpect(jsonPath("$.message").value(Matchers.containsString("'Calcutta'")));
		mvc.perform(get("/api/uploads/{id}", UploadIds.encode("b/c.csv#e@t")).principal(manager))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(Matchers.containsString("none of your stores")));
	}

}
