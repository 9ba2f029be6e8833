/** Small types the API shares: {@code Collector}, {@code OutputTag}, {@code CloseableIterator}. */
package dev.sluice.util;
