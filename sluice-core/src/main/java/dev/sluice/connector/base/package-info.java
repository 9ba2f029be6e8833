/**
 * Building blocks for the built-in sources: an enumerator that hands out a fixed list of splits on
 * request, which most bounded sources need.
 */
package dev.sluice.connector.base;
