package com.retail.inventory.ops.dlq;

/**
 * What the uploads table says of an upload.
 *
 * @param status its {@code Status}, e.g. FAILED
 * @param reason its {@code Reason}, null when it has none
 */
public record UploadState(String status, String reason) {
}
