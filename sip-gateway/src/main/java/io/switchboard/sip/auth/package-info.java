/** Server-side digest authentication (RFC 2617, RFC 7616, RFC 8760) with stateless HMAC nonces. */
package io.switchboard.sip.auth;
