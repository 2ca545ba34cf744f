package dev.l2o.salesforce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract for {@code salesforce} with the JWT bearer flow: consumer key and username in the
 * environment, the signing key in a file the environment names. Neither the key, nor the signed assertion, nor
 * the access token the org hands out may leak.
 */
class SalesforceJwtConnectorConformanceTest extends SalesforceConnectorConformanceTest {
    private Path keyFile;
    private String keyBody;

    @BeforeEach
    void writeSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keyBody = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            keyFile = workDirectory.resolve("server.pk8.pem");
            Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + keyBody + "\n-----END PRIVATE KEY-----\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("SF_LOGIN_URL", simulator.loginUrl(), "SF_USERNAME", "integration@northwind.example",
                "SF_CLIENT_ID", "3MVG9northwind.conformance.consumer.key", "SF_JWT_KEY_FILE", keyFile.toString());
    }

    /** Any 64-character line of the key would be a leak of it; the first stands for all. */
    @Override
    protected Map<String, String> otherCredentials() {
        return Map.of("the first line of the private key in SF_JWT_KEY_FILE", keyBody.lines().findFirst().orElseThrow());
    }
}
