package io.switchboard.media.codec.g722;

/**
 * The 24-tap quadrature mirror filter pair of G.722 §3.1 and §4.4: analysis splits 16 kHz
 * audio into 8 kHz lower and upper sub-bands; synthesis merges them back. A whole frame is
 * filtered at once over a history buffer, since neither direction feeds back into the ADPCM.
 */
final class QuadratureMirrorFilter {
  /** h0..h23 (symmetric), scaled by 2^13. */
  private static final int[] H = {
    3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
    3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
  };
  /** h0, h2, …, h22 and h1, h3, …, h23. */
  private static final int[] EVEN = new int[12];
  private static final int[] ODD = new int[12];

  static {
    for (int i = 0; i < 12; i++) {
      EVEN[i] = H[2 * i];
      ODD[i] = H[2 * i + 1];
    }
  }

  private QuadratureMirrorFilter() {}

  /** Transmit-side state: the last 22 input samples before the frame, then the frame. */
  static final class Analysis {
    private final int[] input;
    private final int frameLength;

    Analysis(int frameLength) {
      this.frameLength = frameLength;
      this.input = new int[22 + frameLength];
    }

    /**
     * Splits {@code frameLength} samples into {@code frameLength / 2} lower and upper sub-band
     * samples (15-bit, half of the 16-bit input scale).
     */
    void split(short[] pcm, int[] lower, int[] upper) {
      for (int i = 0; i < frameLength; i++) {
        input[22 + i] = pcm[i];
      }
      for (int k = 0; k < frameLength / 2; k++) {
        // With x(j) the newer sample of pair k: xA = Σ h(2i) x(j-2i), xB = Σ h(2i+1) x(j-2i-1).
        // h is symmetric, so walking the buffer forward pairs buffer[2k + m] with h(m) and
        // odd m collects xA, even m collects xB.
        int xa = 0;
        int xb = 0;
        for (int i = 0; i < 12; i++) {
          xb += EVEN[i] * input[2 * k + 2 * i];
          xa += ODD[i] * input[2 * k + 2 * i + 1];
        }
        lower[k] = (xa + xb) >> 14;
        upper[k] = (xa - xb) >> 14;
      }
      System.arraycopy(input, frameLength, input, 0, 22);
    }
  }

  /** Receive-side state: the last 11 sub-band sums and differences before the frame, then the frame. */
  static final class Synthesis {
    private final int[] difference; // xd = rl - rh
    private final int[] sum; // xs = rl + rh
    private final int pairs;

    Synthesis(int frameLength) {
      this.pairs = frameLength / 2;
      this.difference = new int[11 + pairs];
      this.sum = new int[11 + pairs];
    }

    /** Records sub-band pair {@code k} of the frame. */
    void put(int k, int lower, int upper) {
      difference[11 + k] = lower - upper;
      sum[11 + k] = lower + upper;
    }

    /**
     * Merges the recorded pairs into 16-bit output: sample 2k is Σ h(2i) xd(k-i), sample
     * 2k+1 is Σ h(2i+1) xs(k-i), both doubled for the 16-bit scale.
     */
    void merge(short[] pcm) {
      for (int k = 0; k < pairs; k++) {
        int even = 0;
        int odd = 0;
        for (int j = 0; j < 12; j++) {
          // Buffer position k + j holds pair k - 11 + j, which meets h(2(11-j)) = h(2j+1) in the
          // even output and h(2(11-j)+1) = h(2j) in the odd one (h is symmetric).
          even += ODD[j] * difference[k + j];
          odd += EVEN[j] * sum[k + j];
        }
        pcm[2 * k] = (short) AdaptivePredictor.saturate(even >> 11);
        pcm[2 * k + 1] = (short) AdaptivePredictor.saturate(odd >> 11);
      }
      System.arraycopy(difference, pairs, difference, 0, 11);
      System.arraycopy(sum, pairs, sum, 0, 11);
    }
  }
}
