package dev.sluice.formats.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.api.common.serialization.SerializationSchema;

/** A record or POJO as JSON (Jackson), UTF-8. */
public class JsonSerializationSchema<T> implements SerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private transient ObjectMapper mapper;

  @Override
  public byte[] serialize(T element) {
    if (mapper == null) {
      mapper = new ObjectMapper();
    }
    try {
      return mapper.writeValueAsBytes(element);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Could not write " + element + " as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
