package dev.sluice.api.common.typeutils;

import static dev.sluice.api.common.typeutils.SerdeFixtures.read;
import static dev.sluice.api.common.typeutils.SerdeFixtures.snapshotRoundTrip;
import static dev.sluice.api.common.typeutils.SerdeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring data written by an older version of a class. Each version of the classes {@code
 * evo.Order} (a POJO), {@code evo.Trade} (a record) and {@code evo.Level} (an enum) is compiled
 * at test time into its own directory and loaded by its own class loader, so both versions have
 * the same name, as they would across two deployments of a job; the snapshot finds the current
 * class by that name.
 */
class SchemaEvolutionTest {
  private static final Map<String, Map<String, String>> VERSIONS = Map.of(
      "v1", Map.of(
          "Order", "public class Order { public String id; public Long price; }",
          "Trade", "public record Trade(String id, long amount) {}",
          "Level", "public enum Level { LOW, MID, HIGH }"),
      "gained", Map.of(
          "Order", "public class Order { public String id; public Long price; public String note;"
              + " public int quantity; }",
          "Trade", "public record Trade(String venue, String id, long amount, int count) {}",
          "Level", "public enum Level { HIGH, EXTRA, LOW, MID }"),
      "lost", Map.of(
          "Order", "public class Order { public String id; }",
          "Trade", "public record Trade(String id) {}",
          "Level", "public enum Level { LOW, HIGH }"),
      "changed", Map.of(
          "Order", "public class Order { public String id; public String price; }",
          "Trade", "public record Trade(String id, String amount) {}",
          "Level", "public enum Level { LOW, MID, HIGH, HIGHEST }"));

  private static final Map<String, ClassLoader> LOADERS = new java.util.HashMap<>();

