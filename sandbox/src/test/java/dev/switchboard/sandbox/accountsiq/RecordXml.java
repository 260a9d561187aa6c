package dev.switchboard.sandbox.accountsiq;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;

/**
 * Turns a record read from the simulator (e.g. a GetNewSalesInvoice template) back into a request
 * parameter.
 */
final class RecordXml {
  private RecordXml() {}

  /**
   * {@code <param>} with {@code record}'s children, {@code overrides} replacing (or adding)
   * elements by name; an override value of null drops the element. Values are raw XML.
   */
  static String param(String param, Element record, Map<String, String> overrides) {
    Map<String, String> left = new LinkedHashMap<>(overrides);
    StringBuilder b = new StringBuilder("<").append(param).append(">");
    for (Element child : AccountsIqSoap.children(record, null)) {
      String name = child.getLocalName();
      if (left.containsKey(name)) {
        String v = left.remove(name);
        if (v != null)
          b.append("<").append(name).append(">").append(v).append("</").append(name).append(">");
      } else {
        b.append(serialize(child));
      }
    }
    left.forEach(
        (name, v) -> {
          if (v != null)
            b.append("<").append(name).append(">").append(v).append("</").append(name).append(">");
        });
    return b.append("</").append(param).append(">").toString();
  }

  static String serialize(Element e) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(e), new StreamResult(w));
      return w.toString();
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  /** One invoice line. */
  static String line(String stockItemId, String qty, String price, String taxCode) {
    return "<InvoiceLine>"
        + AccountsIqSoap.el("StockItemID", stockItemId)
        + AccountsIqSoap.el("InvoicedQuantity", qty)
        + AccountsIqSoap.el("StockItemPrice", price)
        + AccountsIqSoap.el("TaxCode", taxCode)
        + "</InvoiceLine>";
  }
}
