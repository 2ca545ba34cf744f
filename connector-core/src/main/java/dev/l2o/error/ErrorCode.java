package dev.l2o.error;

/** Stable codes for every failure l2o reports; each has a type that maps to an exit code. */
public enum ErrorCode {
    BAD_ARGUMENT(ErrorType.USER),
    BAD_BLUEPRINT(ErrorType.USER),
    BAD_SOURCE(ErrorType.USER),
    BAD_CONFIG(ErrorType.USER),
    UNREADABLE_FILE(ErrorType.USER),
    MALFORMED_METADATA(ErrorType.USER),
    MALFORMED_HISTORY(ErrorType.USER),
    BAD_SNAPSHOT(ErrorType.USER),
    AUTHENTICATION_FAILED(ErrorType.USER),
    MISSING_PERMISSION(ErrorType.USER),
    SOURCE_UNAVAILABLE(ErrorType.EXTERNAL),
    API_LIMIT_REACHED(ErrorType.EXTERNAL),
    INTERNAL_ERROR(ErrorType.INTERNAL);

    private final ErrorType type;

    ErrorCode(ErrorType type) {
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }
}
