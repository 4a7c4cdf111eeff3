package com.retail.inventory.loader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Loads {@code inventory-records} events into the {@code Inventory} table. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaderApplication {

	public static void main(String[] args) {
		SpringApplication.run(LoaderApplication.class, args);
	}

}
