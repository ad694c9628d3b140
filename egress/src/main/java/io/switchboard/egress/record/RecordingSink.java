package io.switchboard.egress.record;

import io.switchboard.egress.ogg.OggOpusWriter;
import io.switchboard.egress.wav.WavWriter;
import io.switchboard.media.codec.opus.OpusFileEncoder;
import io.switchboard.media.codec.opus.OpusRuntime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/** Where a recorder's frames go: an encoder and container over one open file. */
sealed interface RecordingSink {
  void write(short[] interleaved) throws IOException;

  /** Makes everything written so far playable if the process dies now. */
  void checkpoint() throws IOException;

  void finish() throws IOException;

  long size();

  /** Releases native state and the file when the recording failed. Never throws. */
  void abandon();

  static RecordingSink open(RecordingFormat format, FileChannel file, int channels, OpusRuntime opus, String title)
      throws IOException {
    return switch (format) {
      case OGG -> new Ogg(file, opus.newFileEncoder(channels, channels * 32_000), title);
      case WAV -> new Wav(file, new WavWriter(file, RecordingTap.RATE, channels, RecordingTap.FRAME * channels));
    };
  }

  final class Ogg implements RecordingSink {
    private final FileChannel file;
    private final OpusFileEncoder encoder;
    private final OggOpusWriter writer;
    private final byte[] packet = new byte[1275];

    Ogg(FileChannel file, OpusFileEncoder encoder, String title) throws IOException {
      this.file = file;
      this.encoder = encoder;
      try {
        this.writer = new OggOpusWriter(file, (int) System.nanoTime(), encoder.channels(), encoder.lookahead(),
            RecordingTap.RATE, "Switchboard", List.of("TITLE=" + title));
      } catch (IOException | RuntimeException e) {
        encoder.close();
        throw e;
      }
    }

    @Override
    public void write(short[] interleaved) throws IOException {
      writer.packet(packet, encoder.encode(interleaved, packet));
    }

    @Override
    public void checkpoint() throws IOException {
      writer.flush();
    }

    @Override
    public void finish() throws IOException {
      try {
        int length = encoder.encode(new short[OpusFileEncoder.FRAME_SAMPLES * encoder.channels()], packet);
        writer.finish(packet, length);
        file.force(true);
      } finally {
        abandon();
      }
    }

    @Override
    public long size() {
      return writer.bytesWritten();
    }

    @Override
    public void abandon() {
      encoder.close();
      closeQuietly(file);
    }
  }

  final class Wav implements RecordingSink {
    private final FileChannel file;
    private final WavWriter writer;

    Wav(FileChannel file, WavWriter writer) {
      this.file = file;
      this.writer = writer;
    }

    @Override
    public void write(short[] interleaved) throws IOException {
      writer.write(interleaved);
    }

    @Override
    public void checkpoint() throws IOException {
      writer.updateHeader();
    }

    @Override
    public void finish() throws IOException {
      try {
        writer.updateHeader();
        file.force(true);
      } finally {
        abandon();
      }
    }

    @Override
    public long size() {
      return writer.bytesWritten();
    }

    @Override
    public void abandon() {
      closeQuietly(file);
    }
  }

  private static void closeQuietly(FileChannel file) {
    try {
      file.close();
    } catch (IOException ignored) {
      // the recording already failed; the first error is the one reported
    }
  }
}
