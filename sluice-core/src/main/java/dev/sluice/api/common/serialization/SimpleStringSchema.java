package dev.sluice.api.common.serialization;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Strings as UTF-8 (or another charset) bytes, both ways. A null message is a null string. */
public class SimpleStringSchema implements DeserializationSchema<String>, SerializationSchema<String> {
  private static final long serialVersionUID = 1L;

  private final String charsetName;
  private transient Charset charset;

  public SimpleStringSchema() {
    this(StandardCharsets.UTF_8);
  }

  public SimpleStringSchema(Charset charset) {
    this.charsetName = charset.name();
    this.charset = charset;
  }

  private Charset charset() {
    if (charset == null) {
      charset = Charset.forName(charsetName);
    }
    return charset;
  }

  @Override
  public String deserialize(byte[] message) {
    return message == null ? null : new String(message, charset());
  }

  @Override
  public byte[] serialize(String element) {
    return element == null ? null : element.getBytes(charset());
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
