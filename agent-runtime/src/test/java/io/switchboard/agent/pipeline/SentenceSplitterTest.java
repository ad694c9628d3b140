package io.switchboard.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  @Test
  void firstSentenceIsReadyBeforeTheModelFinishes() {
    SentenceSplitter s = new SentenceSplitter(20);
    List<String> out = new ArrayList<>();
    for (String token : "We are open from nine to five today. On Sundays we are closed! Anything else?".split("(?<= )")) {
      out.addAll(s.push(token));
      if (token.equals("On ")) {
        assertEquals(List.of("We are open from nine to five today."), out, "available as soon as the next token starts");
      }
    }
    assertEquals(List.of("We are open from nine to five today.", "On Sundays we are closed!"), out);
    assertEquals("Anything else?", s.flush());
    assertEquals("", s.flush());
  }

  @Test
  void shortPiecesAndAbbreviationsJoinTheNextSentence() {
    SentenceSplitter s = new SentenceSplitter(20);
    assertEquals(List.of("Hi. Dr. Smith will call you back soon."), s.push("Hi. Dr. Smith will call you back soon. Bye"));
    assertEquals("Bye", s.flush());
  }

  @Test
  void decimalPointsDoNotEndSentences() {
    SentenceSplitter s = new SentenceSplitter(5);
    assertEquals(List.of(), s.push("It costs 3.50 pounds"));
    assertEquals("It costs 3.50 pounds", s.flush());
  }
}
