package io.switchboard.sip.api;

/**
 * A request field that cannot be turned into the model, e.g. an enum number this server does not
 * know. {@code field} is relative to the message being mapped; the handler that knows where that
 * message sits in the request adds the prefix (see {@link ApiErrors#invalidField}).
 */
final class InvalidFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
