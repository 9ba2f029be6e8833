package dev.sluice.runtime.elements;

/** An in-band control element. Travels in order with the records of its channel. */
public sealed interface Control extends ChannelItem
    permits Watermark, CheckpointBarrier, IdleStatus, EndOfInput {}
