package dev.l2o.http;

import java.io.IOException;

/**
 * A successful status with a body of a media type the request did not ask for, such as the HTML error or
 * login page a proxy or a CRM's edge answers with HTTP 200. Retried like a body that broke off: the next
 * attempt usually gets the real answer.
 */
public final class UnexpectedContentException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnexpectedContentException(String message) {
        super(message);
    }
}
