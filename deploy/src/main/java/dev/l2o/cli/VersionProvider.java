package dev.l2o.cli;

import dev.l2o.app.ToolVersion;
import picocli.CommandLine;

/** {@code l2o --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"l2o " + ToolVersion.current()};
    }
}
