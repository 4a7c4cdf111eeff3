package com.retail.inventory.local;

/** The documented local ports. */
public final class ServicePorts {

	public static final int MOTO = 4566;

	public static final int KINESIS = 4568;

	public static final int DASHBOARD = 8080;

	public static final int INGEST = 8081;

	public static final int LOADER = 8082;

	public static final int STOCK_ALERT = 8083;

	private ServicePorts() {
	}

}
