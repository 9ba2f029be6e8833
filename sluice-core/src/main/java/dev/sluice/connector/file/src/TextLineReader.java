package dev.sluice.connector.file.src;

import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of one file at a time, a bounded number per poll, and asks for the next file
 * when it has read its last one. Undecodable bytes become replacement characters.
 *
 * <p>Records go to the reader's main output rather than per-split outputs: lines carry no
 * timestamps of their own, so per-split watermarks would add nothing.
 */
final class TextLineReader implements SourceReader<String, FileSourceSplit> {
  static final int LINES_PER_POLL = 256;

  private final SourceReaderContext context;
  private final ArrayDeque<FileSourceSplit> pending = new ArrayDeque<>();
  private FileSourceSplit current;
  private BufferedReader in;
  private long linesRead;
  private boolean requested;
  private boolean noMoreSplits;

  TextLineReader(SourceReaderContext context) {
    this.context = context;
  }

  @Override
  public void start() {
    request();
  }

  private void request() {
    requested = true;
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
    if (current == null) {
      FileSourceSplit next = pending.pollFirst();
      if (next == null) {
        if (noMoreSplits) {
          return InputStatus.END_OF_INPUT;
        }
        if (!requested) {
          request();
        }
        return InputStatus.NOTHING_AVAILABLE;
      }
      open(next);
    }
    for (int i = 0; i < LINES_PER_POLL; i++) {
      String line = in.readLine();
      if (line == null) {
        finishCurrent();
        break;
      }
      linesRead++;
      output.collect(line);
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private void open(FileSourceSplit split) throws IOException {
    Path path = Path.of(split.path());
    BufferedReader reader = new BufferedReader(
        new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 64 * 1024);
    try {
      for (long skipped = 0; skipped < split.lineOffset(); skipped++) {
        if (reader.readLine() == null) {
          break;
        }
      }
    } catch (IOException e) {
      reader.close();
      throw e;
    }
    current = split;
    in = reader;
    linesRead = split.lineOffset();
  }

  private void finishCurrent() throws IOException {
    closeFile();
    if (pending.isEmpty() && !noMoreSplits && !requested) {
      request();
    }
  }

  private void closeFile() throws IOException {
    BufferedReader r = in;
    in = null;
    current = null;
    if (r != null) {
      r.close();
    }
  }

  @Override
  public List<FileSourceSplit> snapshotState(long checkpointId) {
    List<FileSourceSplit> state = new ArrayList<>();
    if (current != null) {
      state.add(current.withLineOffset(linesRead));
    }
    state.addAll(pending);
    return state;
  }

  @Override
  public void addSplits(List<FileSourceSplit> splits) {
    pending.addAll(splits);
    requested = false;
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    requested = false;
  }

  @Override
  public void close() throws IOException {
    closeFile();
  }
}
