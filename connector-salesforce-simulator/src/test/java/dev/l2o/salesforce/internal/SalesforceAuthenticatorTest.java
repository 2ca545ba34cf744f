package dev.l2o.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.salesforce.SalesforceSettings;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceAuthenticatorTest {
    private static SalesforceSimulator simulator;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        simulator = SalesforceSimulator.start(SimulatedOrg.generate(1, new OrgSizes(5, 2, 10)), SimulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static SalesforceSettings settings(String instanceUrl) {
        return new SalesforceSettings(instanceUrl, simulator.loginUrl(), "62.0", 50_000, 0.1);
    }

    private static SalesforceHttp http() {
        return new SalesforceHttp(new ApiBudget(1), SalesforceHttp.fixed(() -> null), SecretRedactor.generic(), d -> { },
                new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO));
    }

    private Path pkcs8Key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path file = work.resolve("server.pk8.pem");
        Files.writeString(file, pem);
        return file;
    }

    @Test
    void anAccessTokenIsUsedAsTheSessionOnTheGivenInstance() {
        // given
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(new SalesforceCredentials.AccessToken("00Dxx!token"),
                settings("https://acme.my.salesforce.com"), Clock.systemUTC());

        // when
        SalesforceSession session = authenticator.login(http());

        // then
        assertThat(session.instanceUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(session.metadataUrl()).isEqualTo("https://acme.my.salesforce.com/services/Soap/m/62.0");
        assertThat(session.accessToken()).isEqualTo("00Dxx!token");
        assertThat(authenticator.renewable()).isFalse();
    }

    @Test
    void anAccessTokenWithoutAnInstanceUrlIsAUsageError() {
        // given
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(new SalesforceCredentials.AccessToken("token"),
                settings(null), Clock.systemUTC());

        // then
        assertThatThrownBy(() -> authenticator.login(http()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
                .hasMessageContaining("--instance-url");
    }

    @Test
    void theJwtBearerFlowSignsAnAssertionAndUsesTheReturnedInstanceUrl() throws Exception {
        // given
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(
                new SalesforceCredentials.JwtBearer("3MVG9consumerKey", "integration@example.com", pkcs8Key()), settings(null),
                Clock.systemUTC());

        // when
        SalesforceSession session = authenticator.login(http());

        // then
        assertThat(session.instanceUrl()).isEqualTo(simulator.instanceUrl());
        assertThat(session.accessToken()).isNotBlank();
        assertThat(simulator.requestLog()).anyMatch(r -> r.operation().equals("oauthToken") && r.status() == 200);
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheConversionCommand() throws Exception {
        // given
        Path key = work.resolve("server.key");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(
                new SalesforceCredentials.JwtBearer("key", "user@example.com", key), settings(null), Clock.systemUTC());

        // then
        assertThatThrownBy(() -> authenticator.login(http())).isInstanceOf(L2oException.class).hasMessageContaining("openssl pkcs8");
    }

    @Test
    void soapLoginReturnsTheServerAndMetadataUrlsOfTheLoginResult() {
        // given
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(
                new SalesforceCredentials.Password("integration@example.com", "secret+token"), settings(null), Clock.systemUTC());

        // when
        SalesforceSession session = authenticator.login(http());

        // then
        assertThat(session.instanceUrl()).isEqualTo(simulator.instanceUrl());
        assertThat(session.metadataUrl()).startsWith(simulator.instanceUrl() + "/services/Soap/m/62.0/");
        assertThat(session.partnerUrl()).startsWith(simulator.instanceUrl() + "/services/Soap/u/62.0/");
        assertThat(authenticator.renewable()).isTrue();
    }

    @Test
    void anUnreachableLoginHostIsSourceUnavailable() throws NoSuchAlgorithmException {
        // given
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(new SalesforceCredentials.Password("user", "password"),
                new SalesforceSettings(null, "http://127.0.0.1:1", "62.0", 1, 0.1), Clock.systemUTC());

        // then
        assertThatThrownBy(() -> authenticator.login(http()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE));
    }
}
