package io.switchboard.egress;

import io.switchboard.egress.s3.S3Target;
import java.nio.file.Path;
import java.util.Optional;

/**
 * @param directory where recordings are written (relative file paths resolve here)
 * @param journal where each egress's state is kept, so a restart can finish what a crash left
 * @param s3 the bucket every recording is uploaded to unless its request names one
 */
public record EgressSettings(Path directory, Path journal, Optional<S3Target> s3) {}
