package dev.sluice.api.common.functions;

import java.io.Serializable;

/** Marker for every user function. Functions are serializable so a job graph can be shipped or copied. */
public interface Function extends Serializable {}
