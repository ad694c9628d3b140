/**
 * ITU-T G.722 at 64 kbit/s, written from the recommendation: QMF analysis and synthesis,
 * 6-bit lower and 2-bit upper sub-band ADPCM. Bit-exact with FFmpeg's encoder and decoder
 * (G722InteropTest). The codec delays by 22 samples (1.4 ms).
 */
package io.switchboard.media.codec.g722;
