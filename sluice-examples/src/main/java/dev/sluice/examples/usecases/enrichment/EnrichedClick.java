package dev.sluice.examples.usecases.enrichment;

/**
 * A click with the profile valid at its time; {@code profileVersion} is the {@code validFrom} of
 * that profile, or -1 (and segment/country "unknown") when the user had no profile yet.
 */
public record EnrichedClick(String userId, String page, long timestamp, String segment,
    String country, long profileVersion) {

  static EnrichedClick of(Click click, ProfileUpdate profile) {
    return profile == null
        ? new EnrichedClick(click.userId(), click.page(), click.timestamp(), "unknown", "unknown", -1)
        : new EnrichedClick(click.userId(), click.page(), click.timestamp(), profile.segment(),
            profile.country(), profile.validFrom());
  }
}
