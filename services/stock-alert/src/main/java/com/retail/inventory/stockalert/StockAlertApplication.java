package com.retail.inventory.stockalert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Watches {@code inventory-changes} and alerts when an item runs out of stock. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StockAlertApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockAlertApplication.class, args);
	}

}
