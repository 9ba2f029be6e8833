package dev.sluice.connector.kafka.sink;

import dev.sluice.api.connector.sink2.Committer;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the transactions of completed checkpoints: with the producer that wrote it when it is
 * still in this JVM, otherwise with a new producer that resumes the transaction from its id and
 * epoch. A transaction that is already committed is skipped (a commit after a restore). A producer
 * that committed goes back to its writer's pool, if that writer is still open.
 */
final class KafkaCommitter implements Committer<KafkaCommittable> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaCommitter.class);
  private final Properties producerProperties;

  KafkaCommitter(Properties producerProperties) {
    this.producerProperties = producerProperties;
  }

  @Override
  public void commit(Collection<KafkaCommittable> committables) {
    for (KafkaCommittable c : committables) {
      KafkaProducer<byte[], byte[]> producer = InternalProducers.PRECOMMITTED.remove(c.transactionalId());
      if (producer != null) {
        try {
          producer.commitTransaction();
        } catch (RuntimeException e) {
          producer.close(Duration.ofSeconds(5));
          throw e;
        }
        InternalProducers.Pool pool = InternalProducers.POOLS.get(InternalProducers.poolKey(c.transactionalId()));
        if (pool != null) {
          pool.offer(producer); // carries a later transaction of its writer
        } else {
          producer.close(Duration.ofSeconds(5));
        }
        continue;
      }
      Properties p = new Properties();
      p.putAll(producerProperties);
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, c.transactionalId());
      try (KafkaProducer<byte[], byte[]> resumed = InternalProducers.create(p)) {
        InternalProducers.resume(resumed, c);
        resumed.commitTransaction();
        LOG.info("Committed Kafka transaction {} of a previous run", c.transactionalId());
      } catch (InvalidTxnStateException | ProducerFencedException | InvalidProducerEpochException
          | TransactionAbortedException e) {
        // committed before the failure (or, if the transaction outlived transaction.timeout.ms, aborted by the broker)
        LOG.info("Kafka transaction {} was already completed: {}", c.transactionalId(), e.toString());
      }
    }
  }
}
