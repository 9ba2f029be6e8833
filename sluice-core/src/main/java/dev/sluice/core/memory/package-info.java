/**
 * Byte-level views that serializers write to and read from: {@link
 * dev.sluice.core.memory.DataOutputView} and {@link dev.sluice.core.memory.DataInputView}, with
 * heap implementations {@link dev.sluice.core.memory.DataOutputSerializer} (a growable buffer)
 * and {@link dev.sluice.core.memory.DataInputDeserializer} (over a byte range).
 */
package dev.sluice.core.memory;
