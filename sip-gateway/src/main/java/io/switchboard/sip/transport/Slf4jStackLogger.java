package io.switchboard.sip.transport;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's own logging to SLF4J. Without it the stack loads log4j 1.x, which the
 * jar does not bring, and {@code createSipStack} fails. Instantiated by the stack by class name.
 */
public final class Slf4jStackLogger implements StackLogger {
  private static final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

  public Slf4jStackLogger() {}

  @Override
  public void logStackTrace() {}

  @Override
  public void logStackTrace(int traceLevel) {}

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable throwable) {
    log.warn("JAIN-SIP exception", throwable);
  }

  @Override
  public void logDebug(String message) {
    log.debug(message);
  }

  @Override
  public void logDebug(String message, Exception exception) {
    log.debug(message, exception);
  }

  @Override
  public void logTrace(String message) {
    log.trace(message);
  }

  @Override
  public void logFatalError(String message) {
    log.error(message);
  }

  @Override
  public void logError(String message) {
    log.error(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public boolean isLoggingEnabled(int logLevel) {
    if (logLevel >= TRACE_TRACE) {
      return log.isTraceEnabled();
    }
    if (logLevel >= TRACE_DEBUG) {
      return log.isDebugEnabled();
    }
    if (logLevel >= TRACE_INFO) {
      return log.isInfoEnabled();
    }
    if (logLevel >= TRACE_WARN) {
      return log.isWarnEnabled();
    }
    return log.isErrorEnabled();
  }

  @Override
  public void logError(String message, Exception exception) {
    log.error(message, exception);
  }

  @Override
  public void logWarning(String message) {
    // The stack warns at start-up about TLS settings we do not use; keep warnings at INFO.
    log.info(message);
  }

  @Override
  public void logInfo(String message) {
    log.info(message);
  }

  @Override
  public void disableLogging() {}

  @Override
  public void enableLogging() {}

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {}

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public String getLoggerName() {
    return log.getName();
  }
}
