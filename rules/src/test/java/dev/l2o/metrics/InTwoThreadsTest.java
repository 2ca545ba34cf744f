package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InTwoThreadsTest {
    @Test
    void bothHalvesRunTheOtherOnItsOwnThreadAndItsWritesAreSeenAfter() {
        // given
        long[] halves = new long[2];
        String[] threads = new String[2];

        // when
        InTwoThreads.run("l2o-test-half", () -> {
            halves[0] = 1;
            threads[0] = Thread.currentThread().getName();
        }, () -> {
            halves[1] = 2;
            threads[1] = Thread.currentThread().getName();
        });

        // then
        assertThat(halves).containsExactly(1, 2);
        assertThat(threads).containsExactly(Thread.currentThread().getName(), "l2o-test-half");
    }

    @Test
    void aFailureOfEitherHalfIsThrownTheCallersFirstWithTheOtherSuppressed() {
        IllegalStateException here = new IllegalStateException("here");
        IllegalArgumentException there = new IllegalArgumentException("there");

        assertThatThrownBy(() -> InTwoThreads.run("l2o-test-half", () -> {}, () -> {
            throw there;
        })).isSameAs(there);
        assertThatThrownBy(() -> InTwoThreads.run("l2o-test-half", () -> {
            throw here;
        }, () -> {
            throw there;
        })).isSameAs(here).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(there));
    }
}
