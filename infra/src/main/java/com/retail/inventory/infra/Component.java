package com.retail.inventory.infra;

/**
 * The platform's services that call AWS, each running in EKS as its own Kubernetes
 * ServiceAccount with its own IAM role (IRSA). The ServiceAccount name is the service's
 * name; the Helm chart uses the same names.
 */
public enum Component {

	INGEST("ingest", "Ingest"), LOADER("loader", "Loader"), STOCK_ALERT("stock-alert", "StockAlert"),
	DASHBOARD("dashboard", "Dashboard");

	private final String serviceName;

	private final String pascalName;

	Component(String serviceName, String pascalName) {
		this.serviceName = serviceName;
		this.pascalName = pascalName;
	}

	/**
	 * The service's name: its Helm component key and its Kubernetes ServiceAccount name.
	 */
	public String serviceName() {
		return serviceName;
	}

	public String serviceAccountName() {
		return serviceName;
	}

	/** Construct ids and output keys must be alphanumeric. */
	public String pascalName() {
		return pascalName;
	}

}
