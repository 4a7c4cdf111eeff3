package com.retail.inventory.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures the log events of a logger (and its children) with the MDC as it was when each
 * was logged, until closed.
 */
public final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final Level level;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
		@Override
		protected void append(ILoggingEvent event) {
			// The MDC is read lazily; read it now, on the logging thread (doAppend
			// holds the appender's lock, as events() does).
			event.prepareForDeferredProcessing();
			super.append(event);
		}
	};

	public LogCapture(Class<?> type, Level level) {
		this(type.getPackageName(), level);
	}

	public LogCapture(String name, Level level) {
		this.logger = (Logger) LoggerFactory.getLogger(name);
		this.level = this.logger.getLevel();
		this.logger.setLevel(level);
		this.appender.setContext(this.logger.getLoggerContext());
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/** The events so far, in order. */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

	/** The MDC of the first event whose message starts so. */
	public Map<String, String> mdcOf(String messageStart) {
		return events().stream()
			.filter((event) -> event.getFormattedMessage().startsWith(messageStart))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no log line starting with " + messageStart + " in " + events()))
			.getMDCPropertyMap();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
		this.logger.setLevel(this.level);
	}

}
