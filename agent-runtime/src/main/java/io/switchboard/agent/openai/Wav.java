package io.switchboard.agent.openai;

/** A canonical 44-byte-header WAV file (RIFF, PCM format 1) around 16-bit mono samples. */
final class Wav {
  private Wav() {}

  /** {@code pcm}: {@code length} bytes of little-endian 16-bit mono samples at {@code sampleRate}. */
  static byte[] mono16(byte[] pcm, int length, int sampleRate) {
    byte[] wav = new byte[44 + length];
    ascii(wav, 0, "RIFF");
    int32(wav, 4, 36 + length);
    ascii(wav, 8, "WAVE");
    ascii(wav, 12, "fmt ");
    int32(wav, 16, 16); // fmt chunk size
    int16(wav, 20, 1); // PCM
    int16(wav, 22, 1); // channels
    int32(wav, 24, sampleRate);
    int32(wav, 28, sampleRate * 2); // byte rate
    int16(wav, 32, 2); // block align
    int16(wav, 34, 16); // bits per sample
    ascii(wav, 36, "data");
    int32(wav, 40, length);
    System.arraycopy(pcm, 0, wav, 44, length);
    return wav;
  }

  private static void ascii(byte[] b, int at, String s) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) s.charAt(i);
    }
  }

  private static void int32(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
    b[at + 2] = (byte) (v >> 16);
    b[at + 3] = (byte) (v >> 24);
  }

  private static void int16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
  }
}
