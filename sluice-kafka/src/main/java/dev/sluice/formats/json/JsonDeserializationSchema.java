package dev.sluice.formats.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.api.common.serialization.DeserializationSchema;
import dev.sluice.api.common.typeinfo.TypeInformation;
import java.io.IOException;

/**
 * JSON (Jackson) to a record or POJO of class {@code T}. Malformed JSON, or JSON that does not fit
 * the class, is an {@link IOException}: a bad record for the Kafka source's bad-record policy.
 */
public class JsonDeserializationSchema<T> implements DeserializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient ObjectMapper mapper;

  public JsonDeserializationSchema(Class<T> type) {
    this.type = type;
  }

  private ObjectMapper mapper() {
    if (mapper == null) {
      mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
    return mapper;
  }

  @Override
  public T deserialize(byte[] message) throws IOException {
    if (message == null) {
      return null;
    }
    try {
      return mapper().readValue(message, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("not a valid JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return TypeInformation.of(type);
  }
}
