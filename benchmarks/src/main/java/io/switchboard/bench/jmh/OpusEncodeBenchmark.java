package io.switchboard.bench.jmh;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.opus.OpusEncoder;
import io.switchboard.media.codec.opus.OpusEncoderSettings;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.resample.Resampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * libopus encoding of one 20 ms mono 48 kHz frame (32 kbit/s, VoIP, in-band FEC): of full-band
 * input (a WebRTC microphone or TTS), of telephone-band input already at 48 kHz (what a phone
 * leg feeds the encoder), and as the whole phone-to-WebRTC half of a transcoded call: G.711
 * decode, 8 to 48 kHz, Opus encode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpusEncodeBenchmark {
  @Param({"0", "5", "9", "10"})
  public int complexity;

  private OpusEncoder encoder;
  private PcmFrame[] wideband;
  private PcmFrame[] telephoneBand;
  private byte[][] pcmu;
  private final AudioDecoder g711 = G711.PCMU.decoders().get();
  private final Resampler up = Resampler.between(8000, 48_000);
  private final PcmFrame narrow = new PcmFrame(8000);
  private final PcmFrame upsampled = new PcmFrame(48_000);
  private final byte[] packet = new byte[OpusEncoder.MAX_PAYLOAD];
  private int next;

  @Setup
  public void setUp() {
    OpusRuntime opus = OpusRuntime.load();
    encoder = opus.newEncoder(new OpusEncoderSettings(32_000, complexity, true, 5, false, false));
    wideband = Signals.second(48_000, 3);
    PcmFrame[] phone = Signals.second(8000, 4);
    pcmu = new byte[phone.length][G711.BYTES_PER_FRAME];
    var g711Encoder = G711.PCMU.encoders().get();
    telephoneBand = new PcmFrame[phone.length];
    Resampler upsampler = Resampler.between(8000, 48_000);
    for (int i = 0; i < phone.length; i++) {
      g711Encoder.encode(phone[i], pcmu[i], 0);
      telephoneBand[i] = new PcmFrame(48_000);
      upsampler.process(phone[i], telephoneBand[i]);
    }
  }

  @TearDown
  public void tearDown() {
    encoder.close();
  }

  @Benchmark
  public int encodeFullBand() {
    int i = next++ % wideband.length;
    return encoder.encode(wideband[i], packet, 0);
  }

  @Benchmark
  public int encodeTelephoneBand() {
    int i = next++ % telephoneBand.length;
    return encoder.encode(telephoneBand[i], packet, 0);
  }

  @Benchmark
  public int phoneToOpus() {
    int i = next++ % pcmu.length;
    g711.decode(pcmu[i], 0, pcmu[i].length, narrow);
    up.process(narrow, upsampled);
    return encoder.encode(upsampled, packet, 0);
  }
}
