package io.switchboard.media.codec.opus;

/**
 * Which libopus the process uses.
 *
 * @param version libopus's own version string, e.g. {@code libopus 1.3.1}
 * @param location the file it was loaded from, or the resource path inside the natives jar
 * @param bundled true when it is opus-java's bundled build (libopus 1.1.2) rather than the system's
 */
public record OpusLibraryInfo(String version, String location, boolean bundled) {}
