package com.retail.inventory.ops.status;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every shard of every consumer group, with the worker holding it (two replicas show as
 * two owners sharing the shards). Unhealthy when a shard is behind more than
 * {@code maxBehind}.
 *
 * @param maxBehindMillis the threshold ({@code --max-behind})
 * @param recordsBound the most records counted per shard ({@code --scan-limit})
 * @param shards one row per group and shard
 */
public record ConsumerLag(long maxBehindMillis, long recordsBound, List<ShardLag> shards) implements SectionResult {

	public static final String NAME = "consumerLag";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "Consumer lag";
	}

	@Override
	public Health health() {
		return problems().isEmpty() ? Health.OK : Health.UNHEALTHY;
	}

	@Override
	public List<String> problems() {
		Duration max = Duration.ofMillis(this.maxBehindMillis);
		return this.shards.stream().map((s) -> s.problem(max)).filter(Objects::nonNull).toList();
	}

	@Override
	public List<Table> tables() {
		return List.of(new Table("", List.of("GROUP", "STREAM", "SHARD", "OWNER", "CHECKPOINT", "BEHIND", "RECORDS"),
				this.shards.stream()
					.map((s) -> List.of(s.group(), s.stream(), s.shard(), (s.owner() != null) ? s.owner() : "-",
							abbreviate(s.checkpoint()), s.behindText(), s.recordsText()))
					.toList()));
	}

	@Override
	public Object data() {
		return this;
	}

	/**
	 * Sequence numbers run to 56 digits; the end tells them apart (JSON has them in
	 * full). KCL's sentinels (TRIM_HORIZON, SHARD_END, ...) are short and shown as they
	 * are.
	 */
	static String abbreviate(String sequence) {
		if (sequence == null) {
			return "(none: TRIM_HORIZON)";
		}
		return (sequence.length() > 16) ? "…" + sequence.substring(sequence.length() - 15) : sequence;
	}

}
