/**
 * Per-stream audio filters (noise suppression) and the factory the SIP side asks for them; the
 * implementations live above this module.
 */
package io.switchboard.media.filter;
