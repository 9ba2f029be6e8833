package dev.sluice.connector.kafka.sink;

import dev.sluice.api.connector.sink2.CommittingSinkWriter;
import dev.sluice.connector.base.DeliveryGuarantee;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Writes one subtask's records. NONE and AT_LEAST_ONCE use one producer (AT_LEAST_ONCE flushes it
 * at every checkpoint barrier). EXACTLY_ONCE writes each checkpoint's records in a transaction of
 * its own ({@code <prefix>-<subtask>-<run>-<n>}): at the barrier the transaction is flushed and
 * handed over as a committable, and a new producer starts the next one.
 */
final class KafkaWriter<T> implements CommittingSinkWriter<T, KafkaCommittable> {
  private final KafkaSink<T> sink;
  private final int subtask;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final List<String> precommittedHere = new ArrayList<>();
  private KafkaProducer<byte[], byte[]> producer;
  private String transactionalId;
  private long transactions;
  private boolean written;
  private volatile Exception asyncError;
  private final Callback callback = (metadata, e) -> {
    if (e != null && asyncError == null) {
      asyncError = e;
    }
  };

  KafkaWriter(KafkaSink<T> sink, int subtask) throws IOException {
    this.sink = sink;
    this.subtask = subtask;
    try {
      sink.getRecordSerializer().open(new dev.sluice.api.common.serialization.SerializationSchema.InitializationContext() {});
    } catch (Exception e) {
      throw new IOException("Could not open the record serializer: " + e.getMessage(), e);
    }
    producer = newProducer();
  }

  private boolean exactlyOnce() {
    return sink.getDeliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE;
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    Properties p = sink.producerProperties();
    if (!exactlyOnce()) {
      return InternalProducers.create(p);
    }
    transactionalId = sink.getTransactionalIdPrefix() + "-" + subtask + "-" + run + "-" + transactions++;
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    KafkaProducer<byte[], byte[]> created = InternalProducers.create(p);
    try {
      created.initTransactions();
      created.beginTransaction();
    } catch (RuntimeException e) {
      created.close(Duration.ZERO);
      throw new IllegalStateException("Could not start a Kafka transaction on " + sink.bootstrapServers() + ": "
          + e.getMessage(), e);
    }
    return created;
  }

  private void checkError() throws IOException {
    Exception e = asyncError;
    if (e != null) {
      throw new IOException("Writing to Kafka at " + sink.bootstrapServers() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(T element, Context context) throws IOException {
    checkError();
    producer.send(sink.getRecordSerializer().serialize(element, context.timestamp()), callback);
    written = true;
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (sink.getDeliveryGuarantee() != DeliveryGuarantee.NONE || endOfInput) {
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
    producer = newProducer();
    written = false;
    return List.of(committable);
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
          // fenced or broken: the broker aborts it after transaction.timeout.ms
        }
      }
      p.close(Duration.ofSeconds(5));
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
