package dev.switchboard.sandbox.accountsiq;

/** The two endpoints (§1.2): same operations, different authentication. */
enum ApiVersion {
  /** {@code integration_1_1.asmx}: {@code Login} session token in the body's {@code <token>}. */
  V1_1("integration_1_1.asmx", "Integration_1_1"),
  /**
   * {@code integration_2_0.asmx}: {@code TokenGet}/{@code TokenRefresh} and {@code AiqSoapHeader}.
   */
  V2_0("integration_2_0.asmx", "Integration_2_0");

  final String file;
  final String serviceName;

  ApiVersion(String file, String serviceName) {
    this.file = file;
    this.serviceName = serviceName;
  }

  String path() {
    return Soap.BASE_PATH + file;
  }
}
