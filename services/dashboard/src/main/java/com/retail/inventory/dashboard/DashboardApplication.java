package com.retail.inventory.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Web UI and JSON API over the Inventory table, for signed-in Cognito users only. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(DashboardApplication.class, args);
	}

}
