package io.switchboard.media.codec.opus;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/**
 * JNA direct mappings of the two per-frame libopus calls. opus-java's interface mapping goes
 * through a proxy that boxes every argument (about 250 bytes of garbage per frame); direct
 * mapping passes primitives, pointers and direct buffers straight through and allocates
 * nothing. Everything else still goes through opus-java's {@code Opus} interface.
 */
final class OpusHotPath {
  private OpusHotPath() {}

  /** Binds the natives below to the libopus that opus-java loaded. Idempotent. */
  static void bind(NativeLibrary library) {
    Native.register(OpusHotPath.class, library);
  }

  static native int opus_encode(Pointer state, ShortBuffer pcm, int frameSize, ByteBuffer data, int maxDataBytes);

  static native int opus_decode(Pointer state, byte[] data, int length, ShortBuffer pcm, int frameSize, int decodeFec);
}
