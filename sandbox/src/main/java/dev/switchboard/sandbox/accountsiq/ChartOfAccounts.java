package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed reference data of every simulated entity: a small chart of accounts ({@code
 * GetChartOfAccounts}, {@code WSChartOfAccountLine}) and the tax codes. The codes are invented
 * (ASSUMPTION) but consistent: generated accounts, stock items and transactions only use them, and
 * writes are validated against them ({@code GLACCOUNT_CODE_DOES_NOT_EXIST}, {@code
 * TAX_CODE_DOES_NOT_EXIST}, {@code BANK_ACCOUNT_DOES_NOT_EXIST}).
 */
final class ChartOfAccounts {
  /** GL code, description, account type, category, balance-sheet type. */
  private record Gl(
      String code, String description, String type, String category, String balanceSheet) {}

  private static final List<Gl> LINES =
      List.of(
          new Gl("1000", "Fixtures and fittings", "Posting", "FIXEDASSETS", "BalanceSheet"),
          new Gl("1100", "Debtors control", "Control", "CURRENTASSETS", "BalanceSheet"),
          new Gl("1200", "Bank current account", "Bank", "CURRENTASSETS", "BalanceSheet"),
          new Gl("1210", "Bank deposit account", "Bank", "CURRENTASSETS", "BalanceSheet"),
          new Gl("1300", "Stock", "Posting", "CURRENTASSETS", "BalanceSheet"),
          new Gl("2100", "Creditors control", "Control", "CURRENTLIABILITIES", "BalanceSheet"),
          new Gl("2200", "VAT on sales", "Tax", "CURRENTLIABILITIES", "BalanceSheet"),
          new Gl("2210", "VAT on purchases", "Tax", "CURRENTLIABILITIES", "BalanceSheet"),
          new Gl("3000", "Share capital", "Posting", "EQUITY", "BalanceSheet"),
          new Gl("4000", "Sales - products", "Posting", "INCOME", "ProfitAndLoss"),
          new Gl("4010", "Sales - services", "Posting", "INCOME", "ProfitAndLoss"),
          new Gl("4900", "Other income", "Posting", "INCOME", "ProfitAndLoss"),
          new Gl("5000", "Cost of sales", "Posting", "COSTOFSALES", "ProfitAndLoss"),
          new Gl("6000", "Rent and rates", "Posting", "OVERHEADS", "ProfitAndLoss"),
          new Gl("6100", "Light and heat", "Posting", "OVERHEADS", "ProfitAndLoss"),
          new Gl("6200", "Wages and salaries", "Posting", "OVERHEADS", "ProfitAndLoss"),
          new Gl("7000", "Bank charges", "Posting", "OVERHEADS", "ProfitAndLoss"));

  private static final Map<String, String> CATEGORY_NAMES =
      Map.of(
          "FIXEDASSETS",
          "Fixed Assets",
          "CURRENTASSETS",
          "Current Assets",
          "CURRENTLIABILITIES",
          "Current Liabilities",
          "EQUITY",
          "Capital and Reserves",
          "INCOME",
          "Sales",
          "COSTOFSALES",
          "Cost of Sales",
          "OVERHEADS",
          "Overheads");

  /** Tax code to rate in percent. */
  private static final Map<String, BigDecimal> TAX_RATES =
      Map.of(
          "STD",
          new BigDecimal("23.00"),
          "RED",
          new BigDecimal("13.50"),
          "ZERO",
          new BigDecimal("0.00"),
          "EXEMPT",
          new BigDecimal("0.00"));

  private ChartOfAccounts() {}

  static List<AccountsIqRecord> lines(String currency) {
    List<AccountsIqRecord> out = new ArrayList<>(LINES.size());
    for (Gl g : LINES) {
      out.add(
          new AccountsIqRecord(WsdlTypes.CHART_LINE)
              .set("Code", g.code())
              .set("Description", g.description())
              .set("AccountType", g.type())
              .set("DefaultTaxID", g.code().startsWith("4") ? "STD" : null)
              .set("GLCategoryID", g.category())
              .set("GLSubCategoryID", g.category() + "1")
              .set("GLCategory", CATEGORY_NAMES.get(g.category()))
              .set("IsDepartmental", false)
              .set("BalanceSheetType", g.balanceSheet())
              .set("GLCategoryTypeID", g.balanceSheet().equals("BalanceSheet") ? "BS" : "PL")
              .set("GLCategoryTypeDescription", g.balanceSheet())
              .set("IsActive", true)
              .set("CurrencyCode", currency));
    }
    return out;
  }

  static boolean glExists(String code) {
    return LINES.stream().anyMatch(g -> g.code().equals(code));
  }

  static boolean isBank(String code) {
    return LINES.stream().anyMatch(g -> g.code().equals(code) && g.type().equals("Bank"));
  }

  /** The rate of {@code taxCode} in percent, or null if it does not exist. */
  static BigDecimal taxRate(String taxCode) {
    return taxCode == null ? null : TAX_RATES.get(taxCode);
  }
}
