package io.switchboard.sip.transport;

/** An opaque reference to a server transaction, to answer its request with. */
public interface ServerTransactionHandle {
  /** The method of the request that created the transaction. */
  String method();
}
