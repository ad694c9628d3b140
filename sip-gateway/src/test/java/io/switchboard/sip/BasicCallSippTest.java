package io.switchboard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.sdp.MediaDirection;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SdpCodec;
import io.switchboard.sip.testing.GatewayHarness;
import io.switchboard.sip.testing.RecordingMedia;
import io.switchboard.sip.testing.Sipp;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BasicCallSippTest {
  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    gateway = new GatewayHarness();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void callerHangsUpAfterAnUdpCall() throws Exception {
    var result = Sipp.run("basic_call_caller_hangs_up.xml", "u1", gateway.port(), Map.of(), "-s", "+15105550100");
    assertTrue(result.passed(), result.describe());

    var invite = gateway.handler.authorizations.take();
    assertEquals("+15105550100", invite.called());
    assertEquals("+14155550123", invite.callerNumber());
    NegotiatedAudio audio = gateway.handler.listener.awaitAnswered();
    assertEquals(SdpCodec.PCMU, audio.codec());
    assertEquals(OptionalInt.of(101), audio.dtmfPayloadType());
    assertEquals(MediaDirection.SENDRECV, audio.direction());
    RecordingMedia.Session media = gateway.media.awaitOpened();
    assertEquals(audio, media.awaitUpdate());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
    assertTrue(media.awaitClosed());
  }
}
