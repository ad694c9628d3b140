package io.switchboard.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame-by-frame: 25 frames = LiveKit's 0.5 s minimum endpointing delay. */
class EndpointingTest {
  private final List<String> decisions = new ArrayList<>();
  private final Endpointing endpointing = new Endpointing(25, new Endpointing.Listener() {
    @Override
    public void endOfTurn(String transcript) {
      decisions.add("turn:" + transcript);
    }

    @Override
    public void nothingSaid() {
      decisions.add("nothing");
    }
  });

  private void frames(int n) {
    for (int i = 0; i < n; i++) {
      endpointing.frame();
    }
  }

  @Test
  void commitsAfterTheDelayWhenTheTranscriptIsAlreadyThere() {
    endpointing.speechStarted();
    frames(50);
    endpointing.speechEnded();
    endpointing.transcript("what are your opening hours");
    endpointing.segmentDone();
    frames(24);
    assertEquals(List.of(), decisions, "24 frames (480 ms) is not yet the 500 ms delay");
    frames(1);
    assertEquals(List.of("turn:what are your opening hours"), decisions);
    frames(100);
    assertEquals(1, decisions.size(), "committed once");
  }

  @Test
  void waitsForASlowRecogniserThenCommitsOnItsResult() {
    endpointing.speechStarted();
    endpointing.speechEnded();
    frames(200);
    assertEquals(List.of(), decisions);
    endpointing.transcript("hello");
    assertEquals(List.of(), decisions, "a final alone is not enough: the segment is not done");
    endpointing.segmentDone();
    assertEquals(List.of("turn:hello"), decisions);
  }

  @Test
  void speechResumingInsideTheDelayContinuesTheSameTurn() {
    endpointing.speechStarted();
    endpointing.speechEnded();
    endpointing.transcript("I'd like to");
    endpointing.segmentDone();
    frames(20);
    endpointing.speechStarted();
    frames(40);
    assertEquals(List.of(), decisions, "the user is talking again");
    endpointing.speechEnded();
    endpointing.transcript("book a table");
    endpointing.segmentDone();
    frames(25);
    assertEquals(List.of("turn:I'd like to book a table"), decisions);
  }

  @Test
  void soundWithoutWordsIsNoTurn() {
    endpointing.speechStarted();
    endpointing.speechEnded();
    endpointing.transcript("  ");
    endpointing.segmentDone();
    frames(25);
    assertEquals(List.of("nothing"), decisions);
  }

  @Test
  void twoSegmentsMustBothFinish() {
    endpointing.speechStarted();
    endpointing.speechEnded();
    endpointing.speechStarted();
    endpointing.speechEnded();
    endpointing.transcript("one");
    endpointing.segmentDone();
    frames(30);
    assertEquals(List.of(), decisions, "the second segment is still being recognised");
    endpointing.transcript("two");
    endpointing.segmentDone();
    assertEquals(List.of("turn:one two"), decisions);
  }

  @Test
  void zeroDelayCommitsAsSoonAsTheTranscriptIsDone() {
    List<String> out = new ArrayList<>();
    Endpointing immediate = new Endpointing(0, new Endpointing.Listener() {
      @Override
      public void endOfTurn(String transcript) {
        out.add(transcript);
      }

      @Override
      public void nothingSaid() {}
    });
    immediate.speechStarted();
    immediate.transcript("yes");
    immediate.speechEnded();
    assertEquals(List.of(), out);
    immediate.segmentDone();
    assertEquals(List.of("yes"), out);
  }

  /** 25 frames min, 300 frames (LiveKit's 6 s) max. */
  private Endpointing bounded(List<String> out) {
    return new Endpointing(25, 300, new Endpointing.Listener() {
      @Override
      public void endOfTurn(String transcript) {
        out.add("turn:" + transcript);
      }

      @Override
      public void nothingSaid() {
        out.add("nothing");
      }
    });
  }

  @Test
  void aRecogniserSlowerThanTheMaxDelayHasItsWordsSoFarCommittedAndItsLateWordsMakeTheNextTurn() {
    List<String> out = new ArrayList<>();
    Endpointing e = bounded(out);
    e.speechStarted();
    e.speechEnded();
    e.transcript("I'd like");
    e.segmentDone();
    e.speechStarted();
    e.speechEnded(); // the second segment's recognition is slow
    for (int i = 0; i < 299; i++) {
      e.frame();
    }
    assertEquals(List.of(), out, "5.98 s: still waiting for the recogniser");
    e.frame();
    assertEquals(List.of("turn:I'd like"), out, "6 s: the words so far are the turn");
    e.transcript("a table");
    e.segmentDone();
    assertEquals(List.of("turn:I'd like", "turn:a table"), out, "the late words are a turn of their own");
  }

  @Test
  void withNoWordsByTheMaxDelayTheTurnWaitsForTheSegment() {
    List<String> out = new ArrayList<>();
    Endpointing e = bounded(out);
    e.speechStarted();
    e.speechEnded();
    for (int i = 0; i < 400; i++) {
      e.frame();
    }
    assertEquals(List.of(), out, "nothing to commit yet");
    e.transcript("opening hours");
    assertEquals(List.of(), out, "the segment is not done");
    e.segmentDone();
    assertEquals(List.of("turn:opening hours"), out);
  }

  @Test
  void lateWordsJoinTheNextTurnWhenTheUserSpeaksAgain() {
    List<String> out = new ArrayList<>();
    Endpointing e = bounded(out);
    e.speechStarted();
    e.speechEnded();
    e.transcript("hello");
    e.speechStarted();
    e.speechEnded();
    for (int i = 0; i < 300; i++) {
      e.frame();
    }
    assertEquals(List.of("turn:hello"), out, "the first segment's done is still out, but its words are in");
    e.speechStarted();
    e.segmentDone();
    e.transcript("there");
    e.segmentDone();
    e.speechEnded();
    e.transcript("how are you");
    e.segmentDone();
    for (int i = 0; i < 25; i++) {
      e.frame();
    }
    assertEquals(List.of("turn:hello", "turn:there how are you"), out);
  }

  @Test
  void theMaxDelayCannotBeShorterThanTheMin() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new io.switchboard.agent.EndpointingOptions(java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(500)));
    assertEquals(java.time.Duration.ofSeconds(6), io.switchboard.agent.EndpointingOptions.DEFAULT.maxDelay());
  }
}
