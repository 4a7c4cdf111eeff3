package com.retail.inventory.ops;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's version (its manifest), "dev" when run from classes. */
final class ImplementationVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = InventoryCommand.class.getPackage().getImplementationVersion();
		return new String[] { "kubectl-inventory " + ((version != null) ? version : "dev") };
	}

}
