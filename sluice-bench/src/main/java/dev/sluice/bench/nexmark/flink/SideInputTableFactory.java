package dev.sluice.bench.nexmark.flink;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.functions.LookupFunction;

/**
 * The bounded side input of q13 as a lookup table, connector {@value #IDENTIFIER}: the rows
 * {@code (key, value)} = {@code (i, String.valueOf(i))} for {@code 0 <= i < size}, the same
 * values as the Sluice query's side input ({@code QueryContext#sideInputSize}). The Flink suite
 * reads such a table from a CSV file; generating it keeps disk reads out of the measurement.
 *
 * <pre>
 * CREATE TABLE side_input (key BIGINT, `value` VARCHAR)
 * WITH ('connector' = 'nexmark-side-input', 'size' = '10000');
 * </pre>
 *
 * <p>Lookups must be on {@code key}, the first column.
 */
public final class SideInputTableFactory implements DynamicTableSourceFactory {
    public static final String IDENTIFIER = "nexmark-side-input";

    static final ConfigOption<Integer> SIZE = ConfigOptions.key("size").intType().defaultValue(10_000)
            .withDescription("Number of rows: keys 0 .. size - 1.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(SIZE);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        return new Table(helper.getOptions().get(SIZE));
    }

    private record Table(int size) implements LookupTableSource {
        @Override
        public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
            int[][] keys = context.getKeys();
            if (keys.length != 1 || keys[0].length != 1 || keys[0][0] != 0) {
                throw new IllegalArgumentException(IDENTIFIER + " is looked up by its first column (key) only");
            }
            return LookupFunctionProvider.of(new Lookup(size));
        }

        @Override
        public DynamicTableSource copy() {
            return this;
        }

        @Override
        public String asSummaryString() {
            return IDENTIFIER + "(" + size + " rows)";
        }
    }

    /** The lookup of a key; public, as Flink requires of function classes. */
    public static final class Lookup extends LookupFunction {
        private static final long serialVersionUID = 1L;

        private final int size;

        public Lookup(int size) {
            this.size = size;
        }

        @Override
        public Collection<RowData> lookup(RowData keyRow) {
            if (keyRow.isNullAt(0)) {
                return List.of();
            }
            long key = keyRow.getLong(0);
            if (key < 0 || key >= size) {
                return List.of();
            }
            return List.of(GenericRowData.of(key, StringData.fromString(Long.toString(key))));
        }
    }
}
