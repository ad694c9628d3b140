package io.switchboard.media.codec.g711;

import static io.switchboard.media.jitter.JitterBufferAllocationTest.assertSomeRoundAllocatesNothing;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import io.switchboard.media.codec.AudioEncoder;
import org.junit.jupiter.api.Test;

class G711AllocationTest {
  @Test
  void encodeDecodeAndConcealAllocateNothing() {
    AudioEncoder encoder = G711.PCMA.encoders().get();
    AudioDecoder decoder = G711.PCMA.decoders().get();
    PcmFrame in = G711CodecTest.sine(8000, 700, 5000, 0);
    PcmFrame out = new PcmFrame(8000);
    byte[] payload = new byte[172];
    int[] n = {0};
    Runnable frame =
        () -> {
          encoder.encode(in, payload, 12);
          if (n[0]++ % 10 == 3) {
            decoder.conceal(out);
          } else {
            decoder.decode(payload, 12, 160, out);
          }
        };
    assertSomeRoundAllocatesNothing(frame, 200_000, 50_000);
  }
}
