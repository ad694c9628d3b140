package io.switchboard.egress;

import io.switchboard.egress.record.RecordingFormat;
import io.switchboard.egress.s3.S3Target;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request's {@code filepath} into a file: LiveKit's templates ({@code {room_name}},
 * {@code {room_id}}, {@code {time}}, {@code {utc}}, {@code {publisher_identity}},
 * {@code {track_id}}) are filled in, a missing name or extension is added, and the result is
 * placed under the recordings directory: a path may not climb out of it.
 */
public final class OutputPaths {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private final Path directory;

  public OutputPaths(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  /**
   * @param requested the request's filepath (may be empty)
   * @param fileType OGG, or DEFAULT_FILETYPE to let the extension decide (".wav" means WAV)
   * @param values template values, e.g. {@code room_name}
   */
  public FileTarget resolve(
      String requested, String fileType, Map<String, String> values, Instant now, Optional<S3Target> upload) {
    String path = requested == null ? "" : requested.strip();
    if (path.isEmpty() || path.endsWith("/")) {
      path += values.containsKey("track_id") ? "{track_id}-{time}"
          : values.containsKey("publisher_identity") ? "{room_name}-{publisher_identity}-{time}" : "{room_name}-{time}";
    }
    for (var e : values.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", safe(e.getValue()));
    }
    path = path.replace("{time}", TIME.format(now)).replace("{utc}", UTC.format(now));
    RecordingFormat format = format(path, fileType);
    if (!path.toLowerCase(Locale.ROOT).endsWith(format.extension())) {
      path += format.extension();
    }
    while (path.startsWith("/")) {
      path = path.substring(1); // LiveKit's filepath is relative to the recorder's output
    }
    Path local = directory.resolve(path).normalize();
    if (!local.startsWith(directory) || local.equals(directory)) {
      throw EgressException.invalid("filepath \"" + requested + "\" leaves the recordings directory");
    }
    return new FileTarget(local, directory.relativize(local).toString(), format, upload);
  }

  private static RecordingFormat format(String path, String fileType) {
    boolean wav = path.toLowerCase(Locale.ROOT).endsWith(".wav");
    return switch (fileType) {
      case "DEFAULT_FILETYPE", "" -> wav ? RecordingFormat.WAV : RecordingFormat.OGG;
      case "OGG" -> {
        if (wav) {
          throw EgressException.invalid("file_type OGG does not fit the filepath's .wav extension");
        }
        yield RecordingFormat.OGG;
      }
      default ->
          throw EgressException.unimplemented(
              "file_type " + fileType + " is not supported: audio recordings are OGG (Opus) or WAV (a filepath ending in .wav)");
    };
  }

  /** Template values come from names people chose: keep them to one path segment. */
  private static String safe(String value) {
    return value.replace('/', '_').replace('\\', '_').replace("..", "_");
  }
}
