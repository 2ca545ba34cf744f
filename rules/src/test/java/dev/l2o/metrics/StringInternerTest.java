package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringInternerTest {
    @Test
    void numbersPackedAndOtherStringsInOrderOfFirstAppearance() {
        // given
        List<String> distinct = List.of("0", "00", "000", "A", "a", "z", "Z", "9", "006000000000060850", "006000000000060850AAA",
                "00600000000006085", "0123456789", "01234567890", "0123456789abcdefghij", "0123456789abcdefghijk", "id-1", "",
                "ÄÖÜ", "日本", "a b", "0a", "a0");
        StringInterner interner = new StringInterner();

        // when
        List<Integer> first = distinct.stream().map(interner::intern).toList();
        List<Integer> again = distinct.stream().map(value -> interner.intern(new String(value))).toList();

        // then
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            expected.add(i);
        }
        assertThat(first).isEqualTo(expected);
        assertThat(again).isEqualTo(expected);
        assertThat(interner.size()).isEqualTo(distinct.size());
        assertThat(expected).allSatisfy(i -> assertThat(interner.value(i)).isEqualTo(distinct.get(i)));
    }

    @Test
    void agreesWithAMapOnHundredsOfThousandsOfRandomIdsAcrossTableGrowth() {
        // given
        Random random = new Random(7);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < 400_000; i++) {
            int length = 1 + random.nextInt(random.nextBoolean() ? 18 : 24);
            StringBuilder id = new StringBuilder();
            for (int c = 0; c < length; c++) {
                id.append(alphabet.charAt(random.nextInt(random.nextInt(10) == 0 ? alphabet.length() : 20)));
            }
            draws.add(id.toString());
        }
        StringInterner interner = new StringInterner();
        Map<String, Integer> reference = new HashMap<>();

        // when
        List<String> mismatches = new ArrayList<>();
        for (String id : draws) {
            int expected = reference.computeIfAbsent(id, key -> reference.size());
            if (interner.intern(id) != expected) {
                mismatches.add(id);
            }
        }

        // then
        assertThat(mismatches).isEmpty();
        assertThat(interner.size()).isEqualTo(reference.size());
        reference.forEach((id, number) -> {
            if (!interner.value(number).equals(id)) {
                mismatches.add(id);
            }
        });
        assertThat(mismatches).isEmpty();
    }
}
