package dev.sluice.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example in README.md and docs/*.md is a complete program: this test extracts each
 * one, compiles them all against the project, and runs each {@code main} (which checks its own
 * results and throws if they are wrong).
 */
class DocsExamplesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

  record Example(Path document, String className, String source) {}

  @TempDir
  static Path work;

  private static List<Example> examples;
  private static URLClassLoader loader;

  @BeforeAll
  static void compileAll() throws IOException {
    examples = extract(projectRoot());
    Path src = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> files = new ArrayList<>();
    for (Example e : examples) {
      Path file = src.resolve(e.className() + ".java");
      assertThat(file).as("two examples named %s", e.className()).doesNotExist();
      Files.writeString(file, e.source());
      files.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath(),
        "--release", "17", "-Xlint:none"));
    args.addAll(files);
    StringWriter errors = new StringWriter();
    int rc = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        errors.write(b);
      }
    }), args.toArray(new String[0]));
    assertThat(rc).as("the documentation's examples compile:%n%s", errors).isZero();
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DocsExamplesTest.class.getClassLoader());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRuns() {
    assertThat(examples).as("examples found in the docs").hasSizeGreaterThan(10);
    return examples.stream().map(e -> DynamicTest.dynamicTest(
        projectRoot().relativize(e.document()) + ": " + e.className(), () -> run(e)));
  }

  private static void run(Example example) throws Exception {
    Method main = loader.loadClass(example.className()).getMethod("main", String[].class);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<?> done = runner.submit(() -> {
        try {
          main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
          throw new AssertionError(example.className() + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        return null;
      });
      done.get(60, TimeUnit.SECONDS);
    } finally {
      runner.shutdownNow();
    }
  }

  static List<Example> extract(Path root) throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<Example> found = new ArrayList<>();
    for (Path doc : documents) {
      Matcher blocks = JAVA_BLOCK.matcher(Files.readString(doc));
      while (blocks.find()) {
        String source = blocks.group(1);
        Matcher name = CLASS_NAME.matcher(source);
        assertThat(name.find()).as("a Java example in %s declares a public class:%n%s", doc, source)
            .isTrue();
        found.add(new Example(doc, name.group(1), source));
      }
    }
    return found;
  }

  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No docs/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

}
