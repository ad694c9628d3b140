/**
 * Test utilities shared with other modules through media-bridge's test-jar: tone generation
 * and Goertzel detection, WAV files, signal metrics and assertions, PCM recording and
 * allocation counting.
 */
package io.switchboard.media.testing;
