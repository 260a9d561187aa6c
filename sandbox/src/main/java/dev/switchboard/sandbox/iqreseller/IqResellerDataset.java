package dev.switchboard.sandbox.iqreseller;

import java.time.LocalDate;

/**
 * One tenant's data: five generated lists that reference each other consistently (an SO line's
 * {@code itemid} exists in MI, an SO's {@code clientid} is a customer in CV). Cheap to create;
 * nothing is materialised.
 */
final class IqResellerDataset {
  /** Records are dated over five years from here, spread evenly by index. */
  static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 2);

  static final int SPAN_DAYS = 5 * 365;

  final Conditions conditions = new Conditions();
  final MasterItems items;
  final CustomersVendors cvs;
  final SalesOrders salesOrders;
  final Inventories inventories;

  IqResellerDataset(IqResellerTenant tenant) {
    items = new MasterItems(tenant.seed(), tenant.items());
    cvs = new CustomersVendors(tenant.seed(), tenant.cvs());
    salesOrders = new SalesOrders(tenant, items, cvs, conditions);
    inventories = new Inventories(tenant.seed(), tenant.inventories(), items, conditions);
  }

  /** The day of record {@code index} of {@code size}: older records have lower indices. */
  static LocalDate dayOf(long index, long size) {
    return FIRST_DAY.plusDays(size <= 1 ? 0 : index * SPAN_DAYS / size);
  }
}
