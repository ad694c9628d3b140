/**
 * ITU-T G.711 µ-law (PCMU, PT 0) and A-law (PCMA, PT 8) through precomputed tables, with
 * repeat-and-fade loss concealment. See {@link io.switchboard.media.codec.g711.G711}.
 */
package io.switchboard.media.codec.g711;
