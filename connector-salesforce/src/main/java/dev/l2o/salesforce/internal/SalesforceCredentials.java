package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.nio.file.Path;
import java.util.List;

/** The secrets of one of the three ways to authenticate, read only from the environment. */
public sealed interface SalesforceCredentials {
    /** An access token or session id obtained elsewhere ({@code SF_ACCESS_TOKEN}); it cannot be renewed. */
    record AccessToken(String token) implements SalesforceCredentials {
        public AccessToken {
            requireNonNull(token, "token is null");
        }

        @Override
        public List<String> secrets() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "AccessToken[***]";
        }
    }

    /** The OAuth 2.0 JWT bearer flow: a connected app's consumer key, the user, and the PKCS#8 key that signs. */
    record JwtBearer(String clientId, String username, Path keyFile) implements SalesforceCredentials {
        public JwtBearer {
            requireNonNull(clientId, "clientId is null");
            requireNonNull(username, "username is null");
            requireNonNull(keyFile, "keyFile is null");
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }
    }

    /** SOAP {@code login()} through the Partner API. */
    record Password(String username, String password) implements SalesforceCredentials {
        public Password {
            requireNonNull(username, "username is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public List<String> secrets() {
            return List.of(password);
        }

        @Override
        public String toString() {
            return "Password[" + username + ", ***]";
        }
    }

    /** The secrets that must never appear in output. */
    List<String> secrets();

    /**
     * The first flow whose variables are set: {@code SF_ACCESS_TOKEN}; JWT bearer ({@code SF_CLIENT_ID},
     * {@code SF_USERNAME}, {@code SF_JWT_KEY_FILE}); SOAP login ({@code SF_USERNAME}, {@code SF_PASSWORD}).
     *
     * @throws L2oException (USER) when none is complete
     */
    static SalesforceCredentials fromEnvironment(ConnectorContext context) {
        if (context.env("SF_ACCESS_TOKEN").isPresent()) {
            return new AccessToken(context.env("SF_ACCESS_TOKEN").orElseThrow());
        }
        if (context.env("SF_CLIENT_ID").isPresent() && context.env("SF_USERNAME").isPresent()
                && context.env("SF_JWT_KEY_FILE").isPresent()) {
            return new JwtBearer(context.env("SF_CLIENT_ID").orElseThrow(), context.env("SF_USERNAME").orElseThrow(),
                    Path.of(context.env("SF_JWT_KEY_FILE").orElseThrow()));
        }
        if (context.env("SF_USERNAME").isPresent() && context.env("SF_PASSWORD").isPresent()) {
            return new Password(context.env("SF_USERNAME").orElseThrow(), context.env("SF_PASSWORD").orElseThrow());
        }
        throw new L2oException(ErrorCode.AUTHENTICATION_FAILED, "no Salesforce credentials in the environment: set SF_ACCESS_TOKEN"
                + " (with --instance-url), or SF_CLIENT_ID, SF_USERNAME and SF_JWT_KEY_FILE (JWT bearer), or SF_USERNAME and"
                + " SF_PASSWORD (SOAP login)");
    }
}
