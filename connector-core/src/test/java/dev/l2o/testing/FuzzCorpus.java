package dev.l2o.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The checked-in seed corpus of a Jazzer fuzz test, and a bounded number of inputs derived from it for CI.
 *
 * <p>Under plain {@code mvn verify} Jazzer only replays the seeds ({@code src/test/resources/<package>/<Class>Inputs/<method>/}).
 * {@link #check} adds what a short fuzzing run would: inputs made from the seeds by a deterministic mutator (bit
 * flips, deleted, repeated and spliced ranges, tokens that break parsers), the same inputs on every run, so a
 * failure reproduces. A failing input is saved under {@code target/fuzz-failures/} to be copied into the corpus.
 */
public final class FuzzCorpus {
    /** Inputs grow at most to this size, so that the CI run stays short. */
    private static final int MAX_LENGTH = 256 * 1024;

    /** Bytes that start, end or break a token in CSV, JSON, YAML, XML or a formula. */
    private static final byte[] INTERESTING_BYTES = {0, '\n', '\r', '"', '\'', ',', ';', '\\', '<', '>', '&', '{', '}', '[', ']',
        ':', '-', '*', '!', '(', ')', '%', '#', '|', '=', ' ', '\t', (byte) 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff};

    /** Whole tokens that parsers treat specially: syntax of each format, limits of numbers, broken UTF-8. */
    private static final List<String> TOKENS = List.of(
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
            "&a [*a, *a]", "*a", "!!binary", "!!python/object", "---\n", "...\n", "? ", "{{{{", "[[[[", "((((",
            "\"\"\"", "\\u0000", "\\", "1e999999", "-9223372036854775809", "18446744073709551616", "NaN", "-Infinity",
            "0x7fffffff", "2026-02-30T25:61:61Z", "9999-12-31 23:59:59", "\u00c3\u0028", "\u00ed\u00a0\u0080", "\u00f0\u0090\u0080",
            "{!$Record.StageName}", "ISPICKVAL(", "/*", "*/", "&&", "||", "^", ",,,,,,,,", "\r\n", "\u00ef\u00bb\u00bf");

    private FuzzCorpus() {}

    /** The seeds of {@code method} of fuzz test {@code testClass}, ordered by file name. */
    public static List<byte[]> seeds(Class<?> testClass, String method) {
        String folder = testClass.getSimpleName() + "Inputs/" + method;
        URL url = testClass.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no seed corpus " + folder + " beside " + testClass.getName());
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
            if (seeds.isEmpty()) {
                throw new IllegalStateException("the seed corpus " + folder + " is empty");
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} inputs derived from the seeds of {@code method}, the same ones on every run. */
    public static List<byte[]> mutants(Class<?> testClass, String method, int count) {
        List<byte[]> seeds = seeds(testClass, method);
        Random random = new Random(method.hashCode() * 31L + count);
        List<byte[]> mutants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] input = seeds.get(random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                input = mutate(input, seeds, random);
            }
            mutants.add(input.length > MAX_LENGTH ? Arrays.copyOf(input, MAX_LENGTH) : input);
        }
        return mutants;
    }

    /**
     * Feeds {@code count} {@linkplain #mutants mutants} of {@code method}'s seeds to {@code target}, which must keep
     * {@link ResultOrUserError}'s property; a failing input is saved and named in the error.
     */
    public static void check(Class<?> testClass, String method, int count, Target target) {
        List<byte[]> inputs = mutants(testClass, method, count);
        for (int i = 0; i < inputs.size(); i++) {
            byte[] input = inputs.get(i);
            try {
                target.read(input);
            } catch (Throwable e) {
                Path saved = save(testClass, method, i, input);
                throw new AssertionError("mutant " + i + " of " + testClass.getSimpleName() + "." + method + " (saved as " + saved
                        + ") breaks the property: " + e, e);
            }
        }
    }

    /** A fuzz target: reads one input and keeps {@link ResultOrUserError}'s property. */
    @FunctionalInterface
    public interface Target {
        void read(byte[] input) throws Exception;
    }

    private static byte[] mutate(byte[] input, List<byte[]> seeds, Random random) {
        int length = input.length;
        int at = length == 0 ? 0 : random.nextInt(length + 1);
        return switch (random.nextInt(8)) {
            case 0 -> length == 0 ? input : flipBit(input, random);
            case 1 -> length == 0 ? input : replace(input, Math.min(at, length - 1), INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]);
            case 2 -> delete(input, at, Math.min(length - at, 1 + random.nextInt(64)));
            case 3 -> repeat(input, at, Math.min(length - at, 1 + random.nextInt(32)), 2 + random.nextInt(200));
            case 4 -> insert(input, at, TOKENS.get(random.nextInt(TOKENS.size())).getBytes(ISO_8859_1));
            case 5 -> splice(input, at, seeds.get(random.nextInt(seeds.size())), random);
            case 6 -> Arrays.copyOf(input, at);
            default -> insert(input, at, randomBytes(random, 1 + random.nextInt(8)));
        };
    }

    private static byte[] flipBit(byte[] input, Random random) {
        byte[] copy = input.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] replace(byte[] input, int at, byte value) {
        byte[] copy = input.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] delete(byte[] input, int at, int count) {
        byte[] result = new byte[input.length - count];
        System.arraycopy(input, 0, result, 0, at);
        System.arraycopy(input, at + count, result, at, input.length - at - count);
        return result;
    }

    private static byte[] repeat(byte[] input, int at, int count, int times) {
        byte[] range = Arrays.copyOfRange(input, at, at + count);
        byte[] repeated = new byte[range.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(range, 0, repeated, i * range.length, range.length);
        }
        return insert(input, at, repeated);
    }

    private static byte[] insert(byte[] input, int at, byte[] bytes) {
        byte[] result = new byte[input.length + bytes.length];
        System.arraycopy(input, 0, result, 0, at);
        System.arraycopy(bytes, 0, result, at, bytes.length);
        System.arraycopy(input, at, result, at + bytes.length, input.length - at);
        return result;
    }

    private static byte[] splice(byte[] input, int at, byte[] other, Random random) {
        int from = other.length == 0 ? 0 : random.nextInt(other.length);
        byte[] result = Arrays.copyOf(input, at + other.length - from);
        System.arraycopy(other, from, result, at, other.length - from);
        return result;
    }

    private static byte[] randomBytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Path save(Class<?> testClass, String method, int index, byte[] input) {
        try {
            Path folder = Path.of("target", "fuzz-failures", testClass.getSimpleName(), method);
            Files.createDirectories(folder);
            return Files.write(folder.resolve("mutant-" + index), input).toAbsolutePath();
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }
}
