package dev.sluice.connector.kafka.sink;

import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.api.connector.sink2.StatefulSinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.connector.base.DeliveryGuarantee;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one subtask's records. NONE and AT_LEAST_ONCE use one producer (AT_LEAST_ONCE flushes it
 * at every checkpoint barrier). EXACTLY_ONCE writes each checkpoint's records in a transaction of
 * its own, named {@code <prefix>-<subtask>-<c>} where {@code c} is one more than the last
 * checkpoint this subtask took part in: the transaction starts with the first record after that
 * checkpoint, is flushed and handed over as a committable at the next barrier, and committed when
 * that checkpoint completes.
 *
 * <p>Naming transactions after checkpoints is what lets a restore clean up: after restoring
 * checkpoint {@code R}, every transaction an earlier run covered by {@code R} has {@code c <= R}
 * (the restore commits those), and every transaction it wrote after {@code R} has {@code c > R}.
 * Before it writes, each subtask {@code s} of {@code p} aborts the transactions with the prefix
 * still open with {@code c > R} and an old subtask index congruent to {@code s} modulo {@code p}
 * (so a smaller parallelism still covers all the old indexes, and no two subtasks touch the same
 * ids). Read-committed consumers are then not held back by an earlier run's leftovers.
 *
 * <p>A producer is not made per transaction: once the committer has committed a transaction with
 * the producer that wrote it, the producer goes back to this writer's {@link InternalProducers.Pool}
 * and carries a later transaction under that transaction's id ({@link InternalProducers#reassign}).
 */
