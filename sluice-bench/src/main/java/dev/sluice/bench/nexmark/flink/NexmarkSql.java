package dev.sluice.bench.nexmark.flink;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.queries.QueryContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * The Flink SQL of the Nexmark suite: the table {@code datagen} fed by {@link FlinkNexmarkSource},
 * the standard views {@code person}, {@code auction}, {@code bid} ({@code views.sql}) and the
 * queries {@code q0.sql} .. {@code q22.sql}, resources next to this class. Each query script
 * creates its sink table (connector {@code blackhole}; q10's is {@code filesystem}) and what else
 * it needs, then has exactly one {@code INSERT INTO}. In a script, {@code ${SIDE_INPUT_SIZE}} is
 * replaced by q13's side input size and {@code ${OUTPUT_DIR}} by the URI of the run's output
 * directory (where q10 writes its files), both from the query's {@link QueryContext}.
 *
 * <p>{@code dateTime} is quoted ({@code `dateTime`}) everywhere: Flink 2.x's SQL parser takes a bare
 * {@code DATETIME} for the start of a literal.
 */
public final class NexmarkSql {

    /** The standard query names, q0 .. q22. */
    public static final List<String> QUERIES =
            IntStream.rangeClosed(0, 22).mapToObj(i -> "q" + i).collect(Collectors.toUnmodifiableList());

    /** The watermark of {@code datagen}, as in the suite's DDL. */
    public static final String WATERMARK = "`dateTime` - INTERVAL '4' SECOND";

    private static final Pattern INSERT = Pattern.compile("(?is)INSERT\\s+INTO\\s+\\S+\\s+(.*)");

    private NexmarkSql() {}

    /**
     * The statements of a query script.
     *
     * @param setup the statements before the insert ({@code CREATE TABLE}, {@code CREATE VIEW},
     *     {@code CREATE FUNCTION}), in order
     * @param insert the {@code INSERT INTO <sink> SELECT …}
     */
    public record Statements(List<String> setup, String insert) {
        /** The query of {@link #insert} without its sink. */
        public String select() {
            Matcher m = INSERT.matcher(insert);
            if (!m.matches()) {
                throw new IllegalStateException("Not an INSERT INTO: " + insert);
            }
            return m.group(1);
        }
    }

    /** The statements of query {@code name} ("q0" .. "q22") for a run with the given context. */
    public static Statements query(String name, QueryContext context) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!QUERIES.contains(key)) {
            throw new IllegalArgumentException("No Nexmark query " + name + "; known: " + String.join(", ", QUERIES));
        }
        String outputDirectory = context.outputDirectory().toUri().toString().replaceFirst("/$", "");
        List<String> statements = split(resource(key + ".sql")
                .replace("${SIDE_INPUT_SIZE}", Integer.toString(context.sideInputSize()))
                .replace("${OUTPUT_DIR}", outputDirectory));
        String last = statements.get(statements.size() - 1);
        if (!INSERT.matcher(last).matches()) {
            throw new IllegalStateException(key + ".sql does not end with an INSERT INTO");
        }
        return new Statements(List.copyOf(statements.subList(0, statements.size() - 1)), last);
    }

    /**
     * Registers {@code datagen} (the events of {@code events} as {@link NexmarkRows}, read by
     * {@link FlinkNexmarkSource} at the environment's parallelism, with the watermark {@link
     * #WATERMARK} on {@code dateTime}) and the views {@code person}, {@code auction}, {@code bid}.
     */
    public static void registerTables(StreamExecutionEnvironment env, StreamTableEnvironment tableEnv,
            GeneratorConfig events) {
        DataStream<RowData> rows = env.fromSource(new FlinkNexmarkSource(events), WatermarkStrategy.noWatermarks(),
                "nexmark", NexmarkRows.typeInfo());
        tableEnv.createTemporaryView("datagen", rows, Schema.newBuilder().watermark("dateTime", WATERMARK).build());
        split(resource("views.sql")).forEach(tableEnv::executeSql);
    }

    /** The statements of a script: comment lines dropped, split at each {@code ;} that ends a line. */
    static List<String> split(String script) {
        String code = script.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String s : code.split(";\\s*(\\n|$)")) {
            if (!s.isBlank()) {
                statements.add(s.strip());
            }
        }
        return statements;
    }

    private static String resource(String file) {
        try (InputStream in = NexmarkSql.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + file + " next to " + NexmarkSql.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
