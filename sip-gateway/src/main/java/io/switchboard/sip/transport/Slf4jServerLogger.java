package io.switchboard.sip.transport;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every SIP message at TRACE under {@code io.switchboard.sip.wire}; silent otherwise. */
public final class Slf4jServerLogger implements ServerLogger {
  private static final Logger wire = LoggerFactory.getLogger("io.switchboard.sip.wire");

  public Slf4jServerLogger() {}

  @Override
  public void closeLogFile() {}

  @Override
  public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    if (wire.isTraceEnabled()) {
      wire.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
    }
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
    logMessage(message, from, to, sender, time);
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
    logMessage(message, from, to, sender, 0);
  }

  @Override
  public void logException(Exception exception) {
    wire.debug("JAIN-SIP exception", exception);
  }

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public void setSipStack(SipStack sipStack) {}
}
