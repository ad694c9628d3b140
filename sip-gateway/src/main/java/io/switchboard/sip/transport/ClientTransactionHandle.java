package io.switchboard.sip.transport;

/** An opaque reference to a request we sent; its responses and timeout name it. */
public interface ClientTransactionHandle {
  String method();
}
