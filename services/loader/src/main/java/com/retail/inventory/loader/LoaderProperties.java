package com.retail.inventory.loader;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param table the DynamoDB table holding current stock (key Store + Item, attribute
 * Count)
 */
@Validated
@ConfigurationProperties("inventory.loader")
public record LoaderProperties(@NotBlank String table) {
}
