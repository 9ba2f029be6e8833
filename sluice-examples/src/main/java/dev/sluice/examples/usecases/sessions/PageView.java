package dev.sluice.examples.usecases.sessions;

/** One click in the clickstream: a user viewed a page at an event time in ms. */
public record PageView(String userId, String page, long timestamp) {}
