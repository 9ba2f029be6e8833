/** JSON formats (Jackson) for records and POJOs, usable by the Kafka source and sink. */
package dev.sluice.formats.json;
