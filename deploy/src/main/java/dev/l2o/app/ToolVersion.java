package dev.l2o.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of l2o, from the build (filtered resource {@code l2o-version.properties}). */
public final class ToolVersion {
    private ToolVersion() {}

    public static String current() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/l2o-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
