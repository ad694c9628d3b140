package io.switchboard.egress;

/** A request this server cannot carry out, with what kind of problem it is. */
public final class EgressException extends RuntimeException {
  public enum Kind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    FAILED_PRECONDITION,
    UNIMPLEMENTED
  }

  private final Kind kind;

  public EgressException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static EgressException invalid(String message) {
    return new EgressException(Kind.INVALID_ARGUMENT, message);
  }

  static EgressException notFound(String message) {
    return new EgressException(Kind.NOT_FOUND, message);
  }

  static EgressException unimplemented(String message) {
    return new EgressException(Kind.UNIMPLEMENTED, message);
  }
}
