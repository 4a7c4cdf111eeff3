package com.retail.inventory.local;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Asks a local HTTP endpoint for its status, to tell when a started process is listening
 * and ready.
 */
final class HttpProbe {

	private HttpProbe() {
	}

	/**
	 * @return the HTTP status, or -1 when nothing answers (yet)
	 */
	static int status(URI uri) {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setConnectTimeout(1000);
			connection.setReadTimeout(3000);
			try {
				return connection.getResponseCode();
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException notListening) {
			return -1;
		}
	}

}
