package dev.l2o.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {
    private static ConnectorContext context(Map<String, String> environment) {
        return new ConnectorContext(Clock.systemUTC(), environment, Path.of("."), ProgressListener.NONE);
    }

    @Test
    void optionsWinOverTheEnvironmentAndDefaultsFillTheRest() {
        // given
        SourceSpec spec = SourceSpec.parse("salesforce", Map.of("instanceUrl", "https://acme.my.salesforce.com/", "apiBudgetShare", "25%"));

        // when
        SalesforceSettings settings = SalesforceSettings.from(spec, context(Map.of("SF_INSTANCE_URL", "https://other.example.com",
                "SF_LOGIN_URL", "https://test.salesforce.com")));

        // then
        assertThat(settings.instanceUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(settings.loginUrl()).isEqualTo("https://test.salesforce.com");
        assertThat(settings.apiVersion()).isEqualTo("62.0");
        assertThat(settings.bulkThreshold()).isEqualTo(50_000);
        assertThat(settings.apiBudgetShare()).isEqualTo(0.25);
    }

    @Test
    void aShareAboveOneIsAUsageErrorNamingTheOption() {
        // given
        SourceSpec spec = SourceSpec.parse("salesforce", Map.of("apiBudgetShare", "1.5"));

        // then
        assertThatThrownBy(() -> SalesforceSettings.from(spec, context(Map.of())))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
                .hasMessageContaining("apiBudgetShare");
    }

    @Test
    void theFirstCompleteCredentialFlowInTheEnvironmentWins() {
        // then
        assertThat(SalesforceCredentials.fromEnvironment(context(Map.of("SF_ACCESS_TOKEN", "t", "SF_USERNAME", "u", "SF_PASSWORD", "p"))))
                .isInstanceOf(SalesforceCredentials.AccessToken.class);
        assertThat(SalesforceCredentials.fromEnvironment(context(Map.of("SF_CLIENT_ID", "c", "SF_USERNAME", "u", "SF_JWT_KEY_FILE", "k",
                "SF_PASSWORD", "p")))).isInstanceOf(SalesforceCredentials.JwtBearer.class);
        assertThat(SalesforceCredentials.fromEnvironment(context(Map.of("SF_USERNAME", "u", "SF_PASSWORD", "p"))))
                .isInstanceOf(SalesforceCredentials.Password.class);
        assertThatThrownBy(() -> SalesforceCredentials.fromEnvironment(context(Map.of("SF_USERNAME", "u"))))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        // then
        assertThat(new SalesforceCredentials.AccessToken("00Dsecret!token").toString()).doesNotContain("secret");
        assertThat(new SalesforceCredentials.Password("user", "hunter2password").toString()).doesNotContain("hunter2");
    }
}
