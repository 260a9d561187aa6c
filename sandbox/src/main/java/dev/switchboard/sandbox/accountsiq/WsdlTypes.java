package dev.switchboard.sandbox.accountsiq;

import static dev.switchboard.sandbox.accountsiq.WsdlType.list;
import static dev.switchboard.sandbox.accountsiq.WsdlType.nil;
import static dev.switchboard.sandbox.accountsiq.WsdlType.optNil;
import static dev.switchboard.sandbox.accountsiq.WsdlType.req;
import static dev.switchboard.sandbox.accountsiq.WsdlType.s;
import static dev.switchboard.sandbox.accountsiq.XsType.BOOLEAN;
import static dev.switchboard.sandbox.accountsiq.XsType.DATETIME;
import static dev.switchboard.sandbox.accountsiq.XsType.DECIMAL;
import static dev.switchboard.sandbox.accountsiq.XsType.DOUBLE;
import static dev.switchboard.sandbox.accountsiq.XsType.INT;
import static dev.switchboard.sandbox.accountsiq.XsType.INVOICE_STATUS;
import static dev.switchboard.sandbox.accountsiq.XsType.INVOICE_TYPE;
import static dev.switchboard.sandbox.accountsiq.XsType.LEDGER_TYPE;
import static dev.switchboard.sandbox.accountsiq.XsType.LONG;
import static dev.switchboard.sandbox.accountsiq.XsType.SHORT;

import java.util.List;

/**
 * The record types, element by element in the order of the 2.0 WSDL mirrored by {@code
 * api-evangelist/accountsiq} (provider-apis.md §1.1: near-primary); §1.8 lists the same names.
 * Includes the vendor's misspelt {@code CurrrencyCode} beside {@code CurrencyCode}.
 */
final class WsdlTypes {
  /** {@code Account} (base of {@code Customer} and {@code Supplier}). */
  static final WsdlType ACCOUNT =
      new WsdlType(
          "Account",
          List.of(
              req("AccountID", INT),
              nil("ExternalApproverID", INT),
              req("LedgerType", LEDGER_TYPE),
              s("Code"),
              s("CountryCode"),
              s("Name"),
              s("GroupID"),
              s("DefaultTaxCode"),
              s("AreaID"),
              s("BankAccountCode"),
              s("CountryID"),
              s("CreditTermID"),
              s("CurrencyCode"),
              s("PaymentMethodID"),
              s("AuthorUserID"),
              s("ShipViaID"),
              req("CreationDate", DATETIME),
              s("Address1"),
              s("Address2"),
              s("City"),
              s("County_State"),
              s("Country"),
              s("PostCode"),
              s("DeliveryName"),
              s("DeliveryAddress1"),
              s("DeliveryAddress2"),
              s("DeliveryCity"),
              s("DeliveryCounty_State"),
              s("DeliveryCountry"),
              s("DeliveryPostCode"),
              s("DeliveryContact"),
              s("DeliveryPhone"),
              s("DeliveryFax"),
              s("Phone"),
              s("Fax"),
              s("Email"),
              s("WebAddress"),
              s("Contact"),
              s("VATRegistrationNumber"),
              s("VATExemptReference"),
              req("DiscountRate", DECIMAL),
              req("UseAccountTaxCode", BOOLEAN),
              s("DefaultGLAccountCode"),
              s("ControlGLAccountCode"),
              req("IsActive", BOOLEAN),
              req("Hold", SHORT),
              nil("HeadOfficeAccountID", INT),
              s("Notes"),
              req("UseHeadOffice", BOOLEAN),
              req("IsHeadOffice", BOOLEAN),
              req("CreditLimit", DECIMAL),
              s("RegionID"),
              s("PriorityID"),
              s("DeliveryRouteID"),
              s("PriceCategoryID"),
              s("PriceListID"),
              s("DepartmentID"),
              s("InternationalBankAccountNumber"),
              s("BankSortCode"),
              s("BankCode"),
              s("BankSwiftCode"),
              s("AccountReferralID"),
              s("MobilePhone"),
              req("IsFranchise", BOOLEAN),
              s("ContractorTaxCode"),
              s("RowVersionNumber"),
              s("EDICentralID"),
              s("EPaymentReference"),
              nil("SalesRepresentativeID", LONG)));

