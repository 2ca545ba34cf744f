package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassDataTrainingTest {
    @Test
    void splitsCommandLinesAtThen() {
        List<String[]> commandLines = ClassDataTraining.commandLines(
                new String[] {"audit", "--blueprint", "b.yaml", "--then", "metrics", "--format", "json"});

        assertThat(commandLines).containsExactly(new String[] {"audit", "--blueprint", "b.yaml"},
                new String[] {"metrics", "--format", "json"});
    }

    @Test
    void dropsEmptyCommandLines() {
        assertThat(ClassDataTraining.commandLines(new String[] {"--then", "--version", "--then"}))
                .containsExactly(new String[][] {{"--version"}});
        assertThat(ClassDataTraining.commandLines(new String[0])).isEmpty();
    }
}
