/**
 * Keyed state as functions see it: value, list, map, reducing and aggregating state, named by
 * descriptors. Every access is scoped to the key of the element or timer being processed; two
 * descriptors with the same name on one operator are the same state.
 *
 * <p>A descriptor declares the stored value's type or gives its serializer; a serializer created
 * from a type is made on first use ({@code initializeSerializerUnlessSet}), so a descriptor of a
 * type Sluice cannot encode can be built freely but fails there, with a message naming the class.
 */
package dev.sluice.api.common.state;
