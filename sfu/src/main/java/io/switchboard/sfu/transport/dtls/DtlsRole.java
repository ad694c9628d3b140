package io.switchboard.sfu.transport.dtls;

/**
 * Which end of the DTLS handshake we play; the client's keys come first in the export (RFC 5764).
 */
public enum DtlsRole {
  CLIENT,
  SERVER
}
