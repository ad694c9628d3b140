/**
 * The PIN lobby: a caller whose dispatch rule has a PIN is answered, hears an "enter PIN" cue,
 * keys digits (RFC 4733) ending with {@code #}, and is let into the room or, after a few wrong
 * tries, hung up. As LiveKit's {@code pinPrompt}, plus retries and timeouts. Prompts are tone
 * cues synthesised in code until spoken prompts are available.
 */
package io.switchboard.sip.pin;
