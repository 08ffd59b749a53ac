package io.trawl.jobs.testing;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Copies every log event (formatted message, then each exception in the chain with its message)
 * into a buffer while open: what a user's log file would hold, for tests that scan it.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final StringBuilder sink;

  private LogCapture(StringBuilder sink) {
    super("trawl-test-capture", null, null, true, Property.EMPTY_ARRAY);
    this.sink = sink;
  }

  /** Attaches a capture to the root logger. */
  public static LogCapture start(StringBuilder sink) {
    LogCapture c = new LogCapture(sink);
    c.start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().addAppender(c, null, null);
    ctx.getConfiguration().getLoggers().values().forEach(l -> l.addAppender(c, null, null));
    ctx.updateLoggers();
    return c;
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder line = new StringBuilder();
    line.append(event.getLevel())
        .append(' ')
        .append(event.getLoggerName())
        .append(": ")
        .append(event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      line.append(" | ").append(t);
    }
    synchronized (sink) {
      sink.append(line).append('\n');
    }
  }

  @Override
  public void close() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().removeAppender(getName());
    ctx.getConfiguration().getLoggers().values().forEach(l -> l.removeAppender(getName()));
    ctx.updateLoggers();
    stop();
  }
}
