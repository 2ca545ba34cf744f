package dev.l2o.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    @Test
    void masksAGivenSecretWhereverItOccurs() {
        // given
        SecretRedactor redactor = SecretRedactor.of(List.of("s3cret-token-value"));

        // when
        String text = redactor.redact("request failed for s3cret-token-value (s3cret-token-value)");

        // then
        assertThat(text).isEqualTo("request failed for *** (***)");
    }

    @Test
    void masksBearerTokensQueryParametersJsonAndXmlFieldsItWasNotGiven() {
        // given
        SecretRedactor redactor = SecretRedactor.generic();

        // when
        String text = redactor.redact("Authorization: Bearer abc.def-123 GET /x?hapikey=42abc&limit=5 "
                + "{\"access_token\":\"00Dxx\",\"id\":\"1\"} <sessionId>SESSION</sessionId>");

        // then
        assertThat(text).isEqualTo("Authorization: Bearer *** GET /x?hapikey=***&limit=5 "
                + "{\"access_token\":\"***\",\"id\":\"1\"} <sessionId>***</sessionId>");
    }

    @Test
    void masksHubSpotPrivateAppTokensAndSalesforceSessionIds() {
        // given
        SecretRedactor redactor = SecretRedactor.generic();

        // when
        String text = redactor.redact("token pat-na1-11111111-2222-3333-4444-555555555555 and session "
                + "00D5g000004XyZaEAK!AQ8AQBm.xyz_1 expired");

        // then
        assertThat(text).isEqualTo("token *** and session *** expired");
    }

    @Test
    void leavesShortSecretsAndNullAlone() {
        // given
        SecretRedactor redactor = SecretRedactor.of(Arrays.asList("ab", null));

        // when
        String text = redactor.redact("about a tab");

        // then
        assertThat(text).isEqualTo("about a tab");
        assertThat(redactor.redact(null)).isNull();
    }
}
