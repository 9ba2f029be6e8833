package dev.sluice.bench.nexmark.queries;

import java.util.List;
import java.util.stream.Collectors;

/** The Nexmark queries q0 to q22, by name. */
public final class NexmarkQueries {
  private static final List<NexmarkQuery> ALL = List.of(new Query0(), new Query1(), new Query2(),
      new Query3(), new Query4(), new Query5(), new Query6(), new Query7(), new Query8(),
      new Query9(), new Query10(), new Query11(), new Query12(), new Query13(), new Query14(),
      new Query15(), new Query16(), new Query17(), new Query18(), new Query19(), new Query20(),
      new Query21(), new Query22());

  private NexmarkQueries() {}

  /** Every query, q0 first. */
  public static List<NexmarkQuery> all() {
    return ALL;
  }

  /**
   * The query named {@code name} ("q0" .. "q22").
   *
   * @throws IllegalArgumentException for another name; the message lists the valid ones
   */
  public static NexmarkQuery byName(String name) {
    for (NexmarkQuery q : ALL) {
      if (q.name().equals(name)) {
        return q;
      }
    }
    throw new IllegalArgumentException("Unknown Nexmark query '" + name + "'; valid names: "
        + ALL.stream().map(NexmarkQuery::name).collect(Collectors.joining(", ")));
  }
}
