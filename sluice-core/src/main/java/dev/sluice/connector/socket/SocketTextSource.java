package dev.sluice.connector.socket;

import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.connector.base.StaticSplitEnumerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads text from a TCP socket and cuts it into records at a delimiter (UTF-8). It has one split,
 * so one reader does the work whatever the parallelism; the input ends when the peer closes the
 * connection.
 *
 * <p>The reader connects and reads on a thread of its own ({@code sluice-socket-reader-host:port})
 * and hands records to the subtask through a bounded queue; when the queue is full that thread
 * waits, which stops reading from the socket and so pushes back on the peer.
 *
 * <p>With {@code maxRetry} the reader tries again, every {@value #RETRY_DELAY_MS} ms, when a
 * connection attempt fails or the peer closes the connection: up to {@code maxRetry} times, {@code
 * 0} never, {@code -1} without limit. Once the retries are spent, a failed connection attempt
 * fails the job and a closed connection ends the input.
 */
public final class SocketTextSource
    implements Source<String, SocketTextSource.SocketSplit, List<SocketTextSource.SocketSplit>> {
  private static final long serialVersionUID = 1L;

  /** Pause between connection attempts. */
  public static final long RETRY_DELAY_MS = 500;
  /** Timeout of one connection attempt. */
  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int QUEUE_CAPACITY = 1024;
  static final int RECORDS_PER_POLL = 256;
  static final String THREAD_PREFIX = "sluice-socket-reader-";

  private final String hostname;
  private final int port;
  private final String delimiter;
  private final long maxRetry;

  public SocketTextSource(String hostname, int port) {
    this(hostname, port, "\n", 0);
  }

  public SocketTextSource(String hostname, int port, String delimiter, long maxRetry) {
    if (hostname == null || hostname.isBlank()) {
      throw new IllegalArgumentException("socketTextStream needs a host name, got '" + hostname + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "socketTextStream needs a port between 1 and 65535, got " + port);
    }
    if (delimiter == null || delimiter.isEmpty()) {
      throw new IllegalArgumentException("socketTextStream needs a non-empty delimiter");
    }
    if (maxRetry < -1) {
      throw new IllegalArgumentException(
          "maxRetry must be -1 (retry forever), 0 (no retry) or positive, got " + maxRetry);
    }
    this.hostname = hostname;
    this.port = port;
    this.delimiter = delimiter;
    this.maxRetry = maxRetry;
  }

  public String getHostname() {
    return hostname;
  }

  public int getPort() {
    return port;
  }

  public String getDelimiter() {
    return delimiter;
  }

  public long getMaxRetry() {
    return maxRetry;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  /** The one split: the connection. */
  public record SocketSplit(String splitId) implements SourceSplit {}

  @Override
  public SplitEnumerator<SocketSplit, List<SocketSplit>> createEnumerator(
      SplitEnumeratorContext<SocketSplit> context) {
    return new StaticSplitEnumerator<>(context, List.of(new SocketSplit(hostname + ":" + port)));
  }

  @Override
  public SplitEnumerator<SocketSplit, List<SocketSplit>> restoreEnumerator(
      SplitEnumeratorContext<SocketSplit> context, List<SocketSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<String, SocketSplit> createReader(SourceReaderContext context) {
    return new SocketReader(this, context);
  }

  // ------------------------------------------------------------------------------------ reader

  private static final class SocketReader implements SourceReader<String, SocketSplit> {
    private final SocketTextSource source;
    private final SourceReaderContext context;
    private final List<SocketSplit> splits = new ArrayList<>();
    private ReadingThread thread;
    private boolean noMoreSplits;

    SocketReader(SocketTextSource source, SourceReaderContext context) {
      this.source = source;
      this.context = context;
    }

    @Override
    public void start() {
      context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
      if (thread == null) {
        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }
      boolean ended = thread.ended; // read before draining: every record was queued before it
      int emitted = 0;
      String line;
      while (emitted < RECORDS_PER_POLL && (line = thread.queue.poll()) != null) {
        output.collect(line);
        emitted++;
      }
      if (emitted > 0) {
        return InputStatus.MORE_AVAILABLE;
      }
      if (ended) {
        if (thread.failure != null) {
          throw thread.failure;
        }
        return InputStatus.END_OF_INPUT;
      }
      return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<SocketSplit> snapshotState(long checkpointId) {
      return List.copyOf(splits); // a socket has no position to return to
    }

    @Override
    public void addSplits(List<SocketSplit> newSplits) {
      splits.addAll(newSplits);
      if (thread == null && !splits.isEmpty()) {
        thread = new ReadingThread(source);
        thread.start();
      }
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
    }

    @Override
    public void close() {
      if (thread != null) {
        thread.shutdown();
      }
    }
  }

  /** Connects, reads and cuts the stream into records; the only thread touching the socket. */
  private static final class ReadingThread extends Thread {
    private final String hostname;
    private final int port;
    private final String delimiter;
    private final long maxRetry;
    final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Set once every record is in the queue; {@link #failure} is set before it when it failed. */
    volatile boolean ended;
    volatile IOException failure;
    private volatile boolean closed;
    private Socket socket; // guarded by this

    ReadingThread(SocketTextSource source) {
      super(THREAD_PREFIX + source.hostname + ":" + source.port);
      setDaemon(true);
      this.hostname = source.hostname;
      this.port = source.port;
      this.delimiter = source.delimiter;
      this.maxRetry = source.maxRetry;
    }

    @Override
    public void run() {
      try {
        long attempts = 0;
        while (!closed) {
          Socket s = connect();
          IOException connectFailure = null;
          if (s == null) {
            return; // closed while connecting
          }
          try {
            s.connect(new InetSocketAddress(hostname, port), CONNECT_TIMEOUT_MS);
          } catch (IOException e) {
            connectFailure = e;
          }
          if (connectFailure == null) {
            try (Reader in = new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)) {
              read(in);
            } catch (IOException e) {
              if (closed) {
                return;
              }
              connectFailure = e; // the connection broke
            }
          }
          closeSocket();
          if (closed) {
            return;
          }
          if (maxRetry != -1 && attempts >= maxRetry) {
            if (connectFailure != null) {
              failure = new IOException("Could not connect to " + hostname + ":" + port
                  + " for socketTextStream: " + connectFailure.getMessage()
                  + (attempts > 0 ? " (after " + attempts + " retries)" : ""), connectFailure);
            }
            return;
          }
          attempts++;
          Thread.sleep(RETRY_DELAY_MS);
        }
      } catch (InterruptedException e) {
        // closed
      } finally {
        closeSocket();
        ended = true;
      }
    }

    private synchronized Socket connect() {
      if (closed) {
        return null;
      }
      socket = new Socket();
      return socket;
    }

    private synchronized void closeSocket() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // nothing to do
        }
        socket = null;
      }
    }

    /** Reads until the peer closes; emits the last record even without a delimiter. */
    private void read(Reader in) throws IOException, InterruptedException {
      char[] chunk = new char[8192];
      StringBuilder buffer = new StringBuilder();
      int n;
      while (!closed && (n = in.read(chunk)) != -1) {
        int searchFrom = Math.max(0, buffer.length() - delimiter.length() + 1);
        buffer.append(chunk, 0, n);
        int start = 0;
        int at;
        while ((at = buffer.indexOf(delimiter, Math.max(start, searchFrom))) != -1) {
          emit(buffer.substring(start, at));
          start = at + delimiter.length();
        }
        buffer.delete(0, start);
      }
      if (!closed && buffer.length() > 0) {
        emit(buffer.toString());
      }
    }

    private void emit(String record) throws InterruptedException {
      if ("\n".equals(delimiter) && record.endsWith("\r")) {
        record = record.substring(0, record.length() - 1);
      }
      queue.put(record);
    }

    /** Stops reading, closes the socket and waits (up to a second) for the thread to end. */
    void shutdown() {
      closed = true;
      closeSocket();
      interrupt();
      // the caller may itself have been interrupted (a cancelled job): wait all the same
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      boolean interrupted = false;
      while (isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A socket has no position: after a restore the source reads on from whatever the server sends
   * next (at most once, as with Flink's socket source).
   */
  @Override
  public SimpleVersionedSerializer<SocketSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, (s, out) -> out.writeUTF(s.splitId()), (v, in) -> new SocketSplit(in.readUTF()));
  }

  @Override
  public SimpleVersionedSerializer<List<SocketSplit>> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.listOf(1, (s, out) -> out.writeUTF(s.splitId()), (v, in) -> new SocketSplit(in.readUTF()));
  }
}
