/**
 * Use case: joining streams. Clicks are enriched with the user's profile as it was at the time of
 * the click (an event-time temporal join), although profile updates and clicks arrive out of order
 * and an update may arrive after the clicks it applies to.
 */
package dev.sluice.examples.usecases.enrichment;
