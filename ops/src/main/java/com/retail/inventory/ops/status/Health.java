package com.retail.inventory.ops.status;

/**
 * How a section of {@code status} (or the whole report) stands, in order of severity. The
 * exit codes are the command's contract with scripts.
 */
public enum Health {

	/** Nothing wrong found. Exit code 0. */
	OK(0),

	/** Something needs attention (a rule of the section is broken). Exit code 1. */
	UNHEALTHY(1),

	/**
	 * The section could not be read (no cluster, no AWS credentials, a missing resource):
	 * its state is unknown. Exit code 2, as for a usage error, because a script cannot
	 * tell healthy from broken then.
	 */
	UNKNOWN(2);

	private final int exitCode;

	Health(int exitCode) {
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

	/** The more severe of the two. */
	public Health and(Health other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
