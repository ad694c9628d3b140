package io.switchboard.server.config;

/** A configuration that cannot be used; the message says what to change. */
public final class ConfigException extends Exception {
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
