package com.retail.inventory.helm;

import java.nio.file.Path;
import java.util.Optional;

/** The three values files the chart ships and every check runs against. */
enum ValuesSet {

	/** values.yaml alone: safe defaults. */
	DEFAULT(null),

	/** values-local.yaml on top: local Kubernetes against the AWS emulators. */
	LOCAL("values-local.yaml"),

	/** values-prod.yaml on top: the example production install (Ingress, KEDA). */
	PROD("values-prod.yaml");

	private final String file;

	ValuesSet(String file) {
		this.file = file;
	}

	/** The overlay file in the chart directory, if any (values.yaml always applies). */
	Optional<Path> overlay(Path chartDir) {
		return Optional.ofNullable(file).map(chartDir::resolve);
	}

}
