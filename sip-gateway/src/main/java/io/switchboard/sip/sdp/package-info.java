/** SDP (RFC 8866) model, parser and writer, and RFC 3264 offer/answer for one audio stream. */
package io.switchboard.sip.sdp;
