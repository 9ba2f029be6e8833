package dev.sluice.connector.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobExecutionException;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketTextSourceTest {
  private ServerSocket server;

  @BeforeEach
  void startServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout(20_000);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  /** Accepts one connection, sends the chunks (flushing each), then closes it. */
  private CompletableFuture<Void> serve(String... chunks) {
    return CompletableFuture.runAsync(() -> {
      try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
        for (String chunk : chunks) {
          out.write(chunk.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
  }

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  @Test
  void readsLinesUntilThePeerCloses() throws Exception {
    CompletableFuture<Void> served = serve("first line\nsecond", " line\r\n", "\nthird ünïcødé\nlast without newline");
    List<String> lines = env().socketTextStream("127.0.0.1", server.getLocalPort()).executeAndCollect(100);
    served.get();
    assertThat(lines).containsExactly("first line", "second line", "", "third ünïcødé",
        "last without newline");
  }

  @Test
  void cutsAtACustomDelimiter() throws Exception {
    CompletableFuture<Void> served = serve("a|", "|b||c\r|", "|d");
    List<String> records = env().socketTextStream("127.0.0.1", server.getLocalPort(), "||")
        .executeAndCollect(100);
    served.get();
    assertThat(records).containsExactly("a", "b", "c\r", "d");
  }

  @Test
  void readsMoreThanTheQueueHolds() throws Exception {
    int count = 50_000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i).append('\n');
    }
    CompletableFuture<Void> served = serve(text.toString());
    List<String> lines = env().socketTextStream("127.0.0.1", server.getLocalPort())
        .executeAndCollect(count + 1);
    served.get();
    assertThat(lines).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(lines.get(i)).isEqualTo(String.valueOf(i));
    }
  }

  @Test
  void aRefusedConnectionFailsTheJobNamingHostAndPort() throws Exception {
    int port = server.getLocalPort();
    server.close(); // nothing listens there any more
    StreamExecutionEnvironment env = env();
    env.socketTextStream("localhost", port).print();
    assertThatThrownBy(env::execute)
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Could not connect to localhost:" + port
            + " for socketTextStream: Connection refused");
  }

  @Test
  void retriesBeforeGivingUp() throws Exception {
    int port = server.getLocalPort();
    server.close();
    StreamExecutionEnvironment env = env();
    env.socketTextStream("localhost", port, "\n", 1).print();
    assertThatThrownBy(env::execute)
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Could not connect to localhost:" + port)
        .hasMessageContaining("after 1 retries");
  }

  @Test
  void cancellingAJobOnASilentSocketStopsAndLeavesNoThread() throws Exception {
    StreamExecutionEnvironment env = env();
    env.socketTextStream("127.0.0.1", server.getLocalPort()).print();
    JobClient client = env.executeAsync("silent");
    try (Socket peer = server.accept()) { // connected, and never sends anything
      client.cancel().get(1, TimeUnit.SECONDS);
      assertThat(client.getJobExecutionResult()).isCompletedExceptionally();
      assertThat(readerThreads()).isEmpty();
    }
  }

  private static List<String> readerThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith(SocketTextSource.THREAD_PREFIX)) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void validatesItsArgumentsWhenTheJobIsDefined() {
    StreamExecutionEnvironment env = env();
    assertThatThrownBy(() -> env.socketTextStream("localhost", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    assertThatThrownBy(() -> env.socketTextStream("localhost", 65536))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    assertThatThrownBy(() -> env.socketTextStream(" ", 9999))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    assertThatThrownBy(() -> env.socketTextStream("localhost", 9999, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
    assertThatThrownBy(() -> env.socketTextStream("localhost", 9999, "\n", -2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetry");
  }

  @Test
  void isANonParallelSource() {
    StreamExecutionEnvironment env = env();
    var stream = env.socketTextStream("localhost", 9999);
    assertThat(stream.getParallelism()).isEqualTo(1);
    assertThatThrownBy(() -> stream.setParallelism(2)).isInstanceOf(IllegalArgumentException.class);
  }
}
