package dev.sluice.bench.nexmark.flink;

import dev.sluice.bench.nexmark.harness.NexmarkEngine;
import dev.sluice.bench.nexmark.harness.NexmarkJob;
import dev.sluice.bench.throughput.EngineJobs;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * The Flink side of the Nexmark harness: the suite's SQL ({@link NexmarkSql}) on a local
 * MiniCluster ({@code createLocalEnvironment(p)}, STREAMING mode), fed by {@link
 * FlinkNexmarkSource}. The query's {@code INSERT} is attached to the environment as DataStream
 * transformations ({@link StreamStatementSet#attachAsDataStream()}), so the measured call is
 * {@code env.execute()}, as on the Sluice side. With checkpointing on: every {@link
 * NexmarkJob#CHECKPOINT_INTERVAL_MILLIS} ms, Flink's default (heap) state backend, checkpoints
 * written under {@code <outputDirectory>/flink-checkpoints}.
 *
 * <p>Loaded by name by the harness, so that the Sluice side runs without Flink on the class path.
 */
public final class FlinkNexmarkEngine implements NexmarkEngine {

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public EngineJobs.Prepared prepare(NexmarkJob job) {
        Configuration conf = new Configuration();
        if (job.checkpointing()) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(NexmarkJob.CHECKPOINT_INTERVAL_MILLIS));
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    job.context().outputDirectory().resolve("flink-checkpoints").toUri().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(job.parallelism(), conf);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        NexmarkSql.registerTables(env, tableEnv, job.events());
        NexmarkSql.Statements sql = NexmarkSql.query(job.query(), job.context());
        sql.setup().forEach(tableEnv::executeSql);
        StreamStatementSet insert = tableEnv.createStatementSet();
        insert.addInsertSql(sql.insert());
        insert.attachAsDataStream();
        String name = "flink-nexmark-" + job.query() + "-p" + job.parallelism();
        return () -> env.execute(name).getNetRuntime();
    }

    @Override
    public long outputRecords() {
        return -1;
    }
}
