package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kinesis emulator as the local platform starts it (local/kinesis-emulator/server.js
 * around kinesalite).
 */
@ExtendWith(LocalAwsExtension.class)
class KinesisEmulatorIntegrationTests {

	@Test
	void aClientThatHangsUpMidRequestDoesNotEndTheEmulator(AwsEndpoints endpoints, LocalAwsClients aws,
			LocalResources resources) throws Exception {
		URI kinesis = endpoints.kinesis();
		// What a service killed in the middle of PutRecords leaves: half a body, then a
		// reset (SO_LINGER 0) instead of the rest. kinesalite alone rethrows that and
		// exits.
		try (Socket socket = new Socket(kinesis.getHost(), kinesis.getPort())) {
			socket.setSoLinger(true, 0);
			OutputStream out = socket.getOutputStream();
			out.write(("POST / HTTP/1.1\r\nHost: " + kinesis.getAuthority()
					+ "\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: Kinesis_20131202.PutRecords\r\n"
					+ "Content-Length: 100000\r\n\r\n{\"Records\":[")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(300);
		}
		Thread.sleep(500);

		assertThat(aws.kinesis().listStreams().streamNames()).contains(resources.recordsStream());
	}

}
