package io.switchboard.media.codec.opus;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.nio.IntBuffer;
import java.util.function.Consumer;
import tomp2p.opuswrapper.Opus;

/**
 * A libopus encoder or decoder state: freed by {@link #close()}, or by the cleaner if its
 * owner is dropped unclosed. The cleanup action holds no reference to the owner.
 */
final class NativeState implements AutoCloseable {
  private final PointerByReference handle;
  /** The state's address, for {@link OpusHotPath}. */
  private final Pointer address;
  private final Cleaner.Cleanable cleanable;
  private volatile boolean closed;

  private NativeState(PointerByReference handle, Object owner, Cleaner cleaner, Consumer<PointerByReference> destroy) {
    this.handle = handle;
    this.address = handle.getPointer();
    this.cleanable = cleaner.register(owner, () -> destroy.accept(handle));
  }

  static NativeState encoder(Opus opus, Object owner, Cleaner cleaner, int sampleRate, int application) {
    return encoder(opus, owner, cleaner, sampleRate, 1, application);
  }

  static NativeState encoder(Opus opus, Object owner, Cleaner cleaner, int sampleRate, int channels, int application) {
    IntBuffer error = IntBuffer.allocate(1);
    PointerByReference handle = opus.opus_encoder_create(sampleRate, channels, application, error);
    check(opus, error.get(0), "opus_encoder_create");
    requireCreated(handle, "opus_encoder_create");
    return new NativeState(handle, owner, cleaner, opus::opus_encoder_destroy);
  }

  static NativeState decoder(Opus opus, Object owner, Cleaner cleaner, int sampleRate) {
    IntBuffer error = IntBuffer.allocate(1);
    PointerByReference handle = opus.opus_decoder_create(sampleRate, 1, error);
    check(opus, error.get(0), "opus_decoder_create");
    requireCreated(handle, "opus_decoder_create");
    return new NativeState(handle, owner, cleaner, opus::opus_decoder_destroy);
  }

  private static void requireCreated(PointerByReference handle, String call) {
    if (handle == null || handle.getPointer() == null) {
      throw new IllegalStateException(call + " returned no state");
    }
  }

  /** Throws if {@code result} is a libopus error code. */
  static int check(Opus opus, int result, String call) {
    if (result < 0) {
      throw new IllegalStateException(call + " failed: " + opus.opus_strerror(result) + " (" + result + ")");
    }
    return result;
  }

  /** The state, for a call; fails once closed rather than touching freed memory. */
  PointerByReference handle() {
    if (closed) {
      throw new IllegalStateException("the Opus codec state has been closed");
    }
    return handle;
  }

  /** The state's address for a direct-mapped call; fails once closed. */
  Pointer address() {
    handle();
    return address;
  }

  @Override
  public void close() {
    closed = true;
    cleanable.clean();
  }
}
