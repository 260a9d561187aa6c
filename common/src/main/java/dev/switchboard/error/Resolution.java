package dev.switchboard.error;

/**
 * A row of a provider's error table: the action to take and how to report it.
 *
 * @param action what the retry layer does
 * @param category the contract category reported if the command fails with it
 * @param code the stable error code reported
 */
public record Resolution(Action action, Category category, String code) {
  public static Resolution fail(Category category, String code) {
    return new Resolution(Action.FAIL, category, code);
  }

  public static Resolution retry(Category category, String code) {
    return new Resolution(Action.RETRY, category, code);
  }
}
