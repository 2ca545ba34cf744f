package dev.l2o.connector;

import static java.util.Objects.requireNonNull;

/**
 * A setting a connector reads, for help texts and validation.
 *
 * @param name the option name ({@code instanceUrl}) or environment variable ({@code SF_ACCESS_TOKEN})
 * @param description one sentence
 * @param fromEnvironment whether it is read from the environment rather than given as an option
 * @param sensitive whether the value is a secret: never printed, logged or written
 */
public record SettingDescriptor(String name, String description, boolean fromEnvironment, boolean sensitive) {
    public SettingDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
    }
}
