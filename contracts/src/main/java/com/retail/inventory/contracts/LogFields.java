package com.retail.inventory.contracts;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.MDC;

/**
 * The log fields that let one upload be followed through every service: put into the MDC
 * while an upload, a batch or a record is handled, so each log line written meanwhile
 * carries them. Spring Boot's structured logging writes MDC entries as fields; ECS nests
 * dotted names ({@code upload.id} becomes {@code "upload":{"id":...}}), Logstash keeps
 * them flat. One definition, so a query for an upload id finds it in every service.
 */
public final class LogFields {

	/** {@link UploadRef#id()}: the uploads table's key and the report's uploadId. */
	public static final String UPLOAD_ID = "upload.id";

	/** The uploaded object's (decoded) S3 key. */
	public static final String OBJECT_KEY = "upload.key";

	/**
	 * The store a line is about: the store whose file is processed (ingest, the loader
	 * finishing an upload), or the store of the record or alert (loader dead letters,
	 * stock-alert).
	 */
	public static final String STORE = "store";

	/** The Kinesis shard whose batch is processed (loader, stock-alert). */
	public static final String SHARD = "shard";

	private static final String STORES_PREFIX = "stores/";

	private LogFields() {
	}

	/**
	 * @param key an uploaded object's key
	 * @return the store a key under {@code stores/<store>/} belongs to, else null (e.g. a
	 * head-office file naming many stores)
	 */
	public static String storeOf(String key) {
		if (key == null || !key.startsWith(STORES_PREFIX)) {
			return null;
		}
		int end = key.indexOf('/', STORES_PREFIX.length());
		return (end > STORES_PREFIX.length()) ? key.substring(STORES_PREFIX.length(), end) : null;
	}

	/**
	 * @return an empty scope, to fill with {@link Scope#with}; use it in
	 * try-with-resources
	 */
	public static Scope scope() {
		return new Scope();
	}

	/**
	 * @param upload an upload
	 * @return a scope with its id, its key, and its store when it is a store's file
	 */
	public static Scope upload(UploadRef upload) {
		return scope().with(UPLOAD_ID, upload.id()).with(OBJECT_KEY, upload.key()).with(STORE, storeOf(upload.key()));
	}

	/**
	 * MDC entries that hold until the scope is closed; closing restores what each key
	 * held before (nothing, usually). Threads are pooled and reused (SQS listeners,
	 * binder consumers), so a scope left open would label another upload's lines: always
	 * open one in try-with-resources.
	 */
	public static final class Scope implements AutoCloseable {

		private final Deque<String[]> previous = new ArrayDeque<>();

		private Scope() {
		}

		/**
		 * Sets a field for this scope.
		 * @param name the field (one of this class's constants)
		 * @param value its value; null removes the field for this scope (an outer value
		 * would describe something else)
		 * @return this scope
		 */
		public Scope with(String name, String value) {
			this.previous.push(new String[] { name, MDC.get(name) });
			if (value != null) {
				MDC.put(name, value);
			}
			else {
				MDC.remove(name);
			}
			return this;
		}

		@Override
		public void close() {
			while (!this.previous.isEmpty()) {
				String[] entry = this.previous.pop();
				if (entry[1] != null) {
					MDC.put(entry[0], entry[1]);
				}
				else {
					MDC.remove(entry[0]);
				}
			}
		}

	}

}
