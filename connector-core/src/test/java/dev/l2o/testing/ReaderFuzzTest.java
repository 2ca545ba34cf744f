package dev.l2o.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A Jazzer fuzz test of a reader of user files: under {@code mvn verify} it replays the seed corpus, with
 * {@code JAZZER_FUZZ=1} ({@code bench/fuzz.sh}) it fuzzes for {@code -Djazzer.max_duration} (60 s by default). One input
 * may take 30 s at most: a slower one is a hang, which Jazzer reports as a finding.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@FuzzTest(maxDuration = "60s")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public @interface ReaderFuzzTest {}
