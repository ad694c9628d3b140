package io.switchboard.sip.transport;

/** An opaque reference to a dialog, to send in-dialog requests on. */
public interface DialogHandle {}
