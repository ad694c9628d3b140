package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.transport.dtls.DtlsSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberOfferTest {
  @Test
  void withNothingToSubscribeOffersOnlyTheDataChannelSection() {
    Sdp offer = Sdp.parse(SubscriberOffer.build(TestTransports.ours(DtlsSetup.ACTPASS), List.of(), 7, 2));
    assertEquals("BUNDLE 0", offer.attribute("group").orElseThrow());
    assertEquals(1, offer.media().size());
    Sdp.Media data = offer.media().getFirst();
    assertEquals("application", data.kind());
    assertEquals("0", data.mid());
    assertEquals("5000", data.attribute("sctp-port").orElseThrow());
    RemoteTransport transport = RemoteTransport.of(offer);
    assertEquals(DtlsSetup.ACTPASS, transport.setup(), "RFC 8842 §5.2: an offer says actpass");
    assertEquals(List.of(TestTransports.HOST), transport.candidates());
  }

  @Test
  void describesEachTrackAsLiveKitClientsExpectAndEmptiedSectionsAsInactive() {
    var track = new SubscriberOffer.AudioSection("1", "PA_abc", "TR_AMxyz", 0xF0000001, true);
    var emptied = new SubscriberOffer.AudioSection("2", "", "", 0, false);
    Sdp offer = Sdp.parse(SubscriberOffer.build(TestTransports.ours(DtlsSetup.ACTPASS), List.of(track, emptied), 7, 3));

    assertEquals("BUNDLE 0 1 2", offer.attribute("group").orElseThrow());
    Sdp.Media audio = offer.media().get(1);
    assertEquals(List.of("111"), audio.formats());
    assertTrue(audio.attribute("sendonly").isPresent());
    assertEquals("PA_abc|TR_AMxyz TR_AMxyz", audio.attribute("msid").orElseThrow());
    assertEquals(List.of("4026531841 cname:PA_abc", "4026531841 msid:PA_abc|TR_AMxyz TR_AMxyz"),
        audio.attributes("ssrc"), "SSRCs are written unsigned");
    Sdp.Media gone = offer.media().get(2);
    assertTrue(gone.attribute("inactive").isPresent());
    assertTrue(gone.attributes("ssrc").isEmpty());
  }
}
