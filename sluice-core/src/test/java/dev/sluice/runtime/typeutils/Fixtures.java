package dev.sluice.runtime.typeutils;

import dev.sluice.api.java.tuple.Tuple2;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Element types used by the type utility tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A POJO with private fields, getters and setters. */
  public static class Order {
    private String category;
    private double price;
    private transient int scratch;

    public Order() {}

    public Order(String category, double price) {
      this.category = category;
      this.price = price;
    }

    public String getCategory() {
      return category;
    }

    public void setCategory(String category) {
      this.category = category;
    }

    public double getPrice() {
      return price;
    }

    public void setPrice(double price) {
      this.price = price;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Order other && Objects.equals(category, other.category)
          && price == other.price;
    }

    @Override
    public int hashCode() {
      return Objects.hash(category, price);
    }

    @Override
    public String toString() {
      return "Order(" + category + ", " + price + ")";
    }
  }

  /** A POJO with public fields, one of them inherited. */
  public static class Base {
    public String id;
  }

  /** A POJO with public fields. */
  public static class Reading extends Base {
    public int count;
    public BigDecimal amount;
    public List<String> tags;

    public Reading() {}

    public Reading(String id, int count, BigDecimal amount) {
      this.id = id;
      this.count = count;
      this.amount = amount;
    }
  }

  /** A record. */
  public record Trade(String symbol, long volume, double price) {}

  /** A generic POJO. */
  public static class Box<T> {
    public T value;
  }

  /** Not a POJO: no no-argument constructor. */
  public static class Immutable {
    private final String name;

    public Immutable(String name) {
      this.name = name;
    }

    public String getName() {
      return name;
    }
  }

  /** Not a POJO: a private field without setter. */
  public static class HalfBean {
    private int x;

    public int getX() {
      return x;
    }
  }

  /** A tuple subclass that binds its field types. */
  public static class WordCount extends Tuple2<String, Integer> {
    public WordCount() {}

    public WordCount(String word, Integer count) {
      super(word, count);
    }
  }

  /** A POJO that refers to itself. */
  public static class Node {
    public String label;
    public Node next;
  }

  public enum Color { RED, GREEN }
}
