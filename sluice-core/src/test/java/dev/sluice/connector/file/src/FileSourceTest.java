package dev.sluice.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.CloseableIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileSourceTest {
  @TempDir Path dir;

  private static List<String> lines(String prefix, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(prefix + "-" + i);
    }
    return lines;
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  @Test
  void readsTheLinesOfAFileInOrder() throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "one\nzwei\r\ndrei ü\n\nlast", StandardCharsets.UTF_8);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.readTextFile(file.toString()).executeAndCollect(100))
        .containsExactly("one", "zwei", "drei ü", "", "last");
  }

  @Test
  void readsTheVisibleFilesOfADirectory() throws Exception {
    write(dir.resolve("b.txt"), lines("b", 3));
    write(dir.resolve("a.txt"), lines("a", 2));
    write(dir.resolve(".hidden"), lines("hidden", 2));
    write(dir.resolve("_in-progress"), lines("underscore", 2));
    Files.createDirectory(dir.resolve("sub"));
    write(dir.resolve("sub").resolve("c.txt"), lines("c", 2));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.fromSource(FileSource.forTextLines(dir).build(), WatermarkStrategy.noWatermarks(),
        "files").executeAndCollect(100))
        .containsExactly("a-0", "a-1", "b-0", "b-1", "b-2"); // one reader: files in name order
  }

  @Test
  void aMissingPathIsAnErrorWhenTheJobIsDefined() {
    Path missing = dir.resolve("no-such-file.txt");
    assertThatThrownBy(() -> FileSource.forTextLines(missing).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env.readTextFile(missing.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void readsManyFilesInParallelExactlyOnce() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      List<String> content = lines("f" + f, 1000 + f * 37);
      write(dir.resolve("file-" + f + ".txt"), content);
      expected.addAll(content);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    List<String> read = env.readTextFile(dir.toString()).executeAndCollect(expected.size() + 1);
    assertThat(read).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void continuousMonitoringPicksUpNewFiles() throws Exception {
    write(dir.resolve("1.txt"), lines("first", 3));
    FileSource source = FileSource.forTextLines(dir).monitorContinuously(Duration.ofMillis(50)).build();
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    try (CloseableIterator<String> it = env.fromSource(source, WatermarkStrategy.noWatermarks(),
        "monitored").executeAndCollect()) {
      List<String> read = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        read.add(it.next());
      }
      assertThat(read).containsExactlyInAnyOrderElementsOf(lines("first", 3));

      // a new file appears complete: written under a hidden name, then moved in
      Path tmp = dir.resolve(".2.txt.tmp");
      write(tmp, lines("second", 4));
      Files.move(tmp, dir.resolve("2.txt"), StandardCopyOption.ATOMIC_MOVE);
      read.clear();
      for (int i = 0; i < 4; i++) {
        read.add(it.next());
      }
      assertThat(read).containsExactlyInAnyOrderElementsOf(lines("second", 4));
    }
  }

  @Test
  void aReaderReportsItsPositionAndResumesFromIt() throws Exception {
    Path file = dir.resolve("a.txt");
    write(file, lines("l", 600));
    FileSource source = FileSource.forTextLines(file).build();
    List<String> out = new ArrayList<>();
    FileSourceSplit split = new FileSourceSplit(file.toString(), file.toString(), 0);

    SourceReader<String, FileSourceSplit> reader = source.createReader(new StubContext());
    reader.start();
    reader.addSplits(List.of(split));
    assertThat(reader.pollNext(new ListOutput(out))).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(out).hasSize(TextLineReader.LINES_PER_POLL);
    List<FileSourceSplit> state = reader.snapshotState(1);
    assertThat(state).containsExactly(split.withLineOffset(TextLineReader.LINES_PER_POLL));
    reader.close();

    out.clear();
    SourceReader<String, FileSourceSplit> restored = source.createReader(new StubContext());
    restored.start();
    restored.addSplits(state);
    restored.notifyNoMoreSplits();
    while (restored.pollNext(new ListOutput(out)) != InputStatus.END_OF_INPUT) {
      // read to the end
    }
    restored.close();
    assertThat(out).containsExactlyElementsOf(lines("l", 600).subList(TextLineReader.LINES_PER_POLL, 600));
  }

  private static final class StubContext implements SourceReaderContext {
    @Override
    public TaskInfo getTaskInfo() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public long currentProcessingTime() {
      return System.currentTimeMillis();
    }
  }

  private record ListOutput(List<String> out) implements ReaderOutput<String> {
    @Override
    public void collect(String record) {
      out.add(record);
    }

    @Override
    public void collect(String record, long timestamp) {
      out.add(record);
    }

    @Override
    public SourceOutput<String> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
  }
}
