package io.switchboard.egress;

import io.switchboard.egress.record.RecordingFormat;
import io.switchboard.egress.s3.S3Target;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a recording goes: the local file it is written to while the call runs, the name reported
 * in {@code FileInfo.filename} (and used as the S3 key), and the bucket it is uploaded to once final.
 */
public record FileTarget(Path localPath, String filename, RecordingFormat format, Optional<S3Target> upload) {}
