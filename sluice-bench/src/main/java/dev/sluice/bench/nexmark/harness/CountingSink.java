package dev.sluice.bench.nexmark.harness;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drops every record, like {@code DiscardingSink}, and counts them: each writer in a plain field,
 * added to a JVM-wide total when the writer closes. Sluice runs jobs in the calling JVM, so the
 * total is the job's output count once {@code execute()} returns.
 */
final class CountingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private static final AtomicLong TOTAL = new AtomicLong();

    /** Clears the total before a job. */
    static void reset() {
        TOTAL.set(0);
    }

    /** The records the closed writers received since {@link #reset()}. */
    static long total() {
        return TOTAL.get();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            private long count;

            @Override
            public void write(T element, Context ctx) {
                count++;
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {
                TOTAL.addAndGet(count);
                count = 0;
            }
        };
    }
}
