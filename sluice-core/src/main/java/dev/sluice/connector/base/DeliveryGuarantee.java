package dev.sluice.connector.base;

/** What a sink promises about its output across failures and restarts. */
public enum DeliveryGuarantee {
  /** Output may be lost or repeated after a failure. */
  NONE,
  /** Nothing is lost; after a restore some output may be written again. */
  AT_LEAST_ONCE,
  /** Each record's effect appears once: output is committed when the checkpoint that covers it completes. */
  EXACTLY_ONCE
}
