package io.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParserTest {
  private final SdpParser parser = new SdpParser();

  @Test
  void parsesTwilioOffer() throws Exception {
    SessionDescription sdp = parser.parse(CarrierSdp.TWILIO_OFFER);
    assertEquals("root", sdp.origin().username());
    assertEquals("1548629939", sdp.origin().sessionVersion());
    assertEquals("Twilio Media Gateway", sdp.sessionName());
    assertEquals(SdpConnection.ip4("168.86.138.35"), sdp.connection());
    MediaDescription audio = sdp.media().getFirst();
    assertEquals(14572, audio.port());
    assertEquals(List.of("0", "8", "101"), audio.formats());
    assertEquals(Optional.of(new RtpMap(101, "telephone-event", 8000, 1)), audio.rtpMap(101));
    assertEquals(Optional.of("0-16"), audio.fmtp(101));
    assertEquals(Optional.of("20"), audio.attribute("ptime"));
    assertEquals(MediaDirection.SENDRECV, sdp.directionOf(audio));
  }

  @Test
  void acceptsLfLineEndsAndTrailingSpaces() throws Exception {
    SessionDescription sdp = parser.parse(CarrierSdp.TELNYX_OFFER.replace("s=Telnyx", "s=Telnyx  "));
    assertEquals("Telnyx", sdp.sessionName());
    assertEquals(List.of("9", "0", "8", "18", "101"), sdp.media().getFirst().formats());
  }

  @Test
  void writerOutputParsesBackToTheSameModel() throws Exception {
    SessionDescription sdp = parser.parse(CarrierSdp.AUDIO_VIDEO_OFFER.replace("s=\r\n", "s=x\r\n"));
    assertEquals(sdp, parser.parse(SdpWriter.write(sdp)));
  }

  @Test
  void portCountAndMulticastTtlAreUnderstood() throws Exception {
    SessionDescription sdp = parser.parse(
        "v=0\r\no=- 1 1 IN IP4 224.2.1.1\r\ns=-\r\nc=IN IP4 224.2.1.1/127\r\nt=0 0\r\nm=audio 49170/2 RTP/AVP 0\r\n");
    assertEquals("224.2.1.1", sdp.connection().address());
    assertEquals(2, sdp.media().getFirst().portCount());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      o=- 1 1 IN IP4 h\\ns=-\\n                                  | must start with v=0
      v=1\\no=- 1 1 IN IP4 h\\ns=-\\n                             | unsupported SDP version '1'
      v=0\\ns=-\\n                                               | no o= line
      v=0\\no=- 1 1 IN IP4 h\\n                                  | no s= line
      v=0\\no=- 1 IN IP4 h\\ns=-\\n                               | o= needs 6 fields
      v=0\\no=- 1 1 IN IP4 h\\ns=-\\nhello\\n                     | line 4: expected <type>=<value>
      v=0\\no=- 1 1 IN IP4 h\\ns=-\\nx=1\\n                       | unknown SDP line type 'x='
      v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4\\n                  | c= needs 3 fields
      v=0\\no=- 1 1 IN IP4 h\\ns=-\\nm=audio 70000 RTP/AVP 0\\n   | m= port '70000' is not 0-65535
      v=0\\no=- 1 1 IN IP4 h\\ns=-\\nm=audio 5004 RTP/AVP\\n      | m= needs <media> <port> <proto> <fmt>
      v=0\\no=- 1 1 IN IP4 h\\ns=-\\na=bad name\\n                | malformed attribute
      """)
  void rejectsMalformedBodiesNamingTheProblem(String body, String expected) {
    var error = assertThrows(SdpParseException.class, () -> parser.parse(body.replace("\\n", "\r\n")));
    assertTrue(error.getMessage().contains(expected.trim()), error.getMessage());
  }

  @Test
  void capsMediaAndAttributeCounts() {
    var small = new SdpParser(new SdpLimits(4096, 2, 3, 4));
    String head = "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    String m = "m=audio 5004 RTP/AVP 0\r\n";
    var tooManyMedia = assertThrows(SdpParseException.class, () -> small.parse(head + m + m + m));
    assertTrue(tooManyMedia.getMessage().contains("more than 2 m= lines"), tooManyMedia.getMessage());
    var tooManyAttributes = assertThrows(SdpParseException.class,
        () -> small.parse(head + m + "a=a\r\na=b\r\na=c\r\na=d\r\n"));
    assertTrue(tooManyAttributes.getMessage().contains("more than 3 a= lines"));
    var tooManyFormats = assertThrows(SdpParseException.class,
        () -> small.parse(head + "m=audio 5004 RTP/AVP 0 8 9 18 101\r\n"));
    assertTrue(tooManyFormats.getMessage().contains("more than 4 formats"));
    var tooBig = assertThrows(SdpParseException.class, () -> small.parse(head + "a=x:" + "y".repeat(5000)));
    assertTrue(tooBig.getMessage().contains("over the limit of 4096"));
  }
}
