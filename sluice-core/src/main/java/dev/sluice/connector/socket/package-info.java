/**
 * A source that reads text from a TCP socket, for demos and tests: {@link
 * dev.sluice.connector.socket.SocketTextSource}, behind {@code
 * StreamExecutionEnvironment.socketTextStream(..)}.
 */
package dev.sluice.connector.socket;
