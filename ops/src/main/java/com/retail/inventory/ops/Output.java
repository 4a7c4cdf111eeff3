package com.retail.inventory.ops;

/** The output formats of the commands that print a report ({@code -o table|json}). */
enum Output {

	table, json

}
