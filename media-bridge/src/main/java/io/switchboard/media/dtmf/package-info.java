/**
 * RFC 4733 telephone events for DTMF: the payload format, a receiver that reports each key
 * press once, and a tick-driven sender.
 */
package io.switchboard.media.dtmf;
