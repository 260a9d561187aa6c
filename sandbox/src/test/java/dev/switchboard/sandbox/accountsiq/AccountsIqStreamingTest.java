package dev.switchboard.sandbox.accountsiq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * GetCustomerList has no paging (§1.7): 100,000 customers come in one response. The simulator
 * generates and writes them chunk by chunk under backpressure, so it never holds the list.
 */
class AccountsIqStreamingTest extends SimulatorFixture {
  private static final int CUSTOMERS = 100_000;

  @Test
  void aHundredThousandCustomersStreamUnderBackpressure() throws Exception {
    start(AccountsIqSettings.defaults());
    sim.setScenario(COMPANY, AccountsIqScenario.none().withCustomerCount(CUSTOMERS));
    String token = token11();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(sim.endpoint11()))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", "\"" + AccountsIqSoap.NS + "GetCustomerList\"")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AccountsIqSoap.envelope(
                        null,
                        AccountsIqSoap.op("GetCustomerList", AccountsIqSoap.el("token", token)))))
            .build();
    HttpResponse<InputStream> r =
        soap.client().send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
    try (InputStream body = r.body()) {
      byte[] head = body.readNBytes(64 * 1024);
      System.gc();
      long heapBefore = usedHeap();
      Thread.sleep(300); // the client holds back; the server must wait for the write queue to drain
      long generatedWhilePaused = sim.stats().recordsStreamed();
      System.gc();
      long heapGrowth = usedHeap() - heapBefore;
      assertThat(generatedWhilePaused)
          .as("records generated while the client reads nothing")
          .isLessThan(CUSTOMERS / 4);
      assertThat(heapGrowth).as("heap growth while paused").isLessThan(64L * 1024 * 1024);
      long[] counts = countCustomers(new SequenceInputStream(new ByteArrayInputStream(head), body));
      assertThat(counts[0]).isEqualTo(CUSTOMERS);
      assertThat(counts[1]).as("well-formed: envelope closed").isEqualTo(1);
    }
    assertThat(sim.stats().recordsStreamed()).isEqualTo(CUSTOMERS);
  }

  @Test
  void anotherTenantIsServedWhileTheListStreams() throws Exception {
    start(AccountsIqSettings.defaults());
    String token = token11();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(sim.endpoint11()))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("x-sandbox-scenario", "{\"customerCount\":20000}")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AccountsIqSoap.envelope(
                        null,
                        AccountsIqSoap.op("GetCustomerList", AccountsIqSoap.el("token", token)))))
            .build();
    HttpResponse<InputStream> r =
        soap.client().send(req, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = r.body()) {
      byte[] head = body.readNBytes(16 * 1024);
      String access = access20();
      var other =
          AccountsIqSoap.result(
              soap.call20(
                  "GetCustomer", COMPANY, access, AccountsIqSoap.el("customerCode", "C000001")),
              "GetCustomer");
      assertThat(AccountsIqSoap.text(other, "Status")).isEqualTo("Success");
      assertThat(countCustomers(new SequenceInputStream(new ByteArrayInputStream(head), body))[0])
          .isEqualTo(20_000);
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * [Customer elements under GetCustomerListResult/Result, closed Envelopes], with a DTD-refusing
   * StAX reader.
   */
  static long[] countCustomers(InputStream in) throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader x = f.createXMLStreamReader(in, StandardCharsets.UTF_8.name());
    long customers = 0;
    long envelopes = 0;
    int depth = 0;
    while (x.hasNext()) {
      int e = x.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
        // Envelope(1)/Body(2)/GetCustomerListResponse(3)/GetCustomerListResult(4)/Result(5)/Customer(6)
        if (depth == 6
            && "Customer".equals(x.getLocalName())
            && AccountsIqSoap.NS.equals(x.getNamespaceURI())) customers++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        if (depth == 1 && "Envelope".equals(x.getLocalName())) envelopes++;
        depth--;
      }
    }
    return new long[] {customers, envelopes};
  }
}
