package com.scopien;

/**
 * The one unchecked root of Scopien's own errors. Its {@link Kind} says what a caller can do about
 * it, and the HTTP edge maps the kind to a status once; the code is a short stable identifier such
 * as {@code unknown_org} and the message is safe to show to a user (never a secret, never a stack).
 */
public class ScopienException extends RuntimeException {

  /** What the caller can do about an error. */
  public enum Kind {
    /** The input was wrong; fix it and try again. (400) */
    INVALID_INPUT(400),
    /** No or wrong credentials. (401) */
    UNAUTHENTICATED(401),
    /** Authenticated, but not allowed. (403) */
    FORBIDDEN(403),
    /** The thing named does not exist. (404) */
    NOT_FOUND(404),
    /** The request clashes with the current state (a name already taken). (409) */
    CONFLICT(409),
    /** A passing fault elsewhere; the same call may succeed later. (503) */
    RETRIABLE(503),
    /** The upstream service refused for good (Salesforce said no). (502) */
    UPSTREAM(502),
    /** A defect on our side. (500) */
    INTERNAL(500);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Kind kind;
  private final String code;

  public ScopienException(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public ScopienException(Kind kind, String code, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public boolean retriable() {
    return kind == Kind.RETRIABLE;
  }

  public static ScopienException invalid(String code, String message) {
    return new ScopienException(Kind.INVALID_INPUT, code, message);
  }

  public static ScopienException notFound(String code, String message) {
    return new ScopienException(Kind.NOT_FOUND, code, message);
  }

  public static ScopienException forbidden(String code, String message) {
    return new ScopienException(Kind.FORBIDDEN, code, message);
  }
}
