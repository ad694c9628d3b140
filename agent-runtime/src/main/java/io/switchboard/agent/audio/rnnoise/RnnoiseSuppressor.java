package io.switchboard.agent.audio.rnnoise;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.switchboard.agent.audio.NoiseSuppressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * RNNoise (Xiph, BSD-3) noise suppression with its built-in weights: Jitsi's WebAssembly build
 * ({@code @jitsi/rnnoise-wasm}, fetched from npm at build time, sha256-checked) compiled to JVM
 * bytecode by Chicory, so no native library is needed. RNNoise runs at 48 kHz in 10 ms frames;
 * 8, 16 and 48 kHz streams are converted on the way in and out. Each stream gets its own
 * WebAssembly instance (its own memory and RNNoise state).
 */
public final class RnnoiseSuppressor implements NoiseSuppressor {
  public static final String WASM_RESOURCE = "/io/switchboard/agent/audio/rnnoise/rnnoise.wasm";

  private final WasmModule module;
  private final Function<Instance, Machine> machine;

  /** Loads and compiles the bundled module (about a second). */
  public static RnnoiseSuppressor load() {
    try (InputStream in = RnnoiseSuppressor.class.getResourceAsStream(WASM_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("RNNoise module " + WASM_RESOURCE
            + " is not on the classpath: build agent-runtime with Maven, which fetches it from npm");
      }
      return new RnnoiseSuppressor(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the RNNoise module", e);
    }
  }

  public RnnoiseSuppressor(byte[] wasm) {
    this.module = Parser.parse(wasm);
    this.machine = MachineFactoryCompiler.compile(module);
  }

  @Override
  public Stream open(int sampleRate) {
    return new RnnoiseStream(instantiate(), sampleRate);
  }

  /** A new instance; the two functions Emscripten's runtime would provide are implemented here. */
  private Instance instantiate() {
    HostFunction resizeHeap = new HostFunction("a", "a",
        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (instance, args) -> new long[] {grow(instance.memory(), args[0])});
    HostFunction memcpyBig = new HostFunction("a", "b",
        FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32), List.of()),
        (instance, args) -> {
          Memory memory = instance.memory();
          memory.write((int) args[0], memory.readBytes((int) args[1], (int) args[2]));
          return null;
        });
    Instance instance = Instance.builder(module)
        .withImportValues(ImportValues.builder().addFunction(resizeHeap, memcpyBig).build())
        .withMachineFactory(machine)
        .build();
    instance.export("d").apply(); // __wasm_call_ctors
    return instance;
  }

  /** emscripten_resize_heap: grows memory to hold {@code requested} bytes; 1 on success. */
  private static long grow(Memory memory, long requested) {
    long have = (long) memory.pages() * Memory.PAGE_SIZE;
    if ((requested & 0xffffffffL) <= have) {
      return 1;
    }
    int pages = (int) (((requested & 0xffffffffL) - have + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE);
    return memory.grow(pages) < 0 ? 0 : 1;
  }
}
