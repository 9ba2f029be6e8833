package dev.sluice.bench.nexmark.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.queries.QueryContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlinkNexmarkSqlTest {
    private static final int N = 2_000;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().numEvents(N).build();
    /** For queries that write no files. */
    private static final QueryContext UNUSED_OUTPUT = QueryContext.defaults(Path.of("/tmp/unused"));

    @Test
    void everyScriptHasItsSetUpAndOneInsert() {
        for (String q : NexmarkSql.QUERIES) {
            NexmarkSql.Statements sql = NexmarkSql.query(q, UNUSED_OUTPUT);
            assertThat(sql.setup()).as(q).isNotEmpty().allMatch(s -> s.startsWith("CREATE"));
            assertThat(sql.select()).as(q).startsWithIgnoringCase("SELECT");
            assertThat(String.join("\n", sql.setup()) + sql.insert()).as(q).doesNotContain("${");
        }
    }

    @Test
    void countCharCountsTheFirstCharacter() {
        assertThat(new CountChar().eval("accbc", "c")).isEqualTo(3);
        assertThat(new CountChar().eval("abc", "")).isZero();
        assertThat(new CountChar().eval(null, "c")).isZero();
    }

    /**
     * q0 and q1 keep every bid: as many rows as the generator makes bids (q0: with their prices, field 2).
     * Tagged "flink": excluded from the default build (Flink's start-up is too slow for it).
     */
    @Tag("flink")
    @ParameterizedTest
    @ValueSource(strings = {"q0", "q1"})
    void runsOnFlinkOverTheGeneratorsEvents(String query) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        NexmarkSql.registerTables(env, tableEnv, CONFIG);
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tableEnv.executeSql(NexmarkSql.query(query, UNUSED_OUTPUT).select()).collect()) {
            it.forEachRemaining(rows::add);
        }

        List<Long> bidPrices = new ArrayList<>();
        new NexmarkGenerator(CONFIG).forEachRemaining(e -> {
            if (e.type == Event.Type.BID) {
                bidPrices.add(e.bid.price);
            }
        });
        assertThat(rows).hasSize(bidPrices.size()).isNotEmpty();
        if (query.equals("q0")) {
            assertThat(rows.stream().map(r -> (Long) r.getField(2)).sorted().toList())
                    .isEqualTo(bidPrices.stream().sorted().toList());
        }
    }

    /**
     * q10 writes every bid as a CSV line into a directory per (dt, hm) partition under the output
     * directory, as the Sluice query does. Without checkpoints Flink leaves its part files in
     * progress (hidden names), so every regular file under the table's directory is read.
     */
    @Tag("flink")
    @Test
    void q10WritesEveryBidIntoItsPartitionDirectory(@TempDir Path output) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        NexmarkSql.registerTables(env, tableEnv, CONFIG);
        NexmarkSql.Statements sql = NexmarkSql.query("q10", QueryContext.defaults(output));
        sql.setup().forEach(tableEnv::executeSql);
        tableEnv.executeSql(sql.insert()).await();

        List<String> expected = new ArrayList<>();
        new NexmarkGenerator(CONFIG).forEachRemaining(e -> {
            if (e.type == Event.Type.BID) {
                expected.add(e.bid.auction + "," + e.bid.bidder + "," + e.bid.price);
            }
        });
        List<String> lines = new ArrayList<>();
        try (var files = Files.walk(output.resolve("flink-q10"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("_"))
                    .filter(f -> !f.getFileName().toString().endsWith(".crc")).toList()) {
                assertThat(output.resolve("flink-q10").relativize(f).toString()).matches("dt=\\d{4}-\\d{2}-\\d{2}/hm=\\d{2}%3A\\d{2}/.+");
                for (String line : Files.readAllLines(f)) {
                    String[] fields = line.split(",");
                    lines.add(fields[0] + "," + fields[1] + "," + fields[2]);
                }
            }
        }
        assertThat(lines).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }
}