  static final WsdlType INVOICE_LINE =
      new WsdlType(
          "InvoiceLine",
          List.of(
              req("InvoiceItemID", INT),
              req("InvoiceID", INT),
              nil("OrderItemID", INT),
              s("StockItemID"),
              s("StockItemDescription"),
              req("InvoicedQuantity", DECIMAL),
              req("DeliveredQuantity", DECIMAL),
              req("StockItemCost", DECIMAL),
              req("StockItemPrice", DECIMAL),
              req("DiscountRate", DECIMAL),
              req("ActualPrice", DECIMAL),
              s("TaxCode"),
              req("TaxRate", DECIMAL),
              req("NetAmount", DECIMAL),
              req("TaxAmount", DECIMAL),
              req("GrossAmount", DECIMAL),
              s("LocationID"),
              s("SublocationID"),
              req("CreationDate", DATETIME),
              s("Notes"),
              s("Notes2"),
              req("AdditionalCost", BOOLEAN),
              s("GLAccountCode"),
              s("OpeningStockGLAccountCode"),
              nil("DeliveryItemID", INT),
              s("DepartmentID"),
              s("RowVersionNumber"),
              s("ProjectNumber")));

  /**
   * {@code Invoice} = {@code InvoiceBase} + ApprovalStatusName, AuthorUserName,
   * ExternalApproverName, AccountCode.
   */
  static final WsdlType INVOICE =
      new WsdlType(
          "Invoice",
          List.of(
              req("InvoiceID", INT),
              req("AccountID", INT),
              s("AreaID"),
              s("CurrencyCode"),
              s("CurrrencyCode"),
              s("AccountTaxCode"),
              s("PaymentMethodID"),
              s("ShipmentViaID"),
              s("InvoiceNumber"),
              s("ExternalReference"),
              req("CreationDate", DATETIME),
              req("InvoiceDate", DATETIME),
              nil("ExternalApproverID", INT),
              req("DeliveryDate", DATETIME),
              req("Status", INVOICE_STATUS),
              s("AccountName"),
              s("AccountAddress1"),
              s("AccountAddress2"),
              s("City"),
              s("County_State"),
              s("Country"),
              s("PostCode"),
              s("DeliveryAccountName"),
              s("DeliveryAccountAddress1"),
              s("DeliveryAccountAddress2"),
              s("DeliveryCity"),
              s("DeliveryCounty_State"),
              s("DeliveryCountry"),
              s("DeliveryPostCode"),
              s("Contact"),
              s("AuthorUserID"),
              s("Phone"),
              s("Notes"),
              req("DiscountRate", DECIMAL),
              req("ForCollection", BOOLEAN),
              req("ExchangeRate", DECIMAL),
              req("UseAccountTaxCode", BOOLEAN),
              nil("OrderID", INT),
              s("OrderNumber"),
              s("DepartmentID"),
              req("Hold", SHORT),
              req("Ledger", LEDGER_TYPE),
              s("RowVersionNumber"),
              list("Lines", INVOICE_LINE, "InvoiceLine"),
              req("IsPrinted", BOOLEAN),
              nil("AccountBranchID", INT),
              nil("OrderDate", DATETIME),
              req("ExcludeFromPrinting", BOOLEAN),
              req("Type", INVOICE_TYPE),
              nil("SalesRepresentativeID", LONG),
              s("LockUser"),
              req("NetAmount", DECIMAL),
              req("TaxAmount", DECIMAL),
              req("GrossAmount", DECIMAL),
              req("BCNetAmount", DECIMAL),
              req("BCTaxAmount", DECIMAL),
              req("BCGrossAmount", DECIMAL),
              nil("ForecastedPaymentDate", DATETIME),
              req("TaxAdjustmentAmount", DECIMAL),
              req("BCTaxAdjustmentAmount", DECIMAL),
              nil("LastModifiedUTC", DATETIME),
              optNil("DueDate", DATETIME),
              s("ApprovalStatusName"),
              s("AuthorUserName"),
              s("ExternalApproverName"),
              s("AccountCode")));

  static final WsdlType STOCK_ITEM =
      new WsdlType(
          "StockItem",
          List.of(
              s("StockItemID"),
              s("Description"),
              s("SalesDescription"),
              s("ItemGroupID"),
              s("ItemTypeID"),
              s("ItemSubgroupID"),
              s("DefaultLocationID"),
              s("DefaultSublocationID"),
              s("TaxCode"),
              req("ItemPrice", DECIMAL),
              req("UpdateOnHand", BOOLEAN),
              s("OpeningStockGLAccountCode"),
              s("ClosingStockGLAccountCode"),
              s("DefaultSalesGLAccountCode"),
              s("DefaultPurchasesGLAccountCode"),
              s("OpeningWorkInProgressGLAccountCode"),
              s("ClosingWorkInProgressGLAccountCode"),
              req("Active", BOOLEAN),
              req("ReOrderLevel", DECIMAL),
              req("ItemPrice2", DECIMAL),
              req("ItemPrice3", DECIMAL),
              req("ItemPrice4", DECIMAL),
              req("ItemPrice5", DECIMAL),
              req("ItemPrice6", DECIMAL),
              req("ItemPrice7", DECIMAL),
              req("ItemPrice8", DECIMAL),
              req("UseMarginWarning", BOOLEAN),
              req("Margin", DECIMAL),
              s("UniversalResourceNumber"),
              s("RowVersionNumber"),
              nil("Weight", DOUBLE)));

