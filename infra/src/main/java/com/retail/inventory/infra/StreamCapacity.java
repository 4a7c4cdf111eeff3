package com.retail.inventory.infra;

import java.util.Locale;

/**
 * How the Kinesis streams are billed. Provisioned (the default) costs one shard-hour per
 * shard, about a third of an on-demand stream's hourly charge, and is the cheaper choice
 * while the platform is mostly idle; on-demand removes capacity planning for spiky upload
 * days.
 */
public enum StreamCapacity {

	PROVISIONED, ON_DEMAND;

	static StreamCapacity parse(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "provisioned" -> PROVISIONED;
			case "on-demand", "on_demand", "ondemand" -> ON_DEMAND;
			default -> throw new IllegalArgumentException(
					"streamCapacity must be 'provisioned' or 'on-demand', not '" + value + "'");
		};
	}

}
