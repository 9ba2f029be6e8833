package dev.sluice.examples.usecases.enrichment;

/** A page view by a user at an event time (epoch ms). */
public record Click(String userId, String page, long timestamp) {}
