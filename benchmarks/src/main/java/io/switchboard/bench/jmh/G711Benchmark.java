package io.switchboard.bench.jmh;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import io.switchboard.media.codec.AudioEncoder;
import io.switchboard.media.codec.g711.G711;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** G.711 encode and decode of one 20 ms frame (160 samples / bytes). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class G711Benchmark {
  @Param({"PCMU", "PCMA"})
  public String codec;

  private AudioEncoder encoder;
  private AudioDecoder decoder;
  private final PcmFrame pcm = Signals.frame(G711.SAMPLE_RATE, 1);
  private final PcmFrame decoded = new PcmFrame(G711.SAMPLE_RATE);
  private final byte[] payload = new byte[G711.BYTES_PER_FRAME];

  @Setup
  public void setUp() {
    var c = codec.equals("PCMU") ? G711.PCMU : G711.PCMA;
    encoder = c.encoders().get();
    decoder = c.decoders().get();
    encoder.encode(pcm, payload, 0);
  }

  @Benchmark
  public byte[] encodeFrame() {
    encoder.encode(pcm, payload, 0);
    return payload;
  }

  @Benchmark
  public PcmFrame decodeFrame() {
    decoder.decode(payload, 0, payload.length, decoded);
    return decoded;
  }
}
