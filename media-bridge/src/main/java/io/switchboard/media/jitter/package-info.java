/** An adaptive jitter buffer for 20 ms RTP audio frames, with its configuration and statistics. */
package io.switchboard.media.jitter;
