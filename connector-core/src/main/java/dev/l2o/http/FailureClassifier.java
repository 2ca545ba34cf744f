package dev.l2o.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Decides whether a failed request is worth retrying. A template method: {@link #classify} handles the
 * cases every CRM shares and delegates HTTP statuses and I/O errors to hooks a CRM overrides where its API
 * differs (HubSpot: a 429 for the daily limit is permanent, for the ten-second window it is throttling).
 *
 * <p>Defaults: 401 and 403 (authentication, permission) and other 4xx are permanent; 408, 429 throttle or
 * retry; 5xx retry; timeouts, resets, truncated bodies and other I/O errors retry; unknown hosts, TLS peer
 * failures and refused writes are permanent; anything that is not an I/O error is a defect and permanent.
 * Thread-safe when the hooks are.
 */
public abstract class FailureClassifier {
    /** The kind of this failure. */
    public final FailureKind classify(Throwable failure) {
        if (failure instanceof HttpStatusException status) {
            return classifyStatus(status);
        }
        if (failure instanceof WriteRefusedException) {
            return FailureKind.PERMANENT;
        }
        if (failure instanceof IOException io) {
            return classifyIo(io);
        }
        return FailureKind.PERMANENT;
    }

    /** How long to wait before retrying a {@link FailureKind#THROTTLED} failure, when the server said so. */
    public Optional<Duration> throttleDelay(Throwable failure) {
        return failure instanceof HttpStatusException status ? status.retryAfter() : Optional.empty();
    }

    /** Classifies a non-2xx response. */
    protected FailureKind classifyStatus(HttpStatusException failure) {
        int status = failure.status();
        if (status == 429) {
            return FailureKind.THROTTLED;
        }
        if (status == 408 || status >= 500) {
            return FailureKind.RETRYABLE;
        }
        return FailureKind.PERMANENT;
    }

    /** Classifies an I/O failure: no response, or a response whose body could not be read. */
    protected FailureKind classifyIo(IOException failure) {
        if (failure instanceof UnknownHostException || failure instanceof SSLPeerUnverifiedException) {
            return FailureKind.PERMANENT;
        }
        if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return FailureKind.PERMANENT;
        }
        return FailureKind.RETRYABLE;
    }

    /** The classifier with only the shared defaults. */
    public static FailureClassifier standard() {
        return new FailureClassifier() {};
    }
}
