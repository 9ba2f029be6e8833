package dev.sluice.api.common.functions;

/** Handed to {@link RichFunction#open(OpenContext)}; reserved for options that arrive with later versions. */
public interface OpenContext {}
