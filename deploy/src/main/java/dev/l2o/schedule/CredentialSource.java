package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where one credential of an audit's source comes from: another environment variable (so that two audits
 * of two orgs can each have their own {@code SF_ACCESS_TOKEN}) or a file (Kubernetes and systemd secrets).
 */
public sealed interface CredentialSource {
    /**
     * Reads the credential.
     *
     * @throws L2oException BAD_CONFIG when the variable is not set, UNREADABLE_FILE when the file cannot be read;
     *     the message names the variable or file, never the value
     */
    String read(Map<String, String> environment);

    /** The value of another environment variable ({@code {env: NAME}}). */
    record FromEnvironment(String variable) implements CredentialSource {
        public FromEnvironment {
            requireNonNull(variable, "variable is null");
        }

        @Override
        public String read(Map<String, String> environment) {
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                throw new L2oException(ErrorCode.BAD_CONFIG, "environment variable " + variable + " is not set");
            }
            return value;
        }
    }

    /** The content of a file, without its trailing line break ({@code {file: PATH}}). */
    record FromFile(Path file) implements CredentialSource {
        public FromFile {
            requireNonNull(file, "file is null");
        }

        @Override
        public String read(Map<String, String> environment) {
            try {
                return Files.readString(file).stripTrailing();
            } catch (IOException e) {
                throw new L2oException(ErrorCode.UNREADABLE_FILE, file + ": cannot read the credential file: "
                        + e.getClass().getSimpleName(), e);
            }
        }
    }
}
