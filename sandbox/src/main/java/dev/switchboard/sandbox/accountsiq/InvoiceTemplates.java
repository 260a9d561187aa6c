package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.ArrayList;

/**
 * An unsaved sales invoice pre-filled from a customer, as {@code GetNewSalesInvoice} returns it
 * (§1.6 #13: InvoiceID 0, customer defaults), also the base of generated invoices.
 */
final class InvoiceTemplates {
  private InvoiceTemplates() {}

  static AccountsIqRecord fromCustomer(AccountsIqRecord c, LocalDateTime invoiceDay) {
    String currency = c.get("CurrencyCode");
    int terms = parseTerms(c.get("CreditTermID"));
    return new AccountsIqRecord(WsdlTypes.INVOICE)
        .set("InvoiceID", 0)
        .set("AccountID", c.get("AccountID"))
        .set("AreaID", c.get("AreaID"))
        .set("CurrencyCode", currency)
        .set("CurrrencyCode", currency)
        .set("AccountTaxCode", c.get("DefaultTaxCode"))
        .set("PaymentMethodID", c.get("PaymentMethodID"))
        .set("ShipmentViaID", c.get("ShipViaID"))
        .set("CreationDate", invoiceDay)
        .set("InvoiceDate", invoiceDay)
        .set("DeliveryDate", invoiceDay)
        .set("Status", "Processed")
        .set("AccountName", c.get("Name"))
        .set("AccountAddress1", c.get("Address1"))
        .set("AccountAddress2", c.get("Address2"))
        .set("City", c.get("City"))
        .set("County_State", c.get("County_State"))
        .set("Country", c.get("Country"))
        .set("PostCode", c.get("PostCode"))
        .set("DeliveryAccountName", c.get("Name"))
        .set("DeliveryAccountAddress1", c.get("Address1"))
        .set("DeliveryCity", c.get("City"))
        .set("DeliveryCountry", c.get("Country"))
        .set("DeliveryPostCode", c.get("PostCode"))
        .set("Contact", c.get("Contact"))
        .set("Phone", c.get("Phone"))
        .set("DiscountRate", c.get("DiscountRate") == null ? "0.00" : c.get("DiscountRate"))
        .set("ForCollection", false)
        .set("ExchangeRate", exchangeRate(currency))
        .set("UseAccountTaxCode", c.bool("UseAccountTaxCode"))
        .set("Hold", "0")
        .set("Ledger", "Sales")
        .set("IsPrinted", false)
        .set("ExcludeFromPrinting", false)
        .set("Type", "Invoice")
        .set("DueDate", invoiceDay.plusDays(terms))
        .set("AccountCode", c.get("Code"))
        .items(new ArrayList<>());
  }

  /** Units of base currency (EUR) per unit of {@code currency}; invented fixed rates. */
  static String exchangeRate(String currency) {
    for (FakeLedgerData.Place p : FakeLedgerData.PLACES)
      if (p.currency().equals(currency)) return p.exchangeRate();
    return "1";
  }

  private static int parseTerms(String creditTermId) {
    try {
      return creditTermId == null ? 30 : Integer.parseInt(creditTermId);
    } catch (NumberFormatException e) {
      return 30;
    }
  }
}
