package io.switchboard.server;

/** Sets up slf4j-simple before the first logger exists. */
final class Logging {
  private Logging() {}

  static void configure(String level) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    System.setProperty("org.slf4j.simpleLogger.log.gov.nist", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
  }
}
