package nl.zorgpad.modelpolicy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a model's XML for the policy, before any other parser sees it: a DOCTYPE (the carrier of
 * XXE and "billion laughs") is refused by a byte scan and, should that miss an encoding, by the
 * parser itself ({@code disallow-doctype-decl}); no entity, external DTD, schema or XInclude is
 * ever resolved.
 */
final class SecureXml {

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  /** Why a file could not be read. */
  enum Failure {
    DOCTYPE,
    UNREADABLE
  }

  static final class UnreadableXml extends Exception {
    private final Failure failure;

    UnreadableXml(Failure failure, String message) {
      super(message, null, false, false);
      this.failure = failure;
    }

    Failure failure() {
      return failure;
    }
  }

  private SecureXml() {}

  static Document parse(byte[] content) throws UnreadableXml {
    if (hasDoctype(content)) {
      throw new UnreadableXml(Failure.DOCTYPE, "document has a DOCTYPE declaration");
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused");
          });
      return builder.parse(new InputSource(new ByteArrayInputStream(content)));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      boolean doctype = message.toUpperCase(Locale.ROOT).contains("DOCTYPE");
      throw new UnreadableXml(
          doctype ? Failure.DOCTYPE : Failure.UNREADABLE,
          doctype ? "document has a DOCTYPE declaration" : "not well-formed XML");
    } catch (IOException | ParserConfigurationException e) {
      throw new UnreadableXml(Failure.UNREADABLE, "not readable as XML");
    }
  }

  /**
   * A {@code <!DOCTYPE} in the bytes, read as ASCII-compatible text or as UTF-16 (either byte
   * order); the parser's own refusal covers any other encoding.
   */
  static boolean hasDoctype(byte[] content) {
    String latin = new String(content, StandardCharsets.ISO_8859_1);
    if (containsDoctype(latin)) {
      return true;
    }
    return containsDoctype(new String(content, StandardCharsets.UTF_16LE))
        || containsDoctype(new String(content, StandardCharsets.UTF_16BE));
  }

  private static boolean containsDoctype(String text) {
    return text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
          // the policy reports the failure itself
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      };
}
