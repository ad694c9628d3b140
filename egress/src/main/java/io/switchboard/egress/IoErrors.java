package io.switchboard.egress;

/** File and network errors as a sentence a user can act on ("… is in the way: it is not a directory"). */
final class IoErrors {
  private IoErrors() {}

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory (" + message + ")";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
      return message + " is in the way: it is not a directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied (" + message + ")";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + " (" + fs.getFile() + ")";
    }
    return message != null ? message : e.getClass().getSimpleName();
  }
}
