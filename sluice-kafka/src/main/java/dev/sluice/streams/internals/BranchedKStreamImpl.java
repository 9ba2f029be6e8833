package dev.sluice.streams.internals;

import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Branched;
import dev.sluice.streams.kstream.BranchedKStream;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.Predicate;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code split()}: one operator evaluates the predicates in order and sends each record to the
 * side output of the first branch it matches (or of the default branch); each branch stream reads
 * its side output.
 */
final class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {
  private final KStreamImpl<K, V> parent;
  private final String prefix;
  private final List<Predicate<? super K, ? super V>> predicates = new ArrayList<>();
  private final List<Branched<K, V>> branches = new ArrayList<>();
  private final Map<String, KStream<K, V>> result = new LinkedHashMap<>();
  private boolean ended;
  private boolean hasDefault;

  BranchedKStreamImpl(KStreamImpl<K, V> parent, String prefix) {
    this.parent = parent;
    this.prefix = prefix;
  }

  @Override
  public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate) {
    return branch(predicate, null);
  }

  @Override
  public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched) {
    if (ended) {
      throw new IllegalStateException("The split already ended with defaultBranch() or noDefaultBranch()");
    }
    predicates.add(Objects.requireNonNull(predicate, "predicate"));
    branches.add(branched);
    return this;
  }

  @Override
  public Map<String, KStream<K, V>> defaultBranch() {
    return defaultBranch(null);
  }

  @Override
  public Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched) {
    hasDefault = true;
    branches.add(branched);
    return end();
  }

  @Override
  public Map<String, KStream<K, V>> noDefaultBranch() {
    return end();
  }

  @SuppressWarnings("unchecked")
  private Map<String, KStream<K, V>> end() {
    if (ended) {
      throw new IllegalStateException("The split already ended");
    }
    ended = true;
    int n = branches.size();
    List<OutputTag<KeyValue<K, V>>> tags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tags.add(new OutputTag<>(prefix + "-branch-" + i, Compilation.anyType()));
    }
    List<Predicate<? super K, ? super V>> preds = List.copyOf(predicates);
    boolean withDefault = hasDefault;
    Node<KeyValue<K, V>> parentNode = parent.node;
    String name = prefix;
    Node<KeyValue<K, V>> split = c -> c.get(parentNode).transform(name, Compilation.<KeyValue<K, V>>anyType(),
        () -> new StatelessOperator<KeyValue<K, V>, KeyValue<K, V>>((kv, ts, out) -> {
          for (int i = 0; i < preds.size(); i++) {
            if (preds.get(i).test(kv.key, kv.value)) {
              out.collect(tags.get(i), kv, ts);
              return;
            }
          }
          if (withDefault) {
            out.collect(tags.get(preds.size()), kv, ts);
          }
        }));
    for (int i = 0; i < n; i++) {
      OutputTag<KeyValue<K, V>> tag = tags.get(i);
      Node<KeyValue<K, V>> branchNode = c -> ((SingleOutputStreamOperator<KeyValue<K, V>>) c.get(split)).getSideOutput(tag);
      KStream<K, V> stream = new KStreamImpl<>(parent.builder, branchNode);
      Branched<K, V> b = branches.get(i);
      boolean isDefault = withDefault && i == n - 1;
      String branchName = prefix + (b != null && b.name() != null ? b.name() : String.valueOf(isDefault ? 0 : i + 1));
      if (b != null && b.consumer() != null) {
        b.consumer().accept(stream);
      } else if (b != null && b.function() != null) {
        KStream<K, V> mapped = b.function().apply(stream);
        if (mapped != null) {
          result.put(branchName, mapped);
        }
      } else {
        result.put(branchName, stream);
      }
    }
    return result;
  }
}
