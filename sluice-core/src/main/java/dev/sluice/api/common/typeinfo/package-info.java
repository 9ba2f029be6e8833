/**
 * Type information: immutable, serializable descriptions of element types. Sluice moves elements
 * as plain objects, so these descriptions are hints used to validate field names and positions
 * when a job is built (and, later, to choose codecs for state). {@link
 * dev.sluice.api.common.typeinfo.Types} holds the constants and factories users need; {@link
 * dev.sluice.api.common.typeinfo.TypeInformation#of(Class)} and {@link
 * dev.sluice.api.common.typeinfo.TypeHint} derive descriptions by reflection.
 */
package dev.sluice.api.common.typeinfo;
