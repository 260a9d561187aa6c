package dev.switchboard.spi;

/**
 * Declaration of an operation.
 *
 * @param name operation name as used in commands
 * @param description one line for docs and {@code --help}
 * @param kind whether the result is one document or a stream of records
 * @param write whether the operation changes provider state (never executed twice per id)
 * @param params the declared params schema; commands failing it are {@code INVALID_COMMAND}
 */
public record OperationSpec(
    String name, String description, Kind kind, boolean write, Schema params) {

  /** Shape of the result. */
  public enum Kind {
    /** One result document, carried by the {@code completed} event. */
    SINGLE,
    /** Zero or more {@code record} events, then {@code completed} with counts. */
    STREAM
  }

  public static OperationSpec stream(String name, String description, Schema params) {
    return new OperationSpec(name, description, Kind.STREAM, false, params);
  }

  public static OperationSpec single(String name, String description, Schema params) {
    return new OperationSpec(name, description, Kind.SINGLE, false, params);
  }
}
