package com.retail.inventory.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an emulator that cuts the first connections after they have
 * carried a given number of bytes back to the client, with a reset, as a network does:
 * for tests that a service survives a connection dropped in the middle of a response.
 */
public final class CuttingProxy implements AutoCloseable {

	private final URI upstream;

	private final long cutAfterBytes;

	private final AtomicInteger cutsLeft;

	private final AtomicInteger cuts = new AtomicInteger();

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "cutting-proxy");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param upstream where to forward (http://host:port)
	 * @param cutAfterBytes bytes a cut connection carries back before it is reset
	 * @param connectionsToCut how many connections are cut (the first ones that carry
	 * that many bytes); later ones are left alone
	 */
	public CuttingProxy(URI upstream, long cutAfterBytes, int connectionsToCut) {
		this.upstream = upstream;
		this.cutAfterBytes = cutAfterBytes;
		this.cutsLeft = new AtomicInteger(connectionsToCut);
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads.execute(this::accept);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/** Connections cut so far. */
	public int cuts() {
		return this.cuts.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(this.upstream.getHost(), this.upstream.getPort());
				this.threads.execute(() -> pump(client, target, Long.MAX_VALUE));
				this.threads.execute(() -> pump(target, client, this.cutAfterBytes));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/**
	 * Copies one direction; a connection that may still be cut is reset after its budget.
	 */
	private void pump(Socket from, Socket to, long budget) {
		byte[] buffer = new byte[8192];
		long carried = 0;
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (budget != Long.MAX_VALUE && carried + n > budget && this.cutsLeft.getAndDecrement() > 0) {
					out.write(buffer, 0, (int) (budget - carried));
					out.flush();
					this.cuts.incrementAndGet();
					reset(to);
					reset(from);
					return;
				}
				out.write(buffer, 0, n);
				carried += n;
			}
		}
		catch (IOException ended) {
			// One side closed or was reset; the other pump ends too.
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ignored) {
			// Already gone.
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// Already gone.
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ignored) {
			// Closing anyway.
		}
		this.threads.shutdownNow();
	}

}
