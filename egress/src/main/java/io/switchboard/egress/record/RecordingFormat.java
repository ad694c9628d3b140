package io.switchboard.egress.record;

/** The file formats recordings are written in. */
public enum RecordingFormat {
  /** Ogg Opus (RFC 7845), 48 kHz. */
  OGG(".ogg", "audio/ogg"),
  /** RIFF WAVE, 16-bit PCM, 48 kHz. */
  WAV(".wav", "audio/wav");

  private final String extension;
  private final String contentType;

  RecordingFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }
}
