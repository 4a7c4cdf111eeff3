package com.retail.inventory.images;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's image as {@code jib:buildTar} left it: the archive
 * {@code target/jib-image.tar} and, in {@code target/jib-image.json}, the reference and
 * image ID Jib gave it.
 *
 * @param service the service (its artifactId), e.g. {@code stock-alert}
 * @param tar the image archive
 * @param reference {@code <registry>/inventory-<service>:<tag>}, the name the image is
 * loaded under
 * @param imageId the image's config digest, what a container runtime calls its image ID
 */
record ServiceImage(String service, Path tar, String reference, String imageId) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ServiceImage builtFor(Path repositoryRoot, String service) {
		Path target = repositoryRoot.resolve("services").resolve(service).resolve("target");
		Path tar = target.resolve("jib-image.tar");
		Path metadata = target.resolve("jib-image.json");
		if (!Files.isRegularFile(tar) || !Files.isRegularFile(metadata)) {
			throw new IllegalStateException("No image of " + service + " at " + tar
					+ "; build it with ./mvnw -Poffline-images -pl services/" + service + " package");
		}
		JsonNode json = JSON.readTree(metadata.toFile());
		return new ServiceImage(service, tar, json.get("image").asString(), json.get("imageId").asString());
	}

	/** The reference without its tag: {@code <registry>/inventory-<service>}. */
	String repository() {
		return reference.substring(0, reference.lastIndexOf(':'));
	}

	/** The tag part of the reference. */
	String tag() {
		return reference.substring(reference.lastIndexOf(':') + 1);
	}
}
