package dev.sluice.examples.demo;

/** An order in the demo's generated e-commerce stream. */
public record Order(long orderId, String category, String product, double amount, long timestampMillis) {}
