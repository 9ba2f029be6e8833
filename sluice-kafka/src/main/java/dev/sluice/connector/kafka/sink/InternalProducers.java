package dev.sluice.connector.kafka.sink;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * What Kafka's public producer API does not offer: reading a transaction's producer id and epoch,
 * and resuming a transaction from them in a new producer so that it can be committed (the
 * technique Flink's Kafka sink uses, by reflection on the client's {@code TransactionManager}).
 * Also a registry of this JVM's producers whose transactions wait for their commit, so the
 * committer commits with the very producer that wrote, when it is still there, and a pool per
 * writer of producers whose transaction is committed, which carry the writer's later transactions
 * under a new transactional id instead of a new producer per checkpoint.
 */
final class InternalProducers {
  private InternalProducers() {}

  /** Producers with a flushed, uncommitted transaction, by transactional id. */
  static final Map<String, KafkaProducer<byte[], byte[]>> PRECOMMITTED = new ConcurrentHashMap<>();

  /** Idle producers of the live exactly-once writers, by {@link #poolKey} of their transactional ids. */
  static final Map<String, Pool> POOLS = new ConcurrentHashMap<>();

  /** {@code <prefix>-<subtask>} of a transactional id {@code <prefix>-<subtask>-<c>}. */
  static String poolKey(String transactionalId) {
    return transactionalId.substring(0, transactionalId.lastIndexOf('-'));
  }

  /**
   * The idle producers of one writer. A producer enters when its transaction has committed (so it
   * is in state READY, nothing in flight) and leaves to carry the writer's next transaction; at most
   * {@link #MAX_IDLE} wait, the rest are closed. Closing the pool closes what waits and every
   * producer offered later.
   */
  static final class Pool {
    private static final int MAX_IDLE = 2;
    private final ArrayDeque<KafkaProducer<byte[], byte[]>> idle = new ArrayDeque<>();
    private boolean closed;

    /** Keeps {@code producer} for a later transaction, or closes it. */
    void offer(KafkaProducer<byte[], byte[]> producer) {
      synchronized (this) {
        if (!closed && idle.size() < MAX_IDLE) {
          idle.push(producer);
          return;
        }
      }
      producer.close(Duration.ofSeconds(5));
    }

    synchronized KafkaProducer<byte[], byte[]> take() {
      return idle.poll();
    }

    void close() {
      KafkaProducer<byte[], byte[]>[] waiting;
      synchronized (this) {
        closed = true;
        @SuppressWarnings("unchecked")
        KafkaProducer<byte[], byte[]>[] all = idle.toArray(new KafkaProducer[0]);
        waiting = all;
        idle.clear();
      }
      for (KafkaProducer<byte[], byte[]> p : waiting) {
        p.close(Duration.ofSeconds(5));
      }
    }
  }

  static KafkaProducer<byte[], byte[]> create(Properties props) {
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Object transactionManager(KafkaProducer<?, ?> producer) throws ReflectiveOperationException {
    Field f = KafkaProducer.class.getDeclaredField("transactionManager");
    f.setAccessible(true);
    return f.get(producer);
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(target);
  }

  private static void setField(Object target, String name, Object value) throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    f.set(target, value);
  }

  /** The producer id and epoch of {@code producer}'s transaction, and whether it is a TV2 one. */
  static KafkaCommittable committable(String transactionalId, KafkaProducer<?, ?> producer) {
    try {
      Object tm = transactionManager(producer);
      ProducerIdAndEpoch pe = (ProducerIdAndEpoch) field(tm, "producerIdAndEpoch");
      boolean v2 = (Boolean) tm.getClass().getMethod("isTransactionV2Enabled").invoke(tm);
      return new KafkaCommittable(transactionalId, pe.producerId, pe.epoch, v2);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("This Kafka client (" + org.apache.kafka.common.utils.AppInfoParser.getVersion()
          + ") does not offer the internals an exactly-once Kafka sink needs", e);
    }
  }

  /** Makes a fresh producer (initTransactions not called) continue the transaction of {@code c}. */
  static void resume(KafkaProducer<?, ?> producer, KafkaCommittable c) {
    try {
      Object tm = transactionManager(producer);
      synchronized (tm) {
        Class<?> stateClass = Class.forName(tm.getClass().getName() + "$State");
        Method transitionTo = tm.getClass().getDeclaredMethod("transitionTo", stateClass);
        transitionTo.setAccessible(true);
        transitionTo.invoke(tm, state(stateClass, "INITIALIZING"));
        Object partitions = field(tm, "txnPartitionMap");
        Method reset = partitions.getClass().getDeclaredMethod("reset");
        reset.setAccessible(true);
        reset.invoke(partitions);
        setField(tm, "producerIdAndEpoch", new ProducerIdAndEpoch(c.producerId(), c.epoch()));
        setField(tm, "isTransactionV2Enabled", c.transactionV2());
        transitionTo.invoke(tm, state(stateClass, "READY"));
        transitionTo.invoke(tm, state(stateClass, "IN_TRANSACTION"));
        setField(tm, "transactionStarted", true);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Could not resume Kafka transaction " + c + " with this Kafka client ("
          + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")", e);
    }
  }

  /**
   * Gives a producer whose last transaction has completed (state READY) a new transactional id:
   * back to UNINITIALIZED, without its producer id and per-partition sequences, so
   * that {@code initTransactions()} registers the new id with its coordinator (fencing any earlier
   * producer of that id) as a new producer would. Saves a producer's threads, connections and
   * metadata per transaction.
   */
  static void reassign(KafkaProducer<?, ?> producer, String transactionalId) {
    try {
      Object tm = transactionManager(producer);
      synchronized (tm) {
        Class<?> stateClass = Class.forName(tm.getClass().getName() + "$State");
        Object current = field(tm, "currentState");
        if (current != state(stateClass, "READY")) {
          throw new IllegalStateException("the producer's transaction state is " + current + ", not READY");
        }
        Method transitionTo = tm.getClass().getDeclaredMethod("transitionTo", stateClass);
        transitionTo.setAccessible(true);
        transitionTo.invoke(tm, state(stateClass, "UNINITIALIZED"));
        setField(tm, "transactionalId", transactionalId);
        // The coordinator found for the old id is kept: with one broker (or by luck) it is the new
        // id's too; otherwise the broker answers NOT_COORDINATOR and the client looks it up, as it
        // would for a new producer. Forgetting it would make every initTransactions a retry, and
        // the client sleeps retry.backoff.ms (100 ms) before a retried request.
        setField(tm, "producerIdAndEpoch", ProducerIdAndEpoch.NONE);
        setField(tm, "transactionStarted", false);
        Object partitions = field(tm, "txnPartitionMap");
        Method reset = partitions.getClass().getDeclaredMethod("reset");
        reset.setAccessible(true);
        reset.invoke(partitions);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not give a Kafka producer the transactional id " + transactionalId
          + " with this Kafka client (" + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object state(Class<?> stateClass, String name) {
    return Enum.valueOf((Class) stateClass, name);
  }
}
