package dev.sluice.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {
  @Test
  void startsProducesConsumesAndStops() throws Exception {
    long t0 = System.nanoTime();
    try (LocalKafka kafka = LocalKafka.start()) {
      System.out.println("local kafka started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      kafka.createTopic("t", 2);
      try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < 10; i++) {
          p.send(new ProducerRecord<>("t", "k" + i, "v" + i));
        }
        p.flush();
      }
      List<String> got = new ArrayList<>();
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
          "auto.offset.reset", "earliest", "group.id", "g"), new StringDeserializer(), new StringDeserializer())) {
        c.subscribe(List.of("t"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (got.size() < 10 && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
            got.add(r.value());
          }
        }
      }
      assertThat(got).hasSize(10);
    }
  }
}
