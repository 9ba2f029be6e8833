/**
 * The demo job behind {@code ./sluice demo}: generated orders, a running revenue per category, a
 * live table. An ordinary job, written with the public API only.
 */
package dev.sluice.examples.demo;
