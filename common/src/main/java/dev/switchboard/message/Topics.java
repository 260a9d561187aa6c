package dev.switchboard.message;

/** Topic names of one provider: {@code <prefix>.<provider>.commands|results|dlq|ledger}. */
public record Topics(String prefix, String provider) {
  public String commands() {
    return prefix + "." + provider + ".commands";
  }

  public String results() {
    return prefix + "." + provider + ".results";
  }

  public String dlq() {
    return prefix + "." + provider + ".dlq";
  }

  public String ledger() {
    return prefix + "." + provider + ".ledger";
  }
}
