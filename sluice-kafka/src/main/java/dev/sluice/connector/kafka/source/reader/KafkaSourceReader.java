package dev.sluice.connector.kafka.source.reader;

import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.connector.kafka.source.BadRecordPolicy;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import dev.sluice.connector.kafka.source.split.KafkaPartitionSplit;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the partitions assigned to one subtask. A fetcher thread ({@code sluice-kafka-fetcher-N})
 * owns the {@link KafkaConsumer} and puts each poll's records, a batch per partition, into a
 * bounded queue; the subtask thread takes them, deserializes them and emits them through each
 * partition's own output, so watermarks are per partition. Positions advance as records are
 * emitted, which is what a checkpoint stores.
 *
 * <p>With {@link KafkaSource#isIdleWhenCaughtUp()} the fetcher also reports each partition the
 * consumer has caught up with (no lag after a poll), in the queue after the partition's records;
 * when the subtask reaches that report it marks the partition's output idle, and the next record
 * of the partition makes it active again. A reader without partitions is idle from the start.
 *
 * <p>Metrics: {@value #RECORDS_IN} counts the Kafka records this subtask has consumed (handed to
 * the deserializer, whether they gave elements, were skipped or dead-lettered);
 * {@code numBadRecordsSkipped} and {@code numBadRecordsDeadLettered} count the records that
 * could not be deserialized.
 */
public final class KafkaSourceReader<T> implements SourceReader<T, KafkaPartitionSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
  static final int QUEUE_BATCHES = 16;
  static final int RECORDS_PER_POLL = 64;
  /** The output a reader without partitions uses, so that {@code withIdleness} can mark it idle. */
  static final String NO_PARTITIONS = "__sluice-no-partitions";
  /** The metric counting the Kafka records this subtask has consumed. */
  public static final String RECORDS_IN = "numRecordsIn";

  private final KafkaSource<T> source;
  private final SourceReaderContext context;
  private final KafkaRecordDeserializationSchema<T> deserializer;
  private final Map<String, SplitState> splits = new LinkedHashMap<>();
  private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> offsetsToCommit = new TreeMap<>();
  private final OperatorMetrics.Counter skipped;
  private final OperatorMetrics.Counter deadLettered;
  private final OperatorMetrics.Counter recordsIn;
  private Fetcher fetcher;
  private boolean noMoreSplits;
  private Batch current;
  private int currentIndex;
  private KafkaProducer<byte[], byte[]> deadLetters;
  private boolean noPartitionsOutput;

  // the record being deserialized, for the collector
  private SplitState emitting;
  private long emittingTimestamp;
  private final Collector<T> collector = new Collector<>() {
    @Override
    public void collect(T record) {
      emitting.output.collect(record, emittingTimestamp);
    }

    @Override
    public void close() {}
  };

  public KafkaSourceReader(KafkaSource<T> source, SourceReaderContext context) throws Exception {
    this.source = source;
    this.context = context;
    this.deserializer = source.getDeserializer();
    this.deserializer.open(new dev.sluice.api.common.serialization.DeserializationSchema.InitializationContext() {});
    OperatorMetrics metrics = context.metrics();
    this.skipped = metrics.counter("numBadRecordsSkipped");
    this.deadLettered = metrics.counter("numBadRecordsDeadLettered");
    this.recordsIn = metrics.counter(RECORDS_IN);
  }

  private final class SplitState {
    KafkaPartitionSplit split;
    long nextOffset;
    SourceOutput<T> output;

    SplitState(KafkaPartitionSplit split) {
      this.split = split;
      this.nextOffset = split.startingOffset();
    }

    boolean finished() {
      return split.bounded() && nextOffset >= split.stoppingOffset();
    }
  }

  @Override
  public void start() {}

  @Override
  @SuppressWarnings("unchecked")
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (fetcher != null && fetcher.failure != null) {
      Throwable f = fetcher.failure;
      Exception security = dev.sluice.connector.kafka.internal.KafkaErrors.explainSecurity(f,
          source.bootstrapServers(), source.getConfiguration(),
          splits.values().stream().map(st -> st.split.topicPartition().topic()).distinct().toList());
      if (security != null) {
        throw security;
      }
      throw new IOException("Reading from Kafka at " + source.bootstrapServers() + " failed: " + f.getMessage(), f);
    }
    if (splits.isEmpty() && !noMoreSplits && !noPartitionsOutput && source.getStoppingOffsets() == null) {
      // lets withIdleness (or idle-when-caught-up, at once) mark a reader without partitions idle
      SourceOutput<T> placeholder = output.createOutputForSplit(NO_PARTITIONS);
      if (source.isIdleWhenCaughtUp()) {
        placeholder.markIdle();
      }
      noPartitionsOutput = true;
    }
    if (newSplits) {
      // every assigned partition holds the watermark back from its assignment on, not from its first
      // fetched batch: a partition fetched first must not move event time past the others' records
      for (SplitState state : splits.values()) {
        if (state.output == null) {
          state.output = output.createOutputForSplit(state.split.splitId());
        }
      }
      newSplits = false;
    }
    if (noPartitionsOutput && !splits.isEmpty()) {
      // the placeholder of a reader without partitions would hold the watermark at its minimum for good
      output.releaseOutputForSplit(NO_PARTITIONS);
      noPartitionsOutput = false;
    }
    int emitted = 0;
    while (emitted < RECORDS_PER_POLL) {
      if (current == null) {
        current = fetcher == null ? null : fetcher.queue.poll();
        currentIndex = 0;
        if (current == null) {
          break;
        }
      }
      SplitState state = splits.get(current.splitId);
      if (state == null) { // the split was finished or removed
        current = null;
        continue;
      }
      if (current.end) {
        finish(state, output);
        current = null;
        continue;
      }
      if (current.caughtUp) {
        // every record of the partition fetched before the report has been emitted; the output is
        // active again with the next record emitted through it
        state.output.markIdle();
        current = null;
        continue;
      }
      List<ConsumerRecord<byte[], byte[]>> records = current.records;
      while (currentIndex < records.size() && emitted < RECORDS_PER_POLL) {
        ConsumerRecord<byte[], byte[]> r = records.get(currentIndex++);
        if (r.offset() < state.nextOffset) {
          continue; // already emitted
        }
        if (state.split.bounded() && r.offset() >= state.split.stoppingOffset()) {
          break;
        }
        emit(state, r);
        state.nextOffset = r.offset() + 1;
        emitted++;
      }
      if (currentIndex >= records.size()) {
        current = null;
      }
      if (state.finished()) {
        finish(state, output);
        current = null;
      }
    }
    if (emitted > 0) {
      recordsIn.inc(emitted); // once per poll, not per record
    }
    if (emitted > 0 || current != null || (fetcher != null && !fetcher.queue.isEmpty())) {
      return InputStatus.MORE_AVAILABLE;
    }
    if (noMoreSplits && splits.isEmpty()) {
      return InputStatus.END_OF_INPUT;
    }
    return InputStatus.NOTHING_AVAILABLE;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void emit(SplitState state, ConsumerRecord<byte[], byte[]> r) throws Exception {
    emitting = state;
    emittingTimestamp = r.timestamp();
    try {
      deserializer.deserialize(r, collector);
    } catch (Exception e) {
      String where = "topic " + r.topic() + ", partition " + r.partition() + ", offset " + r.offset();
      switch (source.getBadRecordPolicy()) {
        case SKIP -> {
          skipped.inc();
          LOG.warn("Skipped a Kafka record that could not be deserialized ({}): {}", where, e.toString());
        }
        case DEAD_LETTER -> {
          deadLetter(r, e);
          deadLettered.inc();
          LOG.warn("Sent a Kafka record that could not be deserialized ({}) to dead-letter topic {}: {}",
              where, source.getDeadLetterTopic(), e.toString());
        }
        default -> throw new IOException("Could not deserialize the Kafka record at " + where + ": " + e.getMessage()
            + " (KafkaSourceBuilder.setBadRecordPolicy chooses to skip or dead-letter such records)", e);
      }
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> r, Exception e) {
    if (deadLetters == null) {
      Properties p = new Properties();
      for (String k : source.getConfiguration().stringPropertyNames()) {
        if (ProducerConfig.configNames().contains(k)) {
          p.setProperty(k, source.getConfiguration().getProperty(k));
        }
      }
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.CLIENT_ID_CONFIG, "sluice-dead-letters-" + context.getIndexOfSubtask());
      deadLetters = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
    RecordHeaders headers = new RecordHeaders(r.headers().toArray());
    headers.add("sluice.error", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
    headers.add("sluice.topic", r.topic().getBytes(StandardCharsets.UTF_8));
    headers.add("sluice.partition", String.valueOf(r.partition()).getBytes(StandardCharsets.UTF_8));
    headers.add("sluice.offset", String.valueOf(r.offset()).getBytes(StandardCharsets.UTF_8));
    deadLetters.send(new ProducerRecord<>(source.getDeadLetterTopic(), null, r.timestamp(), r.key(), r.value(), headers));
  }

  private void finish(SplitState state, ReaderOutput<T> output) {
    splits.remove(state.split.splitId());
    output.releaseOutputForSplit(state.split.splitId());
    if (fetcher != null) {
      TopicPartition tp = state.split.topicPartition();
      fetcher.tasks.add(c -> fetcher.unassign(tp));
      fetcher.wakeup();
    }
  }

  @Override
  public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> result = new ArrayList<>(splits.size());
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (SplitState s : splits.values()) {
      result.add(s.split.withStartingOffset(s.nextOffset));
      offsets.put(s.split.topicPartition(), new OffsetAndMetadata(s.nextOffset));
    }
    if (deadLetters != null) {
      deadLetters.flush(); // the checkpoint covers the dead letters of the records before it
    }
    if (source.isCommitOffsetsOnCheckpoint() && source.getConfiguration().getProperty("group.id") != null) {
      offsetsToCommit.put(checkpointId, offsets);
      while (offsetsToCommit.size() > 16) {
        offsetsToCommit.pollFirstEntry();
      }
    }
    return result;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map<Long, Map<TopicPartition, OffsetAndMetadata>> done = offsetsToCommit.headMap(checkpointId, true);
    Map<TopicPartition, OffsetAndMetadata> offsets = done.get(checkpointId);
    done.clear();
    if (offsets != null && !offsets.isEmpty() && fetcher != null) {
      fetcher.tasks.add(c -> c.commitAsync(offsets, (o, e) -> {
        if (e != null) {
          LOG.warn("Could not commit offsets to Kafka (only used for monitoring): {}", e.toString());
        }
      }));
      fetcher.wakeup();
    }
  }

  /** Splits were added since the last poll (their outputs are made there). */
  private boolean newSplits;

  @Override
  public void addSplits(List<KafkaPartitionSplit> newSplits) {
    this.newSplits = true;
    List<SplitState> toRead = new ArrayList<>();
    for (KafkaPartitionSplit s : newSplits) {
      SplitState state = new SplitState(s);
      if (state.finished()) {
        continue; // nothing to read (a bounded, empty partition)
      }
      splits.put(s.splitId(), state);
      toRead.add(state);
    }
    if (toRead.isEmpty()) {
      return;
    }
    if (fetcher == null) {
      fetcher = new Fetcher(consumerProperties(), "sluice-kafka-fetcher-" + context.getIndexOfSubtask(),
          source.bootstrapServers(), source.isIdleWhenCaughtUp());
      fetcher.start();
    }
    for (SplitState s : toRead) {
      KafkaPartitionSplit split = s.split;
      fetcher.tasks.add(c -> fetcher.assign(split));
    }
    fetcher.wakeup();
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  Properties consumerProperties() {
    Properties p = new Properties();
    Properties conf = source.getConfiguration();
    for (String k : conf.stringPropertyNames()) {
      p.setProperty(k, conf.getProperty(k));
    }
    String prefix = p.getProperty("client.id.prefix");
    p.remove("client.id.prefix");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG,
        (prefix != null ? prefix : "sluice-kafka-source") + "-" + context.getIndexOfSubtask());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        source.getStartingOffsets().getAutoOffsetResetStrategy().toString().toLowerCase(java.util.Locale.ROOT));
    p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(source.getTimeoutMs()));
    return p;
  }

  @Override
  public void close() throws Exception {
    if (fetcher != null) {
      fetcher.shutdown();
    }
    if (deadLetters != null) {
      deadLetters.close(Duration.ofSeconds(5));
    }
  }

  /**
   * One poll's records of one partition, the end of a bounded partition, or the report that the
   * consumer has caught up with a partition.
   */
  static final class Batch {
    final String splitId;
    final List<ConsumerRecord<byte[], byte[]>> records;
    final boolean end;
    final boolean caughtUp;

    Batch(String splitId, List<ConsumerRecord<byte[], byte[]>> records, boolean end) {
      this(splitId, records, end, false);
    }

    private Batch(String splitId, List<ConsumerRecord<byte[], byte[]>> records, boolean end, boolean caughtUp) {
      this.splitId = splitId;
      this.records = records;
      this.end = end;
      this.caughtUp = caughtUp;
    }

    static Batch caughtUp(String splitId) {
      return new Batch(splitId, List.of(), false, true);
    }
  }

  interface ConsumerTask {
    void run(KafkaConsumer<byte[], byte[]> consumer);
  }

  /**
   * The only thread that touches the consumer. Once a second it also checks that the topics of its
   * partitions still exist: the consumer itself only logs a warning and polls on, empty-handed,
   * when a topic is deleted under it, so a job would wait silently for records that cannot come.
   */
  static final class Fetcher extends Thread {
    static final long TOPIC_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    final ConcurrentLinkedQueue<ConsumerTask> tasks = new ConcurrentLinkedQueue<>();
    volatile Throwable failure;
    private volatile boolean closed;
    private final Properties properties;
    private KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, KafkaPartitionSplit> assigned = new HashMap<>();
    private final Object lock = new Object();
    private final String servers;
    private final boolean reportCaughtUp;
    /** Partitions reported caught up, with no record fetched since. */
    private final java.util.Set<TopicPartition> caughtUp = new java.util.HashSet<>();
    /** The offset after the last record fetched, per partition. */
    private final Map<TopicPartition, Long> fetched = new HashMap<>();
    /** Topics found without some of the assigned partitions by the last check. */
    private final java.util.Set<String> missingLastTime = new java.util.HashSet<>();
    private long nextTopicCheck = System.nanoTime() + TOPIC_CHECK_INTERVAL_NANOS;

    Fetcher(Properties properties, String name, String servers, boolean reportCaughtUp) {
      super(name);
      setDaemon(true);
      this.properties = properties;
      this.servers = servers;
      this.reportCaughtUp = reportCaughtUp;
    }

    void assign(KafkaPartitionSplit split) {
      TopicPartition tp = split.topicPartition();
      assigned.put(tp, split);
      caughtUp.remove(tp);
      consumer.assign(assigned.keySet());
      consumer.seek(tp, split.startingOffset());
    }

    void unassign(TopicPartition tp) {
      if (assigned.remove(tp) != null) {
        caughtUp.remove(tp);
        consumer.assign(assigned.keySet());
      }
    }

    /** Wakes the thread if it waits for work or in {@code poll}. */
    void wakeup() {
      synchronized (lock) {
        lock.notifyAll();
      }
      KafkaConsumer<byte[], byte[]> c = consumer;
      if (c != null && !assigned.isEmpty()) {
        c.wakeup();
      }
    }

    @Override
    public void run() {
      try {
        synchronized (lock) {
          consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        while (!closed) {
          try {
            fetchOnce();
          } catch (WakeupException e) {
            // woken for new work (or to stop)
          }
        }
      } catch (InterruptedException e) {
        // closed
      } catch (Throwable t) {
        if (!closed) {
          failure = t;
        }
      } finally {
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
          try {
            c.close(Duration.ofSeconds(2));
          } catch (Exception e) {
            // closing
          }
        }
      }
    }

    private void fetchOnce() throws InterruptedException {
      ConsumerTask task;
      while ((task = tasks.poll()) != null) {
        task.run(consumer);
      }
      if (assigned.isEmpty()) {
        synchronized (lock) {
          if (tasks.isEmpty() && !closed) {
            lock.wait(100);
          }
        }
        return;
      }
      ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
      for (TopicPartition tp : records.partitions()) {
        KafkaPartitionSplit split = assigned.get(tp);
        if (split == null) {
          continue;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp);
        fetched.put(tp, batch.get(batch.size() - 1).offset() + 1);
        put(new Batch(split.splitId(), batch, false));
        caughtUp.remove(tp);
      }
      if (reportCaughtUp) {
        reportCaughtUp();
      }
      if (System.nanoTime() - nextTopicCheck >= 0) {
        checkTopicsExist();
        nextTopicCheck = System.nanoTime() + TOPIC_CHECK_INTERVAL_NANOS;
      }
      // bounded partitions whose end was reached (also past transaction markers)
      for (KafkaPartitionSplit split : new ArrayList<>(assigned.values())) {
        if (split.bounded() && consumer.position(split.topicPartition()) >= split.stoppingOffset()) {
          put(new Batch(split.splitId(), List.of(), true));
          unassign(split.topicPartition());
        }
      }
    }

    /**
     * Reports each assigned partition the consumer has caught up with (lag 0 by the last fetch: every
     * record up to the end, or under {@code read_committed} up to the last stable offset, has been
     * returned by a poll and queued), once until it has records again. Before the first fetch
     * answer the lag is unknown and the partition is not reported.
     */
    private void reportCaughtUp() throws InterruptedException {
      for (Map.Entry<TopicPartition, KafkaPartitionSplit> e : assigned.entrySet()) {
        TopicPartition tp = e.getKey();
        if (caughtUp.contains(tp)) {
          continue;
        }
        java.util.OptionalLong lag = consumer.currentLag(tp);
        if (lag.isPresent() && lag.getAsLong() <= 0) {
          caughtUp.add(tp);
          put(Batch.caughtUp(e.getValue().splitId()));
        }
      }
    }

    /**
     * Fails (the reader then fails the job) when a topic of the assigned partitions was found
     * without some of them twice in a row, a second apart: partitions are never removed from a
     * topic, so it was deleted (or deleted and created again, smaller). A broker that does not
     * answer is no such evidence: the consumer retries.
     */
    private void checkTopicsExist() {
      Map<String, List<Integer>> byTopic = new TreeMap<>();
      for (TopicPartition tp : assigned.keySet()) {
        byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
      }
      missingLastTime.retainAll(byTopic.keySet());
      for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
        String topic = e.getKey();
        List<org.apache.kafka.common.PartitionInfo> infos;
        try {
          infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.RetriableException ex) { // no answer (e.g. a timeout): no evidence
          continue;
        }
        java.util.Set<Integer> present = new java.util.HashSet<>();
        for (org.apache.kafka.common.PartitionInfo pi : infos) {
          present.add(pi.partition());
        }
        List<Integer> gone = new ArrayList<>(e.getValue());
        gone.removeAll(present);
        if (gone.isEmpty()) {
          missingLastTime.remove(topic);
          continue;
        }
        if (missingLastTime.add(topic)) {
          continue; // look again in a second before failing
        }
        Map<Integer, Long> positions = new TreeMap<>();
        for (int partition : gone) {
          TopicPartition tp = new TopicPartition(topic, partition);
          positions.put(partition, fetched.getOrDefault(tp, assigned.get(tp).startingOffset()));
        }
        gone.sort(null);
        String what = present.isEmpty()
            ? "Kafka topic " + topic + " no longer exists on " + servers + " (deleted while the job was reading it)"
            : "Kafka topic " + topic + " on " + servers + " no longer has partition(s) " + gone
                + " (deleted and created again while the job was reading it?)";
        throw new IllegalStateException(what + ": partition(s) " + gone + " were read up to offset(s) "
            + positions + " (partition=next offset); records after those could not be read");
      }
    }

    private void put(Batch batch) throws InterruptedException {
      while (!closed) {
        if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    }

    void shutdown() {
      closed = true;
      wakeup();
      KafkaConsumer<byte[], byte[]> c = consumer;
      if (c != null) {
        c.wakeup();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      boolean interrupted = false;
      while (isAlive() && System.nanoTime() < deadline) {
        try {
          join(100);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
