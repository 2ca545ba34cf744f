package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JIT compiler directives the launcher gives {@code l2o metrics} (src/main/jvm): a JVM accepts the file, and every
 * class and method it names (to match or to inline) exists, so that a rename cannot silently hand the reading code back to the default policy
 * (or, worse, a syntax error stop every metrics run at JVM start).
 */
class CompilerDirectivesTest {
    private static final Path DIRECTIVES = Path.of("src/main/jvm/metrics-compiler-directives.json");

    @Test
    void aJvmAcceptsTheDirectives() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + DIRECTIVES.toAbsolutePath(), "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(directives().size() + " compiler directives added");
    }

    @Test
    void everyNamedClassAndMethodExists() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (JsonNode directive : directives()) {
            directive.get("match").forEach(pattern -> patterns.add(pattern.asText()));
            // Inline rules name methods too, after a + (inline) or a - (do not).
            directive.path("c2").path("inline").forEach(rule -> patterns.add(rule.asText().substring(1)));
        }
        assertThat(patterns).contains("dev/l2o/history/PlainDecimal.parse");
        assertThat(patterns).contains("*.*");
        for (String pattern : patterns) {
            if (pattern.equals("*.*")) {
                continue;
            }
            int dot = pattern.lastIndexOf('.');
            String type = pattern.substring(0, dot);
            String method = pattern.substring(dot + 1);
            if (type.endsWith("/*")) {
                String folder = type.substring(0, type.length() - 1);
                assertThat(getClass().getClassLoader().getResources(folder).hasMoreElements())
                        .as("package of %s", pattern).isTrue();
                continue;
            }
            Class<?> found = load(type.replace('/', '.'));
            assertThat(found).as("class of %s", pattern).isNotNull();
            if (!method.equals("*")) {
                assertThat(Arrays.stream(found.getDeclaredMethods()).map(Method::getName)).as(pattern).contains(method);
            }
        }
    }

    /** The directives, read as HotSpot reads them: unquoted keys, block comments. */
    private static List<JsonNode> directives() throws IOException {
        JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
        List<JsonNode> directives = new ArrayList<>();
        mapper.readTree(Files.readString(DIRECTIVES)).forEach(directives::add);
        return directives;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CompilerDirectivesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
