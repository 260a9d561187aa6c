package dev.switchboard.sandbox.iqreseller;

import dev.switchboard.sandbox.kit.Records;
import java.util.Objects;

/**
 * One IQ Reseller tenant (one company's ERP), reached with one API key. Its dataset is generated on
 * demand: record {@code i} of each list is a pure function of {@code (seed, i)} and the list sizes,
 * so a tenant with a million sales orders costs no memory and two runs with the same seed serve
 * identical bytes.
 *
 * @param name short tenant name used in stats and logs (never the API key); unique per sandbox
 * @param seed data seed
 * @param salesOrders number of sales orders ({@code SO/JSON/GetSOs})
 * @param inventories number of inventory units ({@code Inventory/JSON/GetInventories})
 * @param items number of master items ({@code MI/JSON/GetItems})
 * @param cvs number of customers/vendors ({@code CV/json/GetCVs})
 * @param scenario initial scenario (faults, latency); {@link IqResellerScenario#none()} if null
 */
public record IqResellerTenant(
    String name,
    long seed,
    long salesOrders,
    long inventories,
    long items,
    long cvs,
    IqResellerScenario scenario) {

  public IqResellerTenant {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("tenant name is blank");
    if (salesOrders < 0 || inventories < 0 || items < 0 || cvs < 0) {
      throw new IllegalArgumentException("dataset sizes must be >= 0 for tenant " + name);
    }
    scenario = scenario == null ? IqResellerScenario.none() : scenario;
  }

  /** A tenant with moderate default sizes: 250 SOs, 500 inventory units, 200 items, 100 CVs. */
  public static IqResellerTenant of(String name, long seed) {
    return new IqResellerTenant(name, seed, 250, 500, 200, 100, IqResellerScenario.none());
  }

  public IqResellerTenant withSizes(long salesOrders, long inventories, long items, long cvs) {
    return new IqResellerTenant(name, seed, salesOrders, inventories, items, cvs, scenario);
  }

  public IqResellerTenant withSalesOrders(long n) {
    return Records.with(this, "salesOrders", n);
  }

  public IqResellerTenant withScenario(IqResellerScenario s) {
    return Records.with(this, "scenario", s);
  }
}
