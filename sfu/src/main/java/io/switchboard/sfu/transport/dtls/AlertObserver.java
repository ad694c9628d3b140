package io.switchboard.sfu.transport.dtls;

/** Hears the alerts a peer sends, so the stack can tell a clean close from a failure. */
@FunctionalInterface
interface AlertObserver {
  void alertReceived(short alertDescription);
}
