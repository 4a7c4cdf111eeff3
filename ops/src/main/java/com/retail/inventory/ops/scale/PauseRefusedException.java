package com.retail.inventory.ops.scale;

/** The pause or resume was not done, and nothing was changed; the message says why. */
public final class PauseRefusedException extends RuntimeException {

	public PauseRefusedException(String message) {
		super(message);
	}

}
