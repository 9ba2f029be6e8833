package dev.sluice.bench.nexmark.flink;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code count_char(s, c)}: how often the first character of {@code c} occurs in {@code s}; the
 * user-defined function of the Flink suite's q14 ({@code count_char(extra, 'c')}).
 */
public final class CountChar extends ScalarFunction {

    /** The count; 0 when either argument is null or {@code c} is empty. */
    public long eval(String s, String c) {
        if (s == null || c == null || c.isEmpty()) {
            return 0;
        }
        char wanted = c.charAt(0);
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == wanted) {
                n++;
            }
        }
        return n;
    }
}
