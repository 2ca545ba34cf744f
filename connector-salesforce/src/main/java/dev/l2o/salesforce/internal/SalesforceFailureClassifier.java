package dev.l2o.salesforce.internal;

import dev.l2o.http.FailureClassifier;
import dev.l2o.http.FailureKind;
import dev.l2o.http.HttpStatusException;

/**
 * Salesforce's exceptions to the shared retry rules: a SOAP fault arrives as HTTP 500 with an XML body and is
 * an answer, not an outage (never retried; the caller reads the fault); 403 {@code REQUEST_LIMIT_EXCEEDED}
 * and 401 {@code INVALID_SESSION_ID} are permanent; other 5xx responses are retried.
 */
final class SalesforceFailureClassifier extends FailureClassifier {
    @Override
    protected FailureKind classifyStatus(HttpStatusException failure) {
        if (isSoapFault(failure)) {
            return FailureKind.PERMANENT;
        }
        return super.classifyStatus(failure);
    }

    static boolean isSoapFault(HttpStatusException failure) {
        return failure.status() == 500 && failure.body().contains("Fault>") && failure.body().contains("faultcode");
    }
}
