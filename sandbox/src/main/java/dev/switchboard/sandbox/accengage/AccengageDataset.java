package dev.switchboard.sandbox.accengage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's data: the apps it manages, each with messages, segments and devices. Nothing is
 * materialised.
 */
final class AccengageDataset {
  final List<AppData> apps;
  private final Map<String, AppData> byPartnerId;

  AccengageDataset(AccengageUser user) {
    List<AppData> list = new ArrayList<>();
    Map<String, AppData> map = new LinkedHashMap<>();
    for (int i = 0; i < user.partnerIds().size(); i++) {
      AppData app = new AppData(user, i);
      list.add(app);
      map.put(app.partnerId, app);
    }
    apps = Collections.unmodifiableList(list);
    byPartnerId = Collections.unmodifiableMap(map);
  }

  /** The app with that partner ID if the user manages it, else null (403 API_ERR_FORBIDDEN). */
  AppData app(String partnerId) {
    return partnerId == null ? null : byPartnerId.get(partnerId);
  }
}
