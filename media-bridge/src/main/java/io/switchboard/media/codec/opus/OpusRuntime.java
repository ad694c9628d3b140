package io.switchboard.media.codec.opus;

import club.minnced.opus.util.OpusLibrary;
import com.sun.jna.NativeLibrary;
import io.switchboard.media.codec.AudioCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tomp2p.opuswrapper.Opus;

/**
 * The loaded libopus and the factory for encoders and decoders on it. Load it once per
 * process and share it: the native library itself is process-wide.
 *
 * <p>The system libopus (Debian's libopus0) is preferred over opus-java's bundled 1.1.2, which
 * is older and has known CVEs.
 */
public final class OpusRuntime {
  /** Debian's libopus0 on x86-64. */
  public static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libopus.so.0");
  static final int SAMPLE_RATE = 48_000;
  /** opus-java records the loaded library's path in this system property. */
  private static final String LOADED_PATH_PROPERTY = "opus.lib";

  private final Opus opus;
  private final OpusLibraryInfo library;
  /** Frees native encoder and decoder state that was never closed. */
  private final Cleaner cleaner = Cleaner.create();

  private OpusRuntime(Opus opus, OpusLibraryInfo library) {
    this.opus = opus;
    this.library = library;
  }

  /** Loads the Debian libopus if present, else the bundled one. */
  public static OpusRuntime load() {
    return load(List.of(DEBIAN_LIBRARY));
  }

  /**
   * Loads the first of {@code candidates} that exists and loads, else opus-java's bundled
   * build. If a libopus was already loaded in this process, that one is used.
   */
  public static OpusRuntime load(List<Path> candidates) {
    if (!OpusLibrary.isInitialized()) {
      for (Path candidate : candidates) {
        if (Files.isRegularFile(candidate) && tryLoad(candidate)) {
          break;
        }
      }
    }
    if (!OpusLibrary.isInitialized()) {
      loadBundled();
    }
    String location = System.getProperty(LOADED_PATH_PROPERTY, "");
    Opus opus = Opus.INSTANCE;
    // The same name resolves to the NativeLibrary instance opus-java's binding already holds.
    OpusHotPath.bind(NativeLibrary.getInstance(location));
    boolean bundled = location.startsWith("/natives/");
    return new OpusRuntime(opus, new OpusLibraryInfo(opus.opus_get_version_string(), location, bundled));
  }

  private static boolean tryLoad(Path candidate) {
    try {
      OpusLibrary.loadFrom(candidate.toAbsolutePath().toString());
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  private static void loadBundled() {
    try {
      OpusLibrary.loadFromJar();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the bundled libopus", e);
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("no system libopus found and no bundled build for this platform", e);
    }
  }

  public OpusLibraryInfo library() {
    return library;
  }

  public OpusEncoder newEncoder(OpusEncoderSettings settings) {
    return new OpusEncoder(opus, cleaner, settings);
  }

  public OpusEncoder newEncoder() {
    return newEncoder(OpusEncoderSettings.defaults());
  }

  /** An encoder for recordings: mono or interleaved stereo, tuned for fidelity rather than loss. */
  public OpusFileEncoder newFileEncoder(int channels, int bitrate) {
    return new OpusFileEncoder(opus, cleaner, channels, bitrate);
  }

  public OpusDecoder newDecoder() {
    return new OpusDecoder(opus, cleaner);
  }

  /**
   * Opus as negotiated in SDP ({@code a=rtpmap:<pt> opus/48000/2}, RFC 7587 §7: always
   * "/2", although these streams are mono).
   */
  public AudioCodec codec() {
    return new AudioCodec("opus", -1, SAMPLE_RATE, SAMPLE_RATE, this::newEncoder, this::newDecoder);
  }
}
