package dev.l2o.hubspot.internal;

import dev.l2o.http.FailureClassifier;
import dev.l2o.http.FailureKind;
import dev.l2o.http.HttpStatusException;
import java.time.Duration;
import java.util.Optional;

/**
 * HubSpot's deviations from the shared retry rules: a 429 whose {@code policyName} is {@code DAILY} is
 * permanent (the account's daily limit resets at midnight in its time zone, retrying only adds error
 * responses), any other 429 ({@code TEN_SECONDLY_ROLLING}, the older {@code SECONDLY}) is throttling. The
 * body, not {@code Retry-After}, is the contract: HubSpot does not promise the header, so without it a
 * throttled request waits a tenth of the window (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines).
 */
final class HubSpotFailureClassifier extends FailureClassifier {
    private final Duration throttleWait;

    HubSpotFailureClassifier(Duration throttleWait) {
        this.throttleWait = throttleWait;
    }

    @Override
    protected FailureKind classifyStatus(HttpStatusException failure) {
        if (failure.status() == 429 && HubSpotError.parse(failure.body()).isDailyLimit()) {
            return FailureKind.PERMANENT;
        }
        return super.classifyStatus(failure);
    }

    @Override
    public Optional<Duration> throttleDelay(Throwable failure) {
        return Optional.of(super.throttleDelay(failure).orElse(throttleWait));
    }
}
