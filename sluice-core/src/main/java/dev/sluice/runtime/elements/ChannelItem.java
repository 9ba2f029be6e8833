package dev.sluice.runtime.elements;

/** One entry of a channel's queue: a batch of records or one control element. */
public sealed interface ChannelItem permits RecordBatch, Control {}
