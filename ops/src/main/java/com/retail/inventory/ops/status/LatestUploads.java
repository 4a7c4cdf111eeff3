package com.retail.inventory.ops.status;

import java.util.List;
import java.util.Objects;

/**
 * The newest uploads, newest first. Informational: a FAILED or REJECTED upload is shown
 * (with its reason) but does not make the status unhealthy, since the dead-letter queues
 * and the upload report already carry those.
 *
 * @param uploads newest first
 */
public record LatestUploads(List<UploadRow> uploads) implements SectionResult {

	public static final String NAME = "uploads";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "Last uploads";
	}

	@Override
	public Health health() {
		return Health.OK;
	}

	@Override
	public List<String> problems() {
		return List.of();
	}

	@Override
	public List<Table> tables() {
		return List.of(new Table("",
				List.of("RECEIVED", "KEY", "STATUS", "ROWS", "LOADED", "REJECTED", "STORES", "FINISHED", "REASON"),
				this.uploads.stream()
					.map((u) -> List.of(text(u.receivedAt()), text(u.key()), text(u.status()), text(u.rowsTotal()),
							text(u.rowsLoaded()), text(u.rowsRejected()), stores(u.stores()), text(u.finishedAt()),
							text(u.reason())))
					.toList()));
	}

	@Override
	public Object data() {
		return this;
	}

	private static String stores(List<String> stores) {
		if (stores.isEmpty()) {
			return "-";
		}
		return (stores.size() <= 3) ? String.join(",", stores)
				: String.join(",", stores.subList(0, 3)) + " +" + (stores.size() - 3);
	}

	private static String text(Object value) {
		return Objects.toString(value, "-");
	}

}
