package dev.switchboard.sandbox.accengage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Value pools for plausible mobile-marketing data (retail, media and travel apps in Europe). */
final class FakePush {
  /** Generated data ends here: dates are fixed, not read from the clock, so runs are identical. */
  static final LocalDate LAST_DAY = LocalDate.of(2024, 6, 30);

  /** Generated records are spread over the two years up to {@link #LAST_DAY}. */
  static final int SPAN_DAYS = 730;

  static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  record Country(String code, String language, String timezone) {}

  static final String[] APP_NAMES = {
    "Maison Lumiere", "Velo Club", "Daily Gazette", "Fresh Market", "CityRide", "Pocket Bank",
    "TrailFinder", "Le Petit Chef", "Arena Live", "Nomad Travel", "Shop Deluxe", "FitPulse",
  };
  static final String[] PLATFORMS = {"ios", "android"};
  static final String[] SUBJECTS = {
    "Summer sale", "Back in stock", "Your cart misses you", "Flash deal: 2 hours only",
    "New collection", "Weekend brunch ideas", "Match day", "Price drop on your wishlist",
    "Welcome gift inside", "Last call for free delivery", "Your weekly digest", "Breaking news",
  };
  static final String[] TEXTS = {
    "Up to 50% off selected items, today only.", "The item you liked is available again.",
    "Complete your order before midnight and save 10%.", "Tap to see what's new this week.",
    "Free shipping on orders over 30 EUR.", "Kick-off in 30 minutes: follow it live.",
    "We picked these for you.", "Don't miss out: offer ends tonight.",
  };
  static final String[] SOUND_NAMES = {"chime.caf", "bell.caf", "swoosh.wav"};
  static final String[] PARAM_KEYS = {"campaign", "deeplink", "utm_source", "category"};
  static final String[] PARAM_VALUES = {
    "spring24", "app://promo", "push", "shoes", "summer", "app://cart"
  };
  static final String[] SEGMENT_NAMES = {
    "Opted-in users", "Active last 30 days", "Cart abandoners", "VIP customers", "New installs",
    "Dormant 90 days", "Newsletter readers", "High spenders", "France only", "Beta testers",
  };
  static final String[] APP_VERSIONS = {"5.4.0", "5.3.2", "5.3.1", "5.2.0", "4.9.8", "4.7.1"};
  static final String[] IOS_MODELS = {
    "iPhone14,5", "iPhone15,2", "iPhone13,2", "iPhone12,1", "iPad13,1"
  };
  static final String[] IOS_VERSIONS = {"17.5", "17.4.1", "16.7.8", "15.8"};
  static final String[] ANDROID_MODELS = {"SM-S911B", "Pixel 7", "SM-A546B", "M2101K6G", "CPH2451"};
  static final String[] ANDROID_VERSIONS = {"14", "13", "12", "11"};
  static final Country[] COUNTRIES = {
    new Country("FR", "fr", "Europe/Paris"), new Country("FR", "fr", "Europe/Paris"),
    new Country("DE", "de", "Europe/Berlin"), new Country("GB", "en", "Europe/London"),
    new Country("ES", "es", "Europe/Madrid"), new Country("IT", "it", "Europe/Rome"),
    new Country("BE", "fr", "Europe/Brussels"), new Country("NL", "nl", "Europe/Amsterdam"),
    new Country("US", "en", "America/New_York"), new Country("CA", "fr", "America/Toronto"),
  };

  private FakePush() {}

  /** The day of record {@code index} of {@code size}, oldest first. */
  static LocalDate dayOf(long index, long size) {
    return LAST_DAY.minusDays(SPAN_DAYS).plusDays(size <= 1 ? 0 : index * SPAN_DAYS / size);
  }

  static String iso(LocalDateTime t) {
    return ISO_UTC.format(t.atOffset(ZoneOffset.UTC));
  }
}
