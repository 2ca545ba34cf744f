package dev.l2o.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtAssertionTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static JsonNode part(String jwt, int index) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    @Test
    void claimsWithQuotesBackslashesAndControlCharactersStayValidJsonWithTheExactValues() throws Exception {
        // given
        String username = "ann \"the admin\"\\ops\n\t\u0001@example.com";
        String clientId = "3MVG9\u001fkey\r";

        // when
        String jwt = JwtAssertion.create(clientId, username, "https://login.salesforce.com", keys().getPrivate(), NOW);

        // then
        JsonNode claims = part(jwt, 1);
        assertThat(claims.path("sub").textValue()).isEqualTo(username);
        assertThat(claims.path("iss").textValue()).isEqualTo(clientId);
        assertThat(claims.path("aud").textValue()).isEqualTo("https://login.salesforce.com");
        assertThat(claims.path("exp").longValue()).isEqualTo(NOW.plusSeconds(180).getEpochSecond());
        assertThat(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8))
                .doesNotContain("\n", "\t", "\u0001", "\u001f", "\r");
    }

    @Test
    void theHeaderNamesRs256AndTheSignatureVerifiesWithThePublicKey() throws Exception {
        // given
        KeyPair keys = keys();

        // when
        String jwt = JwtAssertion.create("key", "user@example.com", "https://login.salesforce.com", keys.getPrivate(), NOW);

        // then
        JsonNode header = part(jwt, 0);
        assertThat(header.path("alg").textValue()).isEqualTo("RS256");
        assertThat(header.path("typ").textValue()).isEqualTo("JWT");
        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }
}
