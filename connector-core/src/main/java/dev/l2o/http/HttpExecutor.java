package dev.l2o.http;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests with the shared resilience every CRM connector needs: a client-side rate limit before each
 * attempt, a Resilience4j retry that retries what the {@link FailureClassifier} calls retryable or
 * throttled (bounded by the {@link RetryPolicy}), non-2xx responses turned into redacted
 * {@link HttpStatusException}s, and counters of what was sent. Thread-safe.
 *
 * <p>Resilience4j sleeps between attempts through a process-wide static function; to keep waits injectable,
 * the interval function here waits through the {@link Sleeper} itself and tells Resilience4j to wait 0 ms.
 */
public final class HttpExecutor {
    private final OkHttpClient client;
    private final FailureClassifier classifier;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ClientRateLimiter rateLimiter;
    private final SecretRedactor redactor;
    private final Consumer<Response> observer;
    private final Retry retry;
    private final LongAdder sent = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder throttled = new LongAdder();

    /** Reads a successful response into a value; called inside the retry, so a body that breaks off is retried. */
    @FunctionalInterface
    public interface ResponseReader<T> {
        T read(Response response) throws IOException;
    }

    /**
     * What was sent.
     *
     * @param requests attempts sent over the wire (after the rate limiter)
     * @param retries attempts that were retries of a failed one
     * @param throttled responses the classifier called throttled (429 and the like)
     */
    public record Stats(long requests, long retries, long throttled) {}

    private HttpExecutor(Builder builder) {
        this.client = requireNonNull(builder.client, "client is null");
        this.classifier = requireNonNull(builder.classifier, "classifier is null");
        this.policy = requireNonNull(builder.policy, "policy is null");
        this.sleeper = requireNonNull(builder.sleeper, "sleeper is null");
        this.rateLimiter = builder.rateLimiter;
        this.redactor = requireNonNull(builder.redactor, "redactor is null");
        this.observer = builder.observer;
        this.retry = Retry.of(builder.name, RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(this::shouldRetry)
                .intervalBiFunction(this::waitBeforeRetry)
                .build());
    }

    public static Builder builder(String name, OkHttpClient client) {
        return new Builder(name, client);
    }

    /**
     * Sends {@code request} (retrying as the policy allows) and reads the 2xx response.
     *
     * @throws HttpStatusException the last non-2xx response when retries did not help
     * @throws IOException the last I/O failure when retries did not help
     */
    public <T> T execute(Request request, ResponseReader<T> reader) throws IOException {
        CheckedSupplier<T> attempt = () -> attempt(request, reader);
        try {
            return Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(redactor.redact(String.valueOf(e.getMessage())), e);
        }
    }

    /** Counters so far. */
    public Stats stats() {
        return new Stats(sent.sum(), retried.sum(), throttled.sum());
    }

    /** The rate limiter, or null when requests are not limited. */
    public ClientRateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The redactor applied to error bodies. */
    public SecretRedactor redactor() {
        return redactor;
    }

    private <T> T attempt(Request request, ResponseReader<T> reader) throws IOException {
        if (rateLimiter != null) {
            try {
                rateLimiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rate limiter");
            }
        }
        sent.increment();
        try (Response response = client.newCall(request).execute()) {
            if (observer != null) {
                observer.accept(response);
            }
            if (!response.isSuccessful()) {
                throw toStatusException(request, response);
            }
            checkContentType(request, response);
            return reader.read(response);
        }
    }

    /**
     * Refuses a 2xx body of a media type the request did not accept: read as the expected format it would
     * either fail to parse or, worse, parse (an HTML page copied into a CSV spool as rows). Requests without
     * an {@code Accept} header, or accepting anything, take any body.
     */
    private static void checkContentType(Request request, Response response) throws UnexpectedContentException {
        String accept = request.header("Accept");
        if (accept == null || accept.isBlank() || response.code() == 204) {
            return;
        }
        String received = mediaType(response.header("Content-Type", ""));
        for (String accepted : accept.split(",")) {
            String type = mediaType(accepted);
            if (type.equals("*/*") || type.equals(received)
                    || type.endsWith("/*") && received.startsWith(type.substring(0, type.length() - 1))) {
                return;
            }
        }
        throw new UnexpectedContentException(request.method() + " " + request.url().encodedPath() + " answered HTTP " + response.code()
                + " with " + (received.isEmpty() ? "no content type" : received) + " where " + accept.trim() + " was asked for");
    }

    /** The {@code type/subtype} of a media type, lower case, without parameters. */
    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private HttpStatusException toStatusException(Request request, Response response) {
        String body;
        try {
            ResponseBody raw = response.body();
            if (raw == null) {
                body = "";
            } else {
                okio.BufferedSource source = raw.source();
                source.request(HttpStatusException.MAX_BODY_CHARS);
                body = source.getBuffer().readUtf8(Math.min(source.getBuffer().size(), HttpStatusException.MAX_BODY_CHARS));
            }
        } catch (IOException | IllegalStateException e) {
            body = "";
        }
        return new HttpStatusException(response.code(), request.method(), redactor.redact(request.url().encodedPath()),
                response.headers(), redactor.redact(body));
    }

    private boolean shouldRetry(Throwable failure) {
        return switch (classifier.classify(failure)) {
            case PERMANENT -> false;
            case RETRYABLE -> true;
            case THROTTLED -> {
                throttled.increment();
                yield classifier.throttleDelay(failure).map(d -> d.compareTo(policy.maxThrottleWait()) <= 0).orElse(true);
            }
        };
    }

    private Long waitBeforeRetry(Integer attempt, Either<Throwable, Object> outcome) {
        Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
        Duration wait = policy.backoff(attempt);
        if (failure != null && classifier.classify(failure) == FailureKind.THROTTLED) {
            wait = classifier.throttleDelay(failure).orElse(wait);
        }
        retried.increment();
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting to retry"));
        }
        return 0L;
    }

    /** Builds an executor; only the name and client are required. */
    public static final class Builder {
        private final String name;
        private final OkHttpClient client;
        private FailureClassifier classifier = FailureClassifier.standard();
        private RetryPolicy policy = RetryPolicy.standard();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private ClientRateLimiter rateLimiter;
        private SecretRedactor redactor = SecretRedactor.generic();
        private Consumer<Response> observer;

        private Builder(String name, OkHttpClient client) {
            this.name = requireNonNull(name, "name is null");
            this.client = requireNonNull(client, "client is null");
        }

        public Builder classifier(FailureClassifier value) {
            this.classifier = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.policy = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** Limits attempts; null (the default) sends without a limit. */
        public Builder rateLimiter(ClientRateLimiter value) {
            this.rateLimiter = value;
            return this;
        }

        public Builder redactor(SecretRedactor value) {
            this.redactor = value;
            return this;
        }

        /** Sees every response, successful or not, before it is classified (rate-limit headers). */
        public Builder observer(Consumer<Response> value) {
            this.observer = value;
            return this;
        }

        public HttpExecutor build() {
            return new HttpExecutor(this);
        }
    }
}
