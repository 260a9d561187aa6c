package dev.switchboard.sandbox.iqreseller;

import java.io.IOException;

/**
 * Item conditions for {@code Condition/JSON/GetConditions}. ASSUMPTION: the endpoint is only named
 * in client notes; the shape ({@code conditionid}, {@code condition}, {@code description}) is
 * invented. Codes match the {@code condition} values used on SO lines and inventory ({@code "USED"}
 * is CERTAIN from the captured SO line).
 */
final class Conditions implements RecordCatalog {
  private static final String[][] ROWS = {
    {"NEW", "Factory new, sealed"},
    {"NOB", "New, open box"},
    {"REF", "Refurbished"},
    {"USED", "Used, fully tested"},
    {"ASIS", "As-is, untested"},
    {"PARTS", "For parts or repair"},
  };

  @Override
  public String xmlType() {
    return "Condition";
  }

  @Override
  public long size() {
    return ROWS.length;
  }

  String code(int index) {
    return ROWS[index][0];
  }

  @Override
  public void write(long index, RecordSink out) throws IOException {
    String[] row = ROWS[(int) index];
    out.beginRecord(xmlType());
    out.integer("conditionid", index + 1);
    out.text("condition", row[0]);
    out.text("description", row[1]);
    out.endRecord();
  }
}
