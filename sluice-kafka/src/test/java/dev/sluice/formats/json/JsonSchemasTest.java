package dev.sluice.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  public record Order(String id, long amount) {}

  public static class Pojo {
    public String name;
    public int count;
  }

  @Test
  void recordsAndPojosRoundTrip() throws IOException {
    byte[] json = new JsonSerializationSchema<Order>().serialize(new Order("o1", 42));
    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o1\",\"amount\":42}");
    assertThat(new JsonDeserializationSchema<>(Order.class).deserialize(json)).isEqualTo(new Order("o1", 42));
    Pojo p = new JsonDeserializationSchema<>(Pojo.class)
        .deserialize("{\"name\":\"x\",\"count\":3,\"extra\":true}".getBytes(StandardCharsets.UTF_8));
    assertThat(p.name).isEqualTo("x");
    assertThat(p.count).isEqualTo(3);
  }

  @Test
  void malformedJsonIsABadRecord() {
    assertThatThrownBy(() -> new JsonDeserializationSchema<>(Order.class)
        .deserialize("{\"id\": \"o1\", amount".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a valid JSON Order");
  }
}
