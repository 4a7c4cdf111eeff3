package com.retail.inventory.dashboard;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON API and CSV export over the {@link InventoryView} (never the table), for the
 * stores the user may see ({@link StoreAccess}): a bearer token or the web session. Every
 * answer has an entity tag of its content and {@code Cache-Control: no-cache};
 * {@code If-None-Match} with the current tag is answered 304 without a body, which for
 * the lists costs no serialization.
 */
@RestController
class InventoryApiController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private static final Pattern UNSAFE_FILENAME = Pattern.compile("[^A-Za-z0-9._-]+");

	private static final CsvExport<StoreSummary> STORES_CSV = CsvExport.of(StoreSummary.class)
		.column("store", StoreSummary::store)
		.column("items", StoreSummary::items)
		.column("outOfStock", StoreSummary::outOfStock)
		.column("lowStock", StoreSummary::lowStock)
		.column("units", StoreSummary::units)
		.column("updatedAt", StoreSummary::updatedAt);

	private static final CsvExport<ItemStock> ITEMS_CSV = CsvExport.of(ItemStock.class)
		.column("item", ItemStock::item)
		.column("count", ItemStock::count)
		.column("outOfStock", ItemStock::outOfStock)
		.column("level", ItemStock::level)
		.column("lowStock", ItemStock::lowStock)
		.column("updatedAt", ItemStock::updatedAt)
		.column("uploadId", ItemStock::uploadId);

	private static final CsvExport<StoreItemStock> ITEM_CSV = CsvExport.of(StoreItemStock.class)
		.column("store", StoreItemStock::store)
		.column("count", StoreItemStock::count)
		.column("outOfStock", StoreItemStock::outOfStock)
		.column("level", StoreItemStock::level)
		.column("lowStock", StoreItemStock::lowStock)
		.column("updatedAt", StoreItemStock::updatedAt);

	private static final CsvExport<Overview.Attention> ATTENTION_CSV = CsvExport.of(Overview.Attention.class)
		.column("store", Overview.Attention::store)
		.column("item", Overview.Attention::item)
		.column("count", Overview.Attention::count)
		.column("level", Overview.Attention::level)
		.column("updatedAt", Overview.Attention::updatedAt);

	private final InventoryView view;

	private final LastUploads lastUploads;

	private final JsonMapper json;

	InventoryApiController(InventoryView view, LastUploads lastUploads, JsonMapper json) {
		this.view = view;
		this.lastUploads = lastUploads;
		this.json = json;
	}

	/** Every store in scope with its totals, by name. */
	@GetMapping("/api/stores")
	ResponseEntity<byte[]> stores(StoreAccess access,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		ViewScope scope = scope(access);
		InventorySnapshot snapshot = this.view.snapshot();
		// Without making the body: 304 must be cheap.
		ResponseEntity<byte[]> notModified = notModified(ifNoneMatch, snapshot.summariesTag(scope));
		return (notModified != null) ? notModified : conditional(null, acceptEncoding, snapshot.summaries(scope));
	}

	/** One store's totals and its newest upload; 403 for another store, 404 unknown. */
	@GetMapping("/api/stores/{store}")
	ResponseEntity<byte[]> store(@PathVariable String store, StoreAccess access,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		StoreView view = storeView(store, access);
		byte[] body = this.json.writeValueAsBytes(StoreDetail.of(view.summary(), this.lastUploads.of(store)));
		return conditional(ifNoneMatch, acceptEncoding, Representation.of(body));
	}

	/** One store's items by name; 403 for another store, 404 unknown. */
	@GetMapping("/api/stores/{store}/items")
	ResponseEntity<byte[]> items(@PathVariable String store, StoreAccess access,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		return conditional(ifNoneMatch, acceptEncoding, storeView(store, access).itemsJson());
	}

	/** One item in every store in scope that has it, by store; 404 when none. */
	@GetMapping("/api/items/{item}")
	ResponseEntity<byte[]> item(@PathVariable String item, StoreAccess access,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		ViewScope scope = scope(access);
		byte[] body = this.json.writeValueAsBytes(itemRows(item, scope));
		return conditional(ifNoneMatch, acceptEncoding,
				new Representation(body, ETags.builder().add("item").add(scope.key()).add(body).etag()));
	}

	/** Totals of the stores in scope and the items that need attention. */
	@GetMapping("/api/overview")
	ResponseEntity<byte[]> overview(StoreAccess access,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		return conditional(ifNoneMatch, acceptEncoding, this.view.snapshot().overview(scope(access)));
	}

	@GetMapping("/api/stores.csv")
	ResponseEntity<byte[]> storesCsv(StoreAccess access) {
		ViewScope scope = scope(access);
		List<StoreSummary> rows = this.view.snapshot().stores(scope).stream().map(StoreView::summary).toList();
		return csv("stores.csv", STORES_CSV.write(rows));
	}

	@GetMapping("/api/stores/{store}/items.csv")
	ResponseEntity<byte[]> itemsCsv(@PathVariable String store, StoreAccess access) {
		return csv(store + "-items.csv", ITEMS_CSV.write(storeView(store, access).items()));
	}

	@GetMapping("/api/items/{item}.csv")
	ResponseEntity<byte[]> itemCsv(@PathVariable String item, StoreAccess access) {
		return csv("item-" + item + ".csv", ITEM_CSV.write(itemRows(item, scope(access))));
	}

	/**
	 * Every out-of-stock item, then every low one, of the stores in scope (all of them:
	 * the overview lists the first {@value Overview#MAX_ATTENTION}).
	 */
	@GetMapping("/api/attention.csv")
	ResponseEntity<byte[]> attentionCsv(StoreAccess access) {
		return csv("attention.csv", ATTENTION_CSV.write(this.view.snapshot().attention(scope(access))));
	}

	/** Before the first read of the table is done: try again shortly. */
	@ExceptionHandler(InventoryView.Loading.class)
	ResponseEntity<ProblemDetail> loading(InventoryView.Loading loading) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, loading.getMessage()));
	}

	private List<StoreItemStock> itemRows(String item, ViewScope scope) {
		List<StoreItemStock> rows = this.view.snapshot().item(item, scope);
		if (rows.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No store has item '" + item + "'");
		}
		return rows;
	}

	/**
	 * 403 for a store the user may not see (before 404: whether it exists is not told).
	 */
	private StoreView storeView(String store, StoreAccess access) {
		access.require(store);
		StoreView view = this.view.snapshot().store(store);
		if (view == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No inventory for store '" + store + "'");
		}
		return view;
	}

	/**
	 * @throws StoreAccess.Denied for a user in no dashboard group (403 with the reason),
	 * who would otherwise get empty lists
	 */
	private static ViewScope scope(StoreAccess access) {
		if (!access.any()) {
			// A user in no group is allowed no store: the reason is that they are in no
			// group.
			access.require(null);
		}
		return access.all() ? ViewScope.ALL : ViewScope.of(access.stores());
	}

	/**
	 * 304 when the client has the body (in either coding: the data is the same), else the
	 * body, gzip-compressed when the client accepts that and it is worth it.
	 */
	private static ResponseEntity<byte[]> conditional(String ifNoneMatch, String acceptEncoding, Representation body) {
		ResponseEntity<byte[]> notModified = notModified(ifNoneMatch, body.etag());
		if (notModified != null) {
			return notModified;
		}
		boolean gzip = gzip(acceptEncoding, body);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.eTag(gzip ? ETags.gzip(body.etag()) : body.etag())
			.cacheControl(CacheControl.noCache())
			.varyBy(HttpHeaders.ACCEPT_ENCODING)
			.contentType(MediaType.APPLICATION_JSON);
		if (gzip) {
			return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(body.gzipped());
		}
		return response.body(body.bytes());
	}

	/**
	 * Whether to send the body gzip-compressed (a client saying {@code gzip;q=0} is not
	 * asked).
	 */
	static boolean gzip(String acceptEncoding, Representation body) {
		if (acceptEncoding == null || !body.compressible()) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.strip().split(";");
			if (parts[0].strip().equalsIgnoreCase("gzip")) {
				return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

	/**
	 * @param etag the tag of the body as it is (its gzip coding has
	 * {@link ETags#gzip(String)})
	 * @return 304 with the tag the client has when it has the body in either coding (the
	 * data is the same), else null
	 */
	private static ResponseEntity<byte[]> notModified(String ifNoneMatch, String etag) {
		String has = ETags.matches(ifNoneMatch, etag) ? etag
				: ETags.matches(ifNoneMatch, ETags.gzip(etag)) ? ETags.gzip(etag) : null;
		if (has == null) {
			return null;
		}
		return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
			.eTag(has)
			.cacheControl(CacheControl.noCache())
			.varyBy(HttpHeaders.ACCEPT_ENCODING)
			.build();
	}

	private static ResponseEntity<byte[]> csv(String filename, byte[] body) {
		return ResponseEntity.ok()
			.eTag(ETags.builder().add("csv").add(body).etag())
			.cacheControl(CacheControl.noCache())
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(UNSAFE_FILENAME.matcher(filename).replaceAll("_"))
						.build()
						.toString())
			.body(body);
	}

}
