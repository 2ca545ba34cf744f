package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.HttpStatusException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Several REST reads in one API call through the composite resource. Salesforce documents it as: "Executes a series of
 * REST API requests in a single call. ... The entire series of requests counts as a single call toward your API
 * limits" (REST API Developer Guide, "Send Multiple Requests Using Composite"); "You can have up to 25 subrequests in a
 * single call. Up to 5 of these subrequests can be query operations, including Query and QueryAll requests, and
 * requests to get the next batch of query results"; supported are sObject resources (so getDeleted), Query and
 * QueryAll, not {@code /limits}. This class splits reads into as few composite calls as those limits allow, sends
 * them with {@code allOrNone=false} (one failed read does not void the others) and gives each read its own answer:
 * the body, or the failure its {@code httpStatusCode} and error body make, classified by
 * {@link SalesforceHttp#failure} exactly as a top-level response of that status and body would be. It only ever
 * builds GET subrequests, which is what lets the read-only guard allow POSTs to the resource. Not thread-safe.
 */
public final class SalesforceComposite {
    /** Subrequests a composite call takes at most. */
    public static final int MAX_SUBREQUESTS = 25;
    /** Query operations (Query, QueryAll, next batch) among them at most. */
    public static final int MAX_QUERIES = 5;
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

    private final SalesforceHttp http;
    private final String apiVersion;
    private final ObjectMapper mapper = new ObjectMapper();
    private int calls;

    public SalesforceComposite(SalesforceHttp http, String apiVersion) {
        this.http = requireNonNull(http, "http is null");
        this.apiVersion = requireNonNull(apiVersion, "apiVersion is null");
    }

    /**
     * One GET read.
     *
     * @param what names the read in messages ({@code the OpportunityHistory query})
     * @param url the path and query below the instance ({@code /services/data/v62.0/query?q=...})
     */
    public record Read(String what, String url) {
        public Read {
            requireNonNull(what, "what is null");
            requireNonNull(url, "url is null");
        }

        /** Whether the read is a query operation, of which a composite call takes only {@link #MAX_QUERIES}. */
        boolean query() {
            return url.matches("/services/data/v\\d+\\.\\d+/query(All)?([/?].*)?");
        }
    }

    /** A read's answer: its body, or the failure Salesforce answered it with. */
    public record Answer(Read read, JsonNode body, L2oException failure) {
        public Answer {
            requireNonNull(read, "read is null");
            if ((body == null) == (failure == null)) {
                throw new IllegalArgumentException("an answer has a body or a failure");
            }
        }

        /** The body. @throws L2oException the read's failure */
        public JsonNode bodyOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return body;
        }
    }

    /** The composite calls {@code reads} take: each at most 25 reads of which at most 5 queries, in order. */
    static List<List<Read>> split(List<Read> reads) {
        List<List<Read>> calls = new ArrayList<>();
        List<Read> current = new ArrayList<>();
        int queries = 0;
        for (Read read : reads) {
            boolean query = read.query();
            if (current.size() == MAX_SUBREQUESTS || (query && queries == MAX_QUERIES)) {
                calls.add(current);
                current = new ArrayList<>();
                queries = 0;
            }
            current.add(read);
            queries += query ? 1 : 0;
        }
        if (!current.isEmpty()) {
            calls.add(current);
        }
        return calls;
    }

    /**
     * Sends {@code reads} in as few composite calls as the limits allow and answers each, in order. A failure of a whole
     * composite call (limits, outage, session) throws as any call does. Reads answered with a transient failure (5xx,
     * 429) are sent again in a further composite call, after the retry policy's backoff, as often as it lets a
     * top-level request be retried.
     */
    public List<Answer> execute(List<Read> reads) {
        List<Answer> answers = new ArrayList<>(Collections.nCopies(reads.size(), (Answer) null));
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt - 1);
            }
            List<Answer> answered = new ArrayList<>();
            for (List<Read> call : split(pending.stream().map(reads::get).toList())) {
                answered.addAll(send(call));
            }
            List<Integer> again = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Answer answer = answered.get(i);
                answers.set(pending.get(i), answer);
                if (answer.failure() != null && attempt < http.retryPolicy().maxAttempts()
                        && SalesforceHttp.transientFailure(answer.failure())) {
                    again.add(pending.get(i));
                }
            }
            pending = again;
        }
        return answers;
    }

    private void pause(int retry) {
        try {
            http.sleeper().sleep(http.retryPolicy().backoff(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "interrupted while waiting to ask Salesforce again", e);
        }
    }

    /** Composite calls sent so far. */
    public int calls() {
        return calls;
    }

    private List<Answer> send(List<Read> reads) {
        ObjectNode request = mapper.createObjectNode().put("allOrNone", false);
        ArrayNode subrequests = request.putArray("compositeRequest");
        for (int i = 0; i < reads.size(); i++) {
            subrequests.addObject().put("method", "GET").put("url", reads.get(i).url()).put("referenceId", "read" + i);
        }
        String body = request.toString();
        String path = "/services/data/v" + apiVersion + "/composite";
        String what = "the composite request of " + reads.size() + " reads (" + reads.get(0).what() + (reads.size() > 1 ? ", …)" : ")");
        calls++;
        JsonNode response = http.call(what, s -> new okhttp3.Request.Builder().url(s.instanceUrl() + path)
                .header("Authorization", "Bearer " + s.accessToken()).header("Accept", "application/json")
                .post(RequestBody.create(body, JSON)).build(), r -> mapper.readTree(r.body().byteStream()));
        Map<String, JsonNode> byReference = new HashMap<>();
        response.path("compositeResponse").forEach(answer -> byReference.put(answer.path("referenceId").asText(""), answer));
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            answers.add(answer(reads.get(i), byReference.get("read" + i)));
        }
        return answers;
    }

    private Answer answer(Read read, JsonNode subresponse) {
        if (subresponse == null) {
            return new Answer(read, null, new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce answered the composite request"
                    + " without an answer to " + read.what()));
        }
        int status = subresponse.path("httpStatusCode").asInt(0);
        JsonNode body = subresponse.get("body");
        if (status >= 200 && status < 300 && body != null && !body.isNull()) {
            return new Answer(read, body, null);
        }
        String text = body == null || body.isNull() ? "" : body.isTextual() ? body.asText() : body.toString();
        HttpStatusException failure = new HttpStatusException(status, "GET", read.url(), Headers.of(), text);
        return new Answer(read, null, http.failure(read.what(), failure));
    }
}
