package dev.l2o.salesforce.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** The RS256-signed assertion of the OAuth 2.0 JWT bearer flow. */
public final class JwtAssertion {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtAssertion() {}

    /**
     * A signed JWT with {@code iss} = the connected app's consumer key, {@code sub} = the username,
     * {@code aud} = the login URL and an {@code exp} three minutes from {@code now}.
     */
    public static String create(String clientId, String username, String audience, PrivateKey key, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", clientId)
                .put("sub", username)
                .put("aud", audience)
                .put("exp", now.plusSeconds(180).getEpochSecond());
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new L2oException(ErrorCode.AUTHENTICATION_FAILED, "cannot sign the JWT assertion with the key of SF_JWT_KEY_FILE: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads an unencrypted PKCS#8 PEM RSA key ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws L2oException (USER) naming the file when it is missing or in another format
     */
    public static PrivateKey readKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "SF_JWT_KEY_FILE " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "SF_JWT_KEY_FILE " + file + " is not an unencrypted PKCS#8 key; convert it"
                    + " with: openssl pkcs8 -topk8 -nocrypt -in server.key -out server.pk8.pem");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "SF_JWT_KEY_FILE " + file + " has no '-----BEGIN PRIVATE KEY-----' block");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "SF_JWT_KEY_FILE " + file + " does not hold an RSA private key: " + e.getMessage(), e);
        }
    }

    private static String encode(ObjectNode part) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
        }
    }
}
