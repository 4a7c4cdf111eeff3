package com.retail.inventory.ops.scale;

import java.util.Map;

/**
 * The annotation that marks a Deployment paused by {@code kubectl inventory pause} and
 * keeps the replica count to go back to. Kept on the Deployment itself, so that any
 * operator (or a second terminal) sees that it is paused and by how much to resume.
 */
public final class PausedReplicas {

	public static final String ANNOTATION = "inventory.retail.com/paused-replicas";

	private PausedReplicas() {
	}

	/** The recorded replica count, or null when the annotations do not mark a pause. */
	public static Integer of(Map<String, String> annotations) {
		String value = (annotations != null) ? annotations.get(ANNOTATION) : null;
		if (value == null) {
			return null;
		}
		try {
			int replicas = Integer.parseInt(value.trim());
			if (replicas >= 0) {
				return replicas;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, as for a negative count.
		}
		throw new PauseRefusedException("annotation " + ANNOTATION + " is '" + value
				+ "', not a replica count: fix or remove it by hand (kubectl annotate deployment ...)");
	}

	public static String value(int replicas) {
		return String.valueOf(replicas);
	}

}
