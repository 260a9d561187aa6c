package dev.switchboard.sandbox.accengage;

import java.util.concurrent.atomic.AtomicLong;

/** Maps each route to its endpoint. */
final class Endpoints {
  private final MessageEndpoints messages;

  Endpoints(AtomicLong pushIds, StatsCounters counters) {
    this.messages = new MessageEndpoints(pushIds, counters);
  }

  void handle(ApiCall call) {
    switch (call.match().route()) {
      case ME -> AppEndpoints.me(call);
      case APPS -> AppEndpoints.apps(call);
      case APP -> AppEndpoints.app(call);
      case SEGMENTS -> AppEndpoints.segments(call);
      case MESSAGES -> messages.list(call);
      case CREATE_MESSAGE -> messages.create(call);
      case MESSAGE -> messages.get(call);
      case SEND_MESSAGE -> messages.send(call);
      case DEVICE_EXPORT -> DeviceEndpoints.export(call);
      case DEVICE -> DeviceEndpoints.profile(call);
      case ACCESS_TOKEN -> throw new IllegalStateException("the token call is not dispatched here");
    }
  }
}
