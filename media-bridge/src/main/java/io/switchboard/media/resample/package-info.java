/**
 * Sample-rate conversion of 20 ms frames between 8, 16 and 48 kHz ({@link
 * io.switchboard.media.resample.Resampler}).
 *
 * <p>Integer-ratio polyphase FIR, Kaiser-windowed sinc (70 dB design) in Q15 with integer
 * accumulation. Measured (ResamplerTest): a 6 kHz tone going 48 kHz → 8 kHz is attenuated by
 * 69 dB, images of 8 → 48 kHz sit 86–91 dB down; delay is 35 samples at the lower rate
 * (4.4 ms for 8 kHz, 2.2 ms for 16 kHz).
 */
package io.switchboard.media.resample;
