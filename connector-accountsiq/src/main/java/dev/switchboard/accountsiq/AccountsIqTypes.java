package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed JSON values for AccountsIQ record fields (provider-apis.md §1.8). The WSDL types are mapped
 * for the fields we know: decimals stay exact ({@link BigDecimal}, never a double), booleans and
 * integer ids become JSON booleans and numbers, {@code xs:dateTime} text is already ISO-8601 and
 * stays as sent. Every other field is kept, as text: a code like {@code 00123} must never lose its
 * zeros to a guess.
 */
final class AccountsIqTypes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Set<String> INTS =
      Set.of(
          "AccountID",
          "InvoiceID",
          "InvoiceItemID",
          "OrderID",
          "OrderItemID",
          "TransactionID",
          "CreditTermID",
          "GroupID",
          "AreaID",
          "CountryID",
          "PaymentMethodID",
          "AuthorUserID",
          "ShipViaID",
          "ShipmentViaID",
          "HeadOfficeAccountID",
          "RegionID",
          "PriorityID",
          "DeliveryRouteID",
          "PriceCategoryID",
          "PriceListID",
          "SalesRepresentativeID",
          "GLCategoryID",
          "GLSubCategoryID",
          "GLCategoryTypeID",
          "GLGroupID",
          "LocationID",
          "SublocationID",
          "ItemGroupID",
          "ItemTypeID",
          "CreditDays",
          "invoiceID",
          "transactionID",
          "orderID",
          "TransactionsCount",
          "TransactionLinesCount");
  private static final Set<String> DECIMALS =
      Set.of(
          "DiscountRate",
          "ExchangeRate",
          "BankExchangeRate",
          "CreditLimit",
          "PaymentAmount",
          "ItemPrice",
          "TaxRate",
          "Weight",
          "InvoicedQuantity",
          "DeliveredQuantity",
          "StockItemCost",
          "StockItemPrice",
          "ActualPrice",
          "AdditionalCost");
  private static final Set<String> BOOLEANS =
      Set.of(
          "IsActive",
          "Active",
          "UseAccountTaxCode",
          "UseHeadOffice",
          "IsHeadOffice",
          "IsFranchise",
          "IsDepartmental",
          "ForCollection",
          "IsPrinted",
          "ExcludeFromPrinting",
          "HasExpired",
          "EndOfMonth");

  private enum Kind {
    INT,
    DECIMAL,
    BOOLEAN
  }

  /** One lookup per field (it runs for every field of every record); the first table wins. */
  private static final Map<String, Kind> KINDS = new HashMap<>();

  static {
    INTS.forEach(f -> KINDS.putIfAbsent(f, Kind.INT));
    DECIMALS.forEach(f -> KINDS.putIfAbsent(f, Kind.DECIMAL));
    BOOLEANS.forEach(f -> KINDS.putIfAbsent(f, Kind.BOOLEAN));
  }

  private AccountsIqTypes() {}

  static JsonNode value(String field, String text) {
    Kind kind = KINDS.get(field);
    if (kind == null && (field.endsWith("Amount") || isNumberedPrice(field))) {
      kind = Kind.DECIMAL;
    }
    try {
      if (kind == Kind.INT) {
        return NODES.numberNode(Long.parseLong(text.trim()));
      }
      if (kind == Kind.DECIMAL) {
        return NODES.numberNode(new BigDecimal(text.trim()));
      }
      if (kind == Kind.BOOLEAN && (text.equals("true") || text.equals("false"))) {
        return NODES.booleanNode(Boolean.parseBoolean(text));
      }
    } catch (NumberFormatException e) {
      // not the type the table says: keep the provider's text rather than lose it
    }
    return NODES.textNode(text);
  }

  /**
   * {@code ItemPrice1} … {@code ItemPrice9}: checked by hand, since this runs for every field of
   * every record ({@code String.matches} compiled a regex each time: a fifth of a 100,000-customer
   * stream's time).
   */
  static boolean isNumberedPrice(String field) {
    return field.length() == 10
        && field.startsWith("ItemPrice")
        && field.charAt(9) >= '0'
        && field.charAt(9) <= '9';
  }
}
