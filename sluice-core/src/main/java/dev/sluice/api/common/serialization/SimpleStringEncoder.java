package dev.sluice.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes an element's {@code toString()} followed by a newline, in UTF-8 or a given charset. */
public class SimpleStringEncoder<IN> implements Encoder<IN> {
  private static final long serialVersionUID = 1L;

  private final String charsetName;
  private transient Charset charset;

  public SimpleStringEncoder() {
    this(StandardCharsets.UTF_8.name());
  }

  public SimpleStringEncoder(String charsetName) {
    this.charsetName = Charset.forName(charsetName).name(); // fails early on an unknown charset
  }

  @Override
  public void encode(IN element, OutputStream stream) throws IOException {
    if (charset == null) {
      charset = Charset.forName(charsetName);
    }
    stream.write(String.valueOf(element).getBytes(charset));
    stream.write('\n');
  }
}
