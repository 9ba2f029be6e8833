package dev.sluice.connector.file.sink;

import java.io.Serializable;

/**
 * A closed part file waiting to be published: committing renames {@code pendingFile} (hidden) to
 * {@code finalFile}.
 */
public record FileSinkCommittable(String pendingFile, String finalFile) implements Serializable {}
