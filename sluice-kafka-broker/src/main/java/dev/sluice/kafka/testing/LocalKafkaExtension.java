package dev.sluice.kafka.testing;

import dev.sluice.kafka.broker.LocalKafka;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real local Kafka broker for a test class: started once before the class's tests, stopped after
 * them. Register it as a static field and use it, or take a {@link LocalKafka} parameter:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();
 *
 * @Test
 * void reads() {
 *   KAFKA.kafka().createTopic("in", 3);
 *   String servers = KAFKA.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final LocalKafka.Builder builder;
  private volatile LocalKafka kafka;

  public LocalKafkaExtension() {
    this(LocalKafka.builder());
  }

  public LocalKafkaExtension(LocalKafka.Builder builder) {
    this.builder = builder;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (kafka == null) {
      kafka = builder.start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    LocalKafka k = kafka;
    kafka = null;
    if (k != null) {
      k.close();
    }
  }

  /** The running broker. */
  public LocalKafka kafka() {
    if (kafka == null) {
      throw new IllegalStateException("The local Kafka broker runs only while the test class runs "
          + "(register the extension on a static field)");
    }
    return kafka;
  }

  public String bootstrapServers() {
    return kafka().bootstrapServers();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == LocalKafka.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return kafka();
  }
}
