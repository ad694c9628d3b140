package io.switchboard.bench.jmh;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioEncoder;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.opus.OpusDecoder;
import io.switchboard.media.codec.opus.OpusEncoder;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.resample.Resampler;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * libopus decoding of one 20 ms packet (encoded with the default settings), alone and as the
 * WebRTC-to-phone half of a transcoded call: Opus decode, 48 to 8 kHz, G.711 encode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpusDecodeBenchmark {
  private OpusDecoder decoder;
  private byte[][] packets;
  private final PcmFrame decoded = new PcmFrame(48_000);
  private final PcmFrame narrow = new PcmFrame(8000);
  private final Resampler down = Resampler.between(48_000, 8000);
  private final AudioEncoder g711 = G711.PCMU.encoders().get();
  private final byte[] pcmu = new byte[G711.BYTES_PER_FRAME];
  private int next;

  @Setup
  public void setUp() {
    OpusRuntime opus = OpusRuntime.load();
    decoder = opus.newDecoder();
    PcmFrame[] speech = Signals.second(48_000, 5);
    packets = new byte[speech.length][];
    byte[] buffer = new byte[OpusEncoder.MAX_PAYLOAD];
    try (OpusEncoder encoder = opus.newEncoder()) {
      for (int i = 0; i < speech.length; i++) {
        packets[i] = Arrays.copyOf(buffer, encoder.encode(speech[i], buffer, 0));
      }
    }
  }

  @TearDown
  public void tearDown() {
    decoder.close();
  }

  @Benchmark
  public PcmFrame decodeFrame() {
    byte[] p = packets[next++ % packets.length];
    decoder.decode(p, 0, p.length, decoded);
    return decoded;
  }

  @Benchmark
  public byte[] opusToPhone() {
    byte[] p = packets[next++ % packets.length];
    decoder.decode(p, 0, p.length, decoded);
    down.process(decoded, narrow);
    g711.encode(narrow, pcmu, 0);
    return pcmu;
  }
}
