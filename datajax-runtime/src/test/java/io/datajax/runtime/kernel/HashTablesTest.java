package io.datajax.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashTablesTest {
    @Test
    void longHashTableKeepsTheFirstValuePerKeyAcrossResizes() {
        LongHashTable table = new LongHashTable(1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(table.putIfAbsent(i * 31L - 5_000, i)).isEqualTo(-1);
        }
        assertThat(table.putIfAbsent(-5_000, 99)).isZero();
        assertThat(table.get(31L * 9_999 - 5_000)).isEqualTo(9_999);
        assertThat(table.get(1)).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(10_000);
    }

    @Test
    void tupleTableGivesDenseIdsInInsertionOrder() {
        LongTupleHashTable table = new LongTupleHashTable(2, 1);
        for (int i = 0; i < 5_000; i++) {
            assertThat(table.findOrInsert(new long[] {i, -i})).isEqualTo(i);
        }
        assertThat(table.findOrInsert(new long[] {7, -7})).isEqualTo(7);
        assertThat(table.find(new long[] {7, 7})).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(5_000);
    }

    @Test
    void stringDictionaryCodesStringsInFirstSeenOrder() {
        StringDictionary dictionary = new StringDictionary();
        for (int i = 0; i < 1_000; i++) {
            assertThat(dictionary.codeOf("v" + i)).isEqualTo(i);
        }
        assertThat(dictionary.codeOf("v5")).isEqualTo(5);
        assertThat(dictionary.find("nope")).isEqualTo(-1);
        assertThat(dictionary.string(3)).isEqualTo("v3");
    }
}