final class KafkaWriter<T> implements CommittingSinkWriter<T, KafkaCommittable>, StatefulSinkWriter<T, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaWriter.class);

  private final KafkaSink<T> sink;
  private final int subtask;
  private final List<String> precommittedHere = new ArrayList<>();
  /** Producers of this writer whose transactions are committed (exactly-once only). */
  private InternalProducers.Pool pool;
  private String poolKey;
  /** Transactions begun, and producers made for them (the rest were carried by pooled producers). */
  private final dev.sluice.runtime.metrics.OperatorMetrics.Counter transactions;
  private final dev.sluice.runtime.metrics.OperatorMetrics.Counter producersCreated;
  private KafkaProducer<byte[], byte[]> producer;
  private String transactionalId;
  /** The last checkpoint this writer took part in (or was restored from); 0 before the first. */
  private long lastCheckpoint;
  private boolean written;
  private volatile Exception asyncError;
  private final Callback callback = (metadata, e) -> {
    if (e != null && asyncError == null) {
      asyncError = e;
    }
  };

  KafkaWriter(KafkaSink<T> sink, WriterInitContext context) throws IOException {
    this.sink = sink;
    this.subtask = context.getSubtaskId();
    this.lastCheckpoint = context.getRestoredCheckpointId().orElse(0);
    this.transactions = context.metrics().counter("kafkaTransactions");
    this.producersCreated = context.metrics().counter("kafkaProducersCreated");
    try {
      sink.getRecordSerializer().open(new dev.sluice.api.common.serialization.SerializationSchema.InitializationContext() {});
    } catch (Exception e) {
      throw new IOException("Could not open the record serializer: " + e.getMessage(), e);
    }
    if (exactlyOnce()) {
      abortLingering(context.getNumberOfParallelSubtasks());
      poolKey = InternalProducers.poolKey(transactionalId(sink.getTransactionalIdPrefix(), subtask, 0));
      pool = new InternalProducers.Pool();
      InternalProducers.Pool earlier = InternalProducers.POOLS.put(poolKey, pool);
      if (earlier != null) {
        earlier.close(); // a writer of an earlier attempt of this job that did not close
      }
    } else {
      producer = InternalProducers.create(sink.producerProperties());
    }
  }

  private boolean exactlyOnce() {
    return sink.getDeliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE;
  }

  /** The transactional id of the stage after checkpoint {@code checkpoint} of subtask {@code index}. */
  static String transactionalId(String prefix, int index, long checkpoint) {
    return prefix + "-" + index + "-" + (checkpoint + 1);
  }

  /**
   * Parses {@code <prefix>-<index>-<c>}; null when {@code id} is not of that form (another job's,
   * or another prefix that merely starts the same).
   */
  static long[] parseTransactionalId(String prefix, String id) {
    if (!id.startsWith(prefix + "-")) {
      return null;
    }
    String rest = id.substring(prefix.length() + 1);
    int dash = rest.indexOf('-');
    if (dash <= 0 || dash != rest.lastIndexOf('-')) {
      return null;
    }
    try {
      return new long[] {Integer.parseInt(rest.substring(0, dash)), Long.parseLong(rest.substring(dash + 1))};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Aborts what earlier runs left open with this subtask's share of the ids after the restored checkpoint. */
  private void abortLingering(int parallelism) throws IOException {
    String prefix = sink.getTransactionalIdPrefix();
    Properties adminProps = new Properties();
    for (String k : sink.producerProperties().stringPropertyNames()) {
      if (AdminClientConfig.configNames().contains(k)) {
        adminProps.setProperty(k, sink.producerProperties().getProperty(k));
      }
    }
    adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-kafka-sink-" + prefix + "-" + subtask);
    // as long as the producers may block (max.block.ms), then a clear error instead of the admin's own default
    long timeoutMs = maxBlockMs();
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
    adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, timeoutMs));
    List<String> toAbort = new ArrayList<>();
    try (Admin admin = Admin.create(adminProps)) {
      Collection<TransactionListing> open;
      try {
        open = admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
            .all().get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw unreachable(timeoutMs, e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException t) {
          throw unreachable(timeoutMs, t);
        }
        throw e;
      }
      for (TransactionListing t : open) {
        long[] parsed = parseTransactionalId(prefix, t.transactionalId());
        if (parsed != null && parsed[0] % parallelism == subtask && parsed[1] > lastCheckpoint) {
          toAbort.add(t.transactionalId());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while listing the open Kafka transactions", e);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("Could not list the open Kafka transactions on " + sink.bootstrapServers()
          + " (an exactly-once sink needs DESCRIBE on its transactional ids): " + e.getMessage(), e);
    }
    for (String id : toAbort) {
      Properties p = sink.producerProperties();
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
      try (KafkaProducer<byte[], byte[]> fencing = InternalProducers.create(p)) {
        fencing.initTransactions(); // fences the earlier producer and aborts its open transaction
      } catch (RuntimeException e) {
        throw new IOException("Could not abort the Kafka transaction " + id + " an earlier run left open: "
            + e.getMessage(), e);
      }
      LOG.info("Aborted Kafka transaction {}, left open by an earlier run after checkpoint {}", id, lastCheckpoint);
    }
  }

  /** How long a producer call may block: {@code max.block.ms} (default 60 s). */
  private long maxBlockMs() {
    Object configured = sink.producerProperties().get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
    return configured == null ? 60_000 : Long.parseLong(configured.toString().trim());
  }

  private IOException unreachable(long timeoutMs, Exception e) {
    return new IOException("Kafka at " + sink.bootstrapServers() + " did not answer within " + timeoutMs
        + " ms (is bootstrap.servers right and the broker up? the timeout is the producer's max.block.ms)", e);
  }

  private KafkaProducer<byte[], byte[]> beginTransaction() {
    transactionalId = transactionalId(sink.getTransactionalIdPrefix(), subtask, lastCheckpoint);
    KafkaProducer<byte[], byte[]> created = pool.take();
    if (created != null) {
      try {
        InternalProducers.reassign(created, transactionalId);
      } catch (RuntimeException e) {
        LOG.warn("Could not reuse a Kafka producer for transaction {}; creating a new one", transactionalId, e);
        created.close(Duration.ZERO);
        created = null;
      }
    }
    if (created == null) {
      Properties p = sink.producerProperties();
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      created = InternalProducers.create(p);
      producersCreated.inc();
    }
    transactions.inc();
    try {
      created.initTransactions();
      created.beginTransaction();
    } catch (RuntimeException e) {
      created.close(Duration.ZERO);
      throw new IllegalStateException("Could not start Kafka transaction " + transactionalId + " on "
          + sink.bootstrapServers() + ": " + e.getMessage(), e);
    }
    return created;
  }

  private void checkError() throws IOException {
    Exception e = asyncError;
    if (e != null) {
      IllegalStateException security = dev.sluice.connector.kafka.internal.KafkaErrors.explainSecurity(e,
          sink.bootstrapServers(), sink.producerProperties(), List.of());
      if (security != null) {
        throw new IOException("Writing to Kafka failed: " + security.getMessage(), e);
      }
      String hint = e instanceof org.apache.kafka.common.errors.TimeoutException
          ? " (is bootstrap.servers right, the broker up and the topic there? the producer waits max.block.ms"
              + " for a topic's metadata and delivery.timeout.ms for a record)"
          : "";
      throw new IOException("Writing to Kafka at " + sink.bootstrapServers() + " failed: " + e.getMessage() + hint, e);
    }
  }

  @Override
  public void write(T element, Context context) throws IOException {
    checkError();
    if (producer == null) {
      producer = beginTransaction();
    }
    producer.send(sink.getRecordSerializer().serialize(element, context.timestamp()), callback);
    written = true;
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (producer != null && (sink.getDeliveryGuarantee() != DeliveryGuarantee.NONE || endOfInput)) {
      producer.flush();
    }
    checkError();
  }

  @Override
  public Collection<KafkaCommittable> prepareCommit() throws IOException {
    if (!exactlyOnce() || !written) {
      return List.of();
    }
    producer.flush();
    checkError();
    KafkaCommittable committable = InternalProducers.committable(transactionalId, producer);
    InternalProducers.PRECOMMITTED.put(transactionalId, producer);
    precommittedHere.add(transactionalId);
    if (precommittedHere.size() > 64) {
      precommittedHere.remove(0);
    }
    producer = null; // the next record starts the next transaction
    written = false;
    return List.of(committable);
  }

  /** No state of its own; the call tells which checkpoint the next transaction follows. */
  @Override
  public List<Void> snapshotState(long checkpointId) {
    lastCheckpoint = checkpointId;
    return List.of();
  }

  @Override
  public void close() {
    KafkaProducer<byte[], byte[]> p = producer;
    producer = null;
    if (p != null) {
      if (exactlyOnce()) {
        try {
          p.abortTransaction(); // never pre-committed: not in any checkpoint
        } catch (RuntimeException e) {
          // fenced or broken: the next run aborts it before it writes
        }
      }
      p.close(Duration.ofSeconds(5));
    }
    if (pool != null) {
      InternalProducers.POOLS.remove(poolKey, pool);
      pool.close();
    }
    // pre-committed transactions stay open; a committer (of a restored run, maybe) commits them
    for (String id : precommittedHere) {
      KafkaProducer<byte[], byte[]> waiting = InternalProducers.PRECOMMITTED.remove(id);
      if (waiting != null) {
        waiting.close(Duration.ZERO);
      }
    }
  }
}
