package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.FailureKind;
import dev.l2o.http.HttpClients;
import dev.l2o.http.HttpExecutor;
import dev.l2o.http.HttpStatusException;
import dev.l2o.http.ReadEndpoint;
import dev.l2o.http.ReadOnlyGuard;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.http.Sleeper;
import dev.l2o.http.WriteRefusedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Every HTTP request of a Salesforce fetch goes through here: one OkHttp client with the read-only guard,
 * the shared classified retry (5xx, timeouts and resets retried with backoff), the API budget charged per
 * request and fed from {@code Sforce-Limit-Info}, the session renewed once on {@code INVALID_SESSION_ID},
 * and Salesforce's failures turned into {@link L2oException}s with redacted one-line messages.
 */
public final class SalesforceHttp {
    /** The POSTs Salesforce reads with; SOAP calls are further limited to read operations by the SOAP transport. */
    static final List<ReadEndpoint> READ_POSTS = List.of(
            ReadEndpoint.post("/services/oauth2/token", "OAuth token request: authenticates, changes nothing"),
            ReadEndpoint.post("/services/Soap/[um]/\\d+\\.\\d+(/\\w+)?/?",
                    "SOAP endpoint; the SOAP transport lets only login, describe, listMetadata and readMetadata through"),
            ReadEndpoint.post("/services/data/v\\d+\\.\\d+/jobs/query", "Bulk API 2.0 query job: reads records into a result set"),
            ReadEndpoint.post("/services/data/v\\d+\\.\\d+/composite",
                    "composite of GET subrequests: SalesforceComposite builds no other method"));

    private final HttpExecutor executor;
    private final ApiBudget budget;
    private final SessionHolder sessions;
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;

    /** The current session and how to get a new one. */
    public interface SessionHolder {
        SalesforceSession current();

        /** Logs in again; returns null when the credentials cannot be renewed (a plain access token). */
        SalesforceSession renew();
    }

    public SalesforceHttp(ApiBudget budget, SessionHolder sessions, SecretRedactor redactor, Sleeper sleeper, RetryPolicy retryPolicy) {
        this(budget, sessions, redactor, sleeper, retryPolicy, null);
    }

    /** As above, with a read timeout other than the shared client's (null keeps it). */
    public SalesforceHttp(ApiBudget budget, SessionHolder sessions, SecretRedactor redactor, Sleeper sleeper, RetryPolicy retryPolicy,
            Duration readTimeout) {
        this.budget = requireNonNull(budget, "budget is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
        OkHttpClient.Builder builder = HttpClients.shared().newBuilder().addInterceptor(ReadOnlyGuard.allowing(READ_POSTS));
        if (readTimeout != null) {
            builder.readTimeout(readTimeout);
        }
        OkHttpClient client = builder.build();
        this.executor = HttpExecutor.builder("salesforce", client)
                .classifier(new SalesforceFailureClassifier())
                .retryPolicy(retryPolicy)
                .sleeper(sleeper)
                .redactor(redactor)
                .observer(response -> budget.observe(response.header("Sforce-Limit-Info")))
                .build();
    }

    public HttpExecutor executor() {
        return executor;
    }

    public ApiBudget budget() {
        return budget;
    }

    public SessionHolder sessions() {
        return sessions;
    }

    /** The retry policy of every request, which reads inside one request (composite subrequests) follow too. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** How waits between attempts are made. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Whether a failure Salesforce answered may pass when asked again (5xx other than SOAP faults, 429). */
    public static boolean transientFailure(L2oException failure) {
        return failure.getCause() instanceof HttpStatusException status
                && new SalesforceFailureClassifier().classify(status) != FailureKind.PERMANENT;
    }

    /**
     * Sends an API request built for the current session, charging the budget; renews the session once on
     * HTTP 401. A 401 after that, or a 403 other than {@code REQUEST_LIMIT_EXCEEDED}, is the user's to fix
     * ({@link ErrorCode#AUTHENTICATION_FAILED}, {@link ErrorCode#MISSING_PERMISSION}).
     *
     * @param what names the request in messages ({@code the OpportunityHistory query})
     */
    public <T> T call(String what, Function<SalesforceSession, Request> request, HttpExecutor.ResponseReader<T> reader) {
        SalesforceSession session = sessions.current();
        for (int attempt = 0; ; attempt++) {
            budget.charge(what);
            try {
                return executor.execute(request.apply(session), reader);
            } catch (HttpStatusException e) {
                if (e.status() == 401 && attempt == 0) {
                    SalesforceSession renewed = sessions.renew();
                    if (renewed != null) {
                        session = renewed;
                        continue;
                    }
                }
                throw failure(what, e);
            } catch (WriteRefusedException e) {
                throw new L2oException(ErrorCode.INTERNAL_ERROR, executor.redactor().redact(e.getMessage()), e);
            } catch (IOException e) {
                throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce did not answer " + what + ": "
                        + executor.redactor().redact(String.valueOf(e.getMessage())), e);
            }
        }
    }

    /** The L2oException for a Salesforce error response. */
    public L2oException failure(String what, HttpStatusException e) {
        String body = e.body();
        if (e.status() == 403 && body.contains("REQUEST_LIMIT_EXCEEDED")) {
            return new L2oException(ErrorCode.API_LIMIT_REACHED, "Salesforce refused " + what
                    + ": REQUEST_LIMIT_EXCEEDED (the org's API request limit is used up)", e);
        }
        // 401 and 403 are the user's to fix (credentials, the user's permissions), not an outage: no retry, exit 2
        if (e.status() == 401) {
            return new L2oException(ErrorCode.AUTHENTICATION_FAILED, "Salesforce refused " + what
                    + ": INVALID_SESSION_ID (the session expired and could not be renewed by logging in again)", e);
        }
        if (e.status() == 403) {
            return new L2oException(ErrorCode.MISSING_PERMISSION, "Salesforce refused " + what + " with HTTP 403"
                    + (body.isBlank() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body).replace('\n', ' '))
                    + " (the integration user needs API Enabled and View Setup and Configuration)", e);
        }
        String detail = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce answered " + what + " with HTTP " + e.status()
                + (detail.isBlank() ? "" : ": " + detail.replace('\n', ' ')), e);
    }

    /** A supplier of a session that never changes, for a token that cannot be renewed. */
    public static SessionHolder fixed(Supplier<SalesforceSession> session) {
        return new SessionHolder() {
            @Override
            public SalesforceSession current() {
                return session.get();
            }

            @Override
            public SalesforceSession renew() {
                return null;
            }
        };
    }
}
