/** Sources that need no external system: a sequence of numbers and a fixed collection. */
package dev.sluice.api.connector.source.lib;
