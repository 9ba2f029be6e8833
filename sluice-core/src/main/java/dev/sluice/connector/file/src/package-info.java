/**
 * A source of text files: {@link dev.sluice.connector.file.src.FileSource} reads the lines of files
 * and directories, once (bounded) or watching the directories for new files (unbounded).
 */
package dev.sluice.connector.file.src;