  static final WsdlType CHART_LINE =
      new WsdlType(
          "WSChartOfAccountLine",
          List.of(
              s("Code"),
              s("Description"),
              s("AccountType"),
              s("DefaultTaxID"),
              s("GLCategoryID"),
              s("GLSubCategoryID"),
              s("GLCategory"),
              s("GLSubCategory"),
              s("DepartmentID"),
              req("IsDepartmental", BOOLEAN),
              s("BalanceSheetType"),
              s("GLCategoryTypeID"),
              s("GLCategoryTypeDescription"),
              req("IsActive", BOOLEAN),
              s("CurrencyCode"),
              s("GLGroupID"),
              s("GLGroup")));

  static final WsdlType TRANSACTION_DETAIL =
      new WsdlType(
          "WSTransactionDetail",
          List.of(
              s("GLAccountCode"),
              req("IsControlLine", BOOLEAN),
              req("IsTaxLine", BOOLEAN),
              req("IsStockLine", BOOLEAN),
              req("Amount", DECIMAL),
              req("BCAmount", DECIMAL),
              s("TaxID"),
              s("DepartmentID"),
              s("CurrencyCode"),
              req("IsReconciled", BOOLEAN),
              s("Description"),
              nil("TransactionDate", DATETIME),
              nil("PeriodDate", DATETIME),
              optNil("DueDate", DATETIME),
              req("ExchangeRate", DECIMAL)));

  static final WsdlType TRANSACTION_SUMMARY =
      new WsdlType(
          "WSTransactionSummary",
          List.of(
              req("AccountID", INT),
              s("AccountCode"),
              req("Ledger", LEDGER_TYPE),
              s("TransactionType"),
              req("TransactionID", INT),
              req("IsBatchInvoiceOrNote", BOOLEAN),
              req("InvoiceID", INT),
              s("InternalNumber"),
              s("ExternalReference"),
              req("ControlAmount", DECIMAL),
              req("OutstandingAmount", DECIMAL),
              req("ControlBCAmount", DECIMAL),
              req("TransactionDate", DATETIME),
              req("FinancialYear", INT),
              req("PeriodNumber", INT),
              s("PeriodName"),
              req("CreationDate", DATETIME),
              list("LineDetails", TRANSACTION_DETAIL, "WSTransactionDetail"),
              s("CurrencyCode"),
              req("PeriodDate", DATETIME),
              s("CreatedBy"),
              s("AccountName"),
              s("TransactionBankGLAccountNumber"),
              req("IsReversed", BOOLEAN),
              req("IsInDispute", BOOLEAN),
              req("NumberOfAttachments", INT),
              optNil("DueDate", DATETIME)));

  static final WsdlType BATCH_INVOICE_LINE =
      new WsdlType(
          "BatchSalesInvoiceLine",
          List.of(
              s("GLAccountCode"),
              s("TaxCode"),
              s("Description"),
              s("DepartmentID"),
              req("NetAmount", DECIMAL),
              req("TaxRate", DOUBLE),
              nil("TaxAmount", DECIMAL)));

  static final WsdlType BATCH_INVOICE =
      new WsdlType(
          "BatchSalesInvoice",
          List.of(
              s("CustomerCode"),
              req("InvoiceDate", DATETIME),
              s("ExternalReference"),
              s("Description"),
              list("Lines", BATCH_INVOICE_LINE, "BatchSalesInvoiceLine"),
              req("ExchangeRate", DECIMAL),
              optNil("DueDate", DATETIME)));

  static final WsdlType SALES_RECEIPT =
      new WsdlType(
          "SalesReceipt",
          List.of(
              s("CustomerCode"),
              s("CheckReference"),
              req("PaymentAmount", DECIMAL),
              s("BankAccountCode"),
              s("LodgmentNumber"),
              req("PaymentDate", DATETIME),
              req("ExchangeRate", DECIMAL),
              req("BankExchangeRate", DECIMAL),
              s("Description"),
              s("DepartmentID")));

  /** {@code WSEntity} ({@code GetEntitiesByToken}, 2.0 only). */
  static final WsdlType ENTITY =
      new WsdlType("WSEntity", List.of(s("EntityID"), s("EntityName"), s("BaseCurrency")));

  private WsdlTypes() {}
}
