package com.retail.inventory.ops.replay;

/**
 * What a replay did, or would do, to one shard's lease.
 *
 * @param shard the shard id
 * @param before the lease's checkpoint before, null when the shard has no lease
 * @param after the checkpoint written (or to be written)
 * @param outcome what happened
 */
public record CheckpointChange(String shard, String before, String after, Outcome outcome) {

	/** What happened to the lease. */
	public enum Outcome {

		/** Written. */
		MOVED("moved"),

		/** --dry-run: would be written. */
		WOULD_MOVE("would move"),

		/** No lease item: none is created, KCL's initial position applies. */
		NO_LEASE("no lease: none created, the consumer's initial position applies"),

		/** The lease changed after it was read: not overwritten. */
		CHANGED_MEANWHILE("lease changed meanwhile: not overwritten");

		private final String text;

		Outcome(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

	}

	/** {@code shardId-000000000000  4962…0001 → TRIM_HORIZON  moved}. */
	public String line() {
		return this.shard + "  " + ((this.before != null) ? this.before : "(none)") + " → " + this.after + "  "
				+ this.outcome.text();
	}

}
