/** Serializers of the basic types (boxed primitives, strings, ...). */
package dev.sluice.api.common.typeutils.base;
