/** Operators with two inputs: the functions of connected streams. */
package dev.sluice.runtime.operators.co;
