package io.switchboard.sip.transport;

import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * The JAIN-SIP objects behind our handles. Equal when they wrap the same library object, so a
 * handle from a later event (a timeout) matches the one a call kept.
 */
final class JainHandles {
  private JainHandles() {}

  static final class Server implements ServerTransactionHandle {
    final ServerTransaction transaction;
    final String method;
    /** Our To tag for dialog-creating responses: one per transaction, so 180 and 200 agree. */
    final String localTag = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

    Server(ServerTransaction transaction, String method) {
      this.transaction = transaction;
      this.method = method;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Server handle && handle.transaction == transaction;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(transaction);
    }

    @Override
    public String toString() {
      return "ServerTransaction[" + method + " " + transaction.getBranchId() + "]";
    }
  }

  static final class Client implements ClientTransactionHandle {
    final ClientTransaction transaction;

    Client(ClientTransaction transaction) {
      this.transaction = transaction;
    }

    @Override
    public String method() {
      return transaction.getRequest().getMethod();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Client handle && handle.transaction == transaction;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(transaction);
    }

    @Override
    public String toString() {
      return "ClientTransaction[" + method() + " " + transaction.getBranchId() + "]";
    }
  }

  static final class DialogRef implements DialogHandle {
    final Dialog dialog;

    DialogRef(Dialog dialog) {
      this.dialog = dialog;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DialogRef handle && handle.dialog == dialog;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(dialog);
    }

    @Override
    public String toString() {
      return "Dialog[" + dialog.getDialogId() + "]";
    }
  }

  static Server server(ServerTransactionHandle handle) {
    if (handle instanceof Server server) {
      return server;
    }
    throw new IllegalArgumentException("not a handle of this SIP stack: " + handle);
  }

  static DialogRef dialog(DialogHandle handle) {
    if (handle instanceof DialogRef dialog) {
      return dialog;
    }
    throw new IllegalArgumentException("not a dialog of this SIP stack: " + handle);
  }
}
