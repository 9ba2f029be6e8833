/** Versioned byte encodings for connector objects that checkpoints store. */
package dev.sluice.core.io;
