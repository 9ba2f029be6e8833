package dev.sluice.examples.usecases.enrichment;

/** A new version of a user's profile, valid from {@code validFrom} (event time, epoch ms) on. */
public record ProfileUpdate(String userId, String segment, String country, long validFrom) {}
