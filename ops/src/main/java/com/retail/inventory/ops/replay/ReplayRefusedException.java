package com.retail.inventory.ops.replay;

/**
 * A replay that stopped before or while changing anything, for a reason the operator can
 * act on (another replay running, pods not stopping): exit code 2.
 */
public class ReplayRefusedException extends RuntimeException {

	public ReplayRefusedException(String message) {
		super(message);
	}

}
