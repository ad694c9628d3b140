package io.switchboard.agent.phone;

import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import java.util.ArrayList;
import java.util.List;

/** {@link PhoneControl} for one agent participant in one room. */
public final class SessionPhone implements PhoneControl {
  private final Room room;
  private final LocalParticipant agent;
  private final PhoneLines lines;

  public SessionPhone(Room room, LocalParticipant agent, PhoneLines lines) {
    this.room = room;
    this.agent = agent;
    this.lines = lines;
  }

  @Override
  public List<String> callers() {
    return room.participants().stream()
        .filter(p -> p.kind() == ParticipantKind.SIP)
        .map(ParticipantInfo::identity)
        .toList();
  }

  @Override
  public TransferResult transfer(String participantIdentity, String transferTo, TransferOptions options)
      throws InterruptedException {
    return lines.transfer(room.name(), participantIdentity, transferTo, options);
  }

  @Override
  public void sendDtmf(String participantIdentity, String digits) {
    List<DataMessage.SipDtmf> keys = new ArrayList<>(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      keys.add(DataMessage.SipDtmf.of(digits.charAt(i)));
    }
    for (DataMessage.SipDtmf key : keys) {
      agent.publishData(key, DataPacket.Kind.RELIABLE, List.of(participantIdentity));
    }
  }

  @Override
  public void hangUp(String participantIdentity) {
    lines.hangUp(room.name(), participantIdentity);
  }

  @Override
  public DialResult dial(String number, DialOptions options) throws InterruptedException {
    return lines.dial(room.name(), number, options);
  }
}
