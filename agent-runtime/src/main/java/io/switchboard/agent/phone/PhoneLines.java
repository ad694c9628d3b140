package io.switchboard.agent.phone;

import java.util.NoSuchElementException;

/**
 * The telephony an agent runtime is embedded in: the server implements it with its SIP legs.
 * Calls block until done; agent tools run on virtual threads.
 */
public interface PhoneLines {
  /**
   * Transfers a SIP participant to {@code transferTo} ({@code sip:}, {@code sips:} or {@code tel:}).
   *
   * @throws NoSuchElementException when the participant is not a phone call
   * @throws IllegalArgumentException when {@code transferTo} is not a usable URI
   */
  TransferResult transfer(String roomName, String participantIdentity, String transferTo, TransferOptions options)
      throws InterruptedException;

  /** @throws NoSuchElementException when the participant is not a phone call */
  void hangUp(String roomName, String participantIdentity);

  /**
   * Places a call to {@code number} into {@code roomName} and waits for the answer or the failure.
   *
   * @throws IllegalArgumentException naming what is wrong with the number or the trunk
   */
  DialResult dial(String roomName, String number, DialOptions options) throws InterruptedException;

  /** No telephony: every action fails saying so. */
  PhoneLines NONE = new PhoneLines() {
    @Override
    public TransferResult transfer(String room, String identity, String transferTo, TransferOptions options) {
      throw new UnsupportedOperationException("this agent session has no phone lines (not run by a Switchboard server)");
    }

    @Override
    public void hangUp(String room, String identity) {
      throw new UnsupportedOperationException("this agent session has no phone lines (not run by a Switchboard server)");
    }

    @Override
    public DialResult dial(String room, String number, DialOptions options) {
      throw new UnsupportedOperationException("this agent session has no phone lines (not run by a Switchboard server)");
    }
  };
}
