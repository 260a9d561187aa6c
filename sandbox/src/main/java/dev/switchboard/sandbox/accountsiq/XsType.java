package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The XML WsdlType types used by the simulated records, with XmlSerializer's reading rules: a
 * malformed value is not a business error but an unreadable request (HTTP 500 {@code soap:Client},
 * with .NET's own wording), so a connector sending {@code True}, {@code 1,5} or {@code 15/01/2024}
 * finds out here rather than in production (§1.8: decimals with '.', lowercase booleans).
 */
enum XsType {
  STRING(null),
  INT(null),
  LONG(null),
  SHORT(null),
  DECIMAL(null),
  DOUBLE(null),
  BOOLEAN(null),
  DATETIME(null),
  /** {@code LedgerType} (CERTAIN, 2.0 WSDL). */
  LEDGER_TYPE(List.of("Sales", "Purchases", "General")),
  /** {@code InvoiceStatus} (CERTAIN). */
  INVOICE_STATUS(List.of("Processed", "Posted", "Cancelled")),
  /** {@code InvoiceType} (CERTAIN). */
  INVOICE_TYPE(List.of("Invoice", "Note", "Other")),
  /** A nested list ({@code Lines}, {@code LineDetails}). */
  LIST(null);

  private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*");
  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*");
  private static final Pattern DOUBLE_TEXT =
      Pattern.compile("\\s*([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|INF|-INF|NaN)\\s*");

  final List<String> enumValues;

  XsType(List<String> enumValues) {
    this.enumValues = enumValues;
  }

  /** XmlSerializer's value for a missing {@code minOccurs=1} member. */
  String defaultValue() {
    return switch (this) {
      case INT, LONG, SHORT -> "0";
      case DECIMAL, DOUBLE -> "0";
      case BOOLEAN -> "false";
      case DATETIME -> "0001-01-01T00:00:00";
      case LEDGER_TYPE, INVOICE_STATUS, INVOICE_TYPE -> enumValues.get(0);
      default -> null;
    };
  }

  /**
   * The canonical text of a request value. @throws SoapFault soap:Client with the message .NET's
   * XmlConvert would give
   */
  String read(String raw, String element) {
    switch (this) {
      case STRING, LIST -> {
        return raw;
      }
      case INT, LONG, SHORT -> {
        if (!INTEGER.matcher(raw).matches())
          throw bad(element, "Input string was not in a correct format.");
        try {
          long v = Long.parseLong(raw.trim().replace("+", ""));
          long min =
              this == INT ? Integer.MIN_VALUE : this == SHORT ? Short.MIN_VALUE : Long.MIN_VALUE;
          long max =
              this == INT ? Integer.MAX_VALUE : this == SHORT ? Short.MAX_VALUE : Long.MAX_VALUE;
          if (v < min || v > max)
            throw bad(element, "Value was either too large or too small for an " + this + ".");
          return Long.toString(v);
        } catch (NumberFormatException e) {
          throw bad(element, "Value was either too large or too small.");
        }
      }
      case DECIMAL -> {
        if (!DECIMAL_TEXT.matcher(raw).matches())
          throw bad(element, "Input string was not in a correct format.");
        return new BigDecimal(raw.trim().replace("+", "")).toPlainString();
      }
      case DOUBLE -> {
        if (!DOUBLE_TEXT.matcher(raw).matches())
          throw bad(element, "Input string was not in a correct format.");
        return raw.trim();
      }
      case BOOLEAN -> {
        String t = raw.trim();
        if (t.equals("true") || t.equals("1")) return "true";
        if (t.equals("false") || t.equals("0")) return "false";
        throw bad(element, "The string '" + raw + "' is not a valid Boolean value.");
      }
      case DATETIME -> {
        try {
          return AccountsIqDates.canonical(AccountsIqDates.parse(raw));
        } catch (IllegalArgumentException e) {
          throw bad(element, "The string '" + raw + "' is not a valid AllXsd value.");
        }
      }
      default -> {
        if (!enumValues.contains(raw.trim())) {
          throw bad(
              element,
              "Instance validation error: '"
                  + raw
                  + "' is not a valid value for "
                  + typeName()
                  + ".");
        }
        return raw.trim();
      }
    }
  }

  private String typeName() {
    return switch (this) {
      case LEDGER_TYPE -> "LedgerType";
      case INVOICE_STATUS -> "InvoiceStatus";
      default -> "InvoiceType";
    };
  }

  private static SoapFault bad(String element, String detail) {
    return SoapFault.unreadable("Error reading element '" + element + "': " + detail);
  }
}
