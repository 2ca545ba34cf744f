package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ConsoleLogConfiguratorTest {

    @Test
    void logback_finds_the_configurator_as_a_service_so_no_xml_is_read() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(ConsoleLogConfigurator.class);
        assertThat(getClass().getClassLoader().getResource("logback.xml")).isNull();
    }

    @Test
    void library_warnings_go_to_stderr_as_one_l2o_line_and_information_is_left_out() {
        String stderr = stderrOf(context -> {
            context.getLogger("com.example.library.Pool").info("started");
            context.getLogger("com.example.library.Pool").warn("connection {} dropped", 3);
            context.getLogger("dev.l2o.app.AuditService").error("stopped");
        });

        assertThat(stderr).isEqualTo("l2o: WARN Pool: connection 3 dropped\nl2o: ERROR AuditService: stopped\n");
    }

    @Test
    void pdf_font_warnings_are_left_out_but_their_errors_are_not() {
        String stderr = stderrOf(context -> {
            context.getLogger("org.apache.pdfbox.pdmodel.font.FileSystemFontProvider").warn("no fonts found");
            context.getLogger("org.apache.fontbox.ttf.TTFParser").warn("no glyph");
            context.getLogger("org.apache.pdfbox.pdfparser.COSParser").error("broken");
        });

        assertThat(stderr).isEqualTo("l2o: ERROR COSParser: broken\n");
    }

    @Test
    void a_configuration_file_given_by_the_user_is_left_to_logback() {
        String before = System.getProperty(ConsoleLogConfigurator.USER_CONFIGURATION_PROPERTY);
        System.setProperty(ConsoleLogConfigurator.USER_CONFIGURATION_PROPERTY, "mine.xml");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
            configurator.setContext(context);

            assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(ConsoleLogConfigurator.USER_CONFIGURATION_PROPERTY);
            } else {
                System.setProperty(ConsoleLogConfigurator.USER_CONFIGURATION_PROPERTY, before);
            }
        }
    }

    private static String stderrOf(Consumer<LoggerContext> logging) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as SLF4J's binding does for the process's own context
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
            configurator.setContext(context);
            assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            logging.accept(context);
        } finally {
            context.stop();
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
