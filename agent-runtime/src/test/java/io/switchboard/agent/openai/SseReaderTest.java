package io.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Event-stream framing as the HTML standard's examples and real servers write it. */
class SseReaderTest {
  private static SseReader reader(String text) {
    return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheHtmlStandardsExampleStream() throws Exception {
    // HTML Living Standard, 9.2.6: "data: YHOO\ndata: +2\ndata: 10\n\n" is one event "YHOO\n+2\n10".
    SseReader sse = reader(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\ndata: YHOO\ndata: +2\ndata: 10\n\n");
    assertEquals("first event", sse.next());
    assertEquals("second event", sse.next());
    assertEquals(" third event", sse.next(), "only one space after the colon is removed");
    assertEquals("YHOO\n+2\n10", sse.next());
    assertNull(sse.next());
  }

  @Test
  void acceptsCrlfAndCrLineEndingsAndEventFields() throws Exception {
    SseReader sse = reader("event: message\r\ndata: {\"a\":1}\r\n\r\n: ping\r\rdata: [DONE]\r\r");
    assertEquals("{\"a\":1}", sse.next());
    assertEquals("[DONE]", sse.next());
    assertNull(sse.next());
  }

  @Test
  void dropsAnEventCutOffBeforeItsBlankLine() throws Exception {
    SseReader sse = reader("data: whole\n\ndata: cut off");
    assertEquals("whole", sse.next());
    assertNull(sse.next());
  }

  @Test
  void keepsMultiByteCharactersWhole() throws Exception {
    assertEquals("{\"content\":\"Größe 😀\"}", reader("data: {\"content\":\"Größe 😀\"}\n\n").next());
  }
}
