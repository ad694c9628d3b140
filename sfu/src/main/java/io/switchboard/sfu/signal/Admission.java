package io.switchboard.sfu.signal;

/** Whether a join or validate request may go ahead. */
public sealed interface Admission {
  record Admitted(JoinParams params) implements Admission {}

  /** Refused with the HTTP status LiveKit uses and a message naming what is wrong. */
  record Refused(int status, String message) implements Admission {}
}