  @BeforeAll
  static void compileEveryVersion(@TempDir Path root) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (Map.Entry<String, Map<String, String>> version : VERSIONS.entrySet()) {
      Path dir = Files.createDirectories(root.resolve(version.getKey()));
      List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
      for (Map.Entry<String, String> source : version.getValue().entrySet()) {
        Path file = dir.resolve(source.getKey() + ".java");
        Files.writeString(file, "package evo;\n" + source.getValue() + "\n");
        args.add(file.toString());
      }
      assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
      LOADERS.put(version.getKey(), loader(dir));
    }
  }

  private static ClassLoader loader(Path dir) {
    try {
      return new URLClassLoader(new URL[] {dir.toUri().toURL()},
          SchemaEvolutionTest.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String version, String name) throws ClassNotFoundException {
    return Class.forName("evo." + name, true, LOADERS.get(version));
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> serializerOf(String version, String name)
      throws ClassNotFoundException {
    return (TypeSerializer<Object>) TypeInformation.of(load(version, name)).createSerializer(null);
  }

  private static Object get(Object object, String field) throws ReflectiveOperationException {
    Field f = object.getClass().getField(field);
    return f.get(object);
  }

  private static Object call(Object object, String accessor) throws ReflectiveOperationException {
    return object.getClass().getMethod(accessor).invoke(object);
  }

  /** What the current version of a job finds when it restores data and snapshot of {@code v1}. */
  private record Restored(TypeSerializerSchemaCompatibility<Object> verdict,
      TypeSerializer<Object> restoreSerializer) {}

  private static Restored restore(String name, String nowVersion) throws Exception {
    TypeSerializerSnapshot<Object> snapshot =
        snapshotRoundTrip(serializerOf("v1", name), LOADERS.get(nowVersion));
    return new Restored(snapshot.resolveSchemaCompatibility(serializerOf(nowVersion, name)),
        snapshot.restoreSerializer());
  }

  private static byte[] oldOrder() throws Exception {
    Object order = load("v1", "Order").getConstructor().newInstance();
    order.getClass().getField("id").set(order, "o-1");
    order.getClass().getField("price").set(order, 42L);
    return write(serializerOf("v1", "Order"), order);
  }

  private static byte[] oldTrade() throws Exception {
    Class<?> trade = load("v1", "Trade");
    return write(serializerOf("v1", "Trade"),
        trade.getConstructor(String.class, long.class).newInstance("t-1", 7L));
  }

  @Test
  void anUnchangedClassIsCompatibleAsIs() throws Exception {
    for (String name : List.of("Order", "Trade", "Level")) {
      Restored restored = restore(name, "v1");
      assertThat(restored.verdict().isCompatibleAsIs()).as(name).isTrue();
      assertThat(restored.restoreSerializer()).isEqualTo(serializerOf("v1", name));
    }
  }

  @Test
  void aPojoThatGainedFieldsReadsOldData() throws Exception {
    Restored restored = restore("Order", "gained");
    assertThat(restored.verdict().isCompatibleAfterMigration()).isTrue();

    Object order = read(restored.restoreSerializer(), oldOrder());
    assertThat(order.getClass()).isSameAs(load("gained", "Order"));
    assertThat(get(order, "id")).isEqualTo("o-1");
    assertThat(get(order, "price")).isEqualTo(42L);
    assertThat(get(order, "note")).isNull();
    assertThat(get(order, "quantity")).isEqualTo(0);

    // migration: what the restore serializer read, the new serializer writes and reads
    TypeSerializer<Object> now = serializerOf("gained", "Order");
    assertThat(get(read(now, write(now, order)), "price")).isEqualTo(42L);
  }

  @Test
  void aPojoThatLostAFieldSkipsIt() throws Exception {
    Restored restored = restore("Order", "lost");
    assertThat(restored.verdict().isCompatibleAfterMigration()).isTrue();
    Object order = read(restored.restoreSerializer(), oldOrder());
    assertThat(get(order, "id")).isEqualTo("o-1");
  }

  @Test
  void aRecordThatGainedComponentsReadsOldData() throws Exception {
    Restored restored = restore("Trade", "gained");
    assertThat(restored.verdict().isCompatibleAfterMigration()).isTrue();

    Object trade = read(restored.restoreSerializer(), oldTrade());
    assertThat(trade.getClass()).isSameAs(load("gained", "Trade"));
    assertThat(call(trade, "id")).isEqualTo("t-1");
    assertThat(call(trade, "amount")).isEqualTo(7L);
    assertThat(call(trade, "venue")).isNull();
    assertThat(call(trade, "count")).isEqualTo(0);
  }

  @Test
  void aRecordThatLostAComponentSkipsIt() throws Exception {
    Restored restored = restore("Trade", "lost");
    assertThat(restored.verdict().isCompatibleAfterMigration()).isTrue();
    assertThat(call(read(restored.restoreSerializer(), oldTrade()), "id")).isEqualTo("t-1");
  }

  @Test
  void aFieldThatChangedTypeIsIncompatibleAndSaysWhich() throws Exception {
    TypeSerializerSchemaCompatibility<Object> pojo = restore("Order", "changed").verdict();
    assertThat(pojo.isIncompatible()).isTrue();
    assertThat(pojo.reason()).isEqualTo("field 'price' of evo.Order was Long, is now String");

    TypeSerializerSchemaCompatibility<Object> record = restore("Trade", "changed").verdict();
    assertThat(record.isIncompatible()).isTrue();
    assertThat(record.reason()).isEqualTo("field 'amount' of evo.Trade was Long, is now String");
  }

  @Test
  void reorderedEnumConstantsAreReadByName() throws Exception {
    Class<?> old = load("v1", "Level");
    byte[] mid = write(serializerOf("v1", "Level"), old.getEnumConstants()[1]);

    Restored restored = restore("Level", "gained");
    assertThat(restored.verdict().isCompatibleAfterMigration()).isTrue();
    Object level = read(restored.restoreSerializer(), mid);
    assertThat(level.getClass()).isSameAs(load("gained", "Level"));
    assertThat(((Enum<?>) level).name()).isEqualTo("MID");

    // constants appended at the end leave the old indexes valid
    assertThat(restore("Level", "changed").verdict().isCompatibleAsIs()).isTrue();
  }

  @Test
  void aRemovedEnumConstantIsAClearError() throws Exception {
    Class<?> old = load("v1", "Level");
    byte[] mid = write(serializerOf("v1", "Level"), old.getEnumConstants()[1]);
    byte[] high = write(serializerOf("v1", "Level"), old.getEnumConstants()[2]);

    Restored restored = restore("Level", "lost");
    assertThat(restored.verdict().isIncompatible()).isTrue();
    assertThat(restored.verdict().reason()).contains("evo.Level", "MID");
    assertThat(((Enum<?>) read(restored.restoreSerializer(), high)).name()).isEqualTo("HIGH");
    assertThatThrownBy(() -> read(restored.restoreSerializer(), mid))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("MID").hasMessageContaining("evo.Level");
  }
}
