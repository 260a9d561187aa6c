package dev.switchboard.sandbox.accengage;

import java.util.List;

/**
 * Request input the server cannot use: answered 400 with one {@code API_ERR_FORMAT} entry per
 * problem.
 */
final class FormatProblems extends Exception {
  private static final long serialVersionUID = 1L;
  final transient List<ApiError> errors;

  FormatProblems(List<ApiError> errors) {
    super(errors.get(0).message(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  static FormatProblems of(String message) {
    return new FormatProblems(List.of(ApiError.format(message)));
  }
}
