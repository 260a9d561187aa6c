package dev.switchboard.sandbox.accengage;

import io.vertx.core.buffer.Buffer;
import java.time.LocalDate;

/**
 * {@code GET .../devices}: the CSV device export (CERTAIN from the public client: {@code ;}
 * separator, a header row, {@code lastOpen=YYYY-MM-DD}, next page from the {@code Link} header; no
 * {@code links} body field since the body is not JSON). {@code GET .../devices/{deviceId}}: the
 * device profile (ASSUMPTION).
 */
final class DeviceEndpoints {
  private DeviceEndpoints() {}

  static void export(ApiCall call) {
    LocalDate since;
    try {
      since = QueryParams.lastOpen(call.ctx().queryParams());
    } catch (FormatProblems e) {
      ApiReplies.errors(call.ctx(), 400, e.errors);
      return;
    }
    AccengageSettings s = call.settings();
    Devices devices = call.app().devices;
    long total = devices.total(call.scenario(), s.devicePageSize());
    // ASSUMPTION: lastOpen means "last opened on or after that day"; such devices are a prefix.
    long matching = since == null ? total : Devices.countOpenedSince(since, total);
    PageSlice slice =
        PageSlice.of(
            call.page(),
            matching,
            s.devicePageSize(),
            call.scenario().emptyPages(),
            s.nextOnFullLastPage());
    call.linkHeader(call.links(slice), slice.page(), "text/csv", s.exportLinkNextOnly());
    StringBuilder csv =
        new StringBuilder((int) Math.min(1 << 20, 80 * (slice.to() - slice.from() + 1)));
    if (!slice.empty() || s.csvHeaderOnEmptyPage()) csv.append(Devices.CSV_HEADER).append('\n');
    for (long i = slice.from(); i < slice.to(); i++) devices.csvRow(csv, i, total);
    ApiReplies.send(call.ctx(), 200, "text/csv; charset=utf-8", Buffer.buffer(csv.toString()));
  }

  static void profile(ApiCall call) {
    Devices devices = call.app().devices;
    long total = devices.total(call.scenario(), call.settings().devicePageSize());
    String id = call.match().param("deviceId");
    long index = devices.indexOf(id, total);
    if (index < 0) {
      ApiReplies.error(call.ctx(), 404, ApiError.NOT_FOUND, "Unknown device `" + id + "`");
      return;
    }
    ApiReplies.json(call.ctx(), 200, g -> devices.writeProfile(g, index, total));
  }
}
