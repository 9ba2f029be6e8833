/**
 * Exercise 1 on Kafka: {@link dev.sluice.examples.kafka.WordCountProducer} sends lines of text to
 * a topic, {@link dev.sluice.examples.kafka.KafkaWordCount} counts the words in real time and
 * writes the running counts to another topic exactly once.
 */
package dev.sluice.examples.kafka;
