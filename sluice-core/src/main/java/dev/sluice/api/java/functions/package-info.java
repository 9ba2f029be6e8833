/** {@code KeySelector}: how {@code keyBy} finds an element's key. Keys must hash deterministically. */
package dev.sluice.api.java.functions;
