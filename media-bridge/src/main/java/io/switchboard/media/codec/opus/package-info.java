/**
 * Opus (RFC 6716) through opus-java and JNA, mono 48 kHz 20 ms frames in VoIP mode. The only
 * package that sees opus-java or JNA types. Load {@link io.switchboard.media.codec.opus.OpusRuntime}
 * once per process; it prefers the system libopus over the bundled 1.1.2.
 */
package io.switchboard.media.codec.opus;
