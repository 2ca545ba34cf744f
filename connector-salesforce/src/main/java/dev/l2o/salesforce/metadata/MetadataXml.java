package dev.l2o.salesforce.metadata;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Salesforce metadata XML into {@link XmlElement} trees that keep line numbers.
 *
 * <p>Parsing is safe on untrusted files: a document type declaration is rejected, so no external entity,
 * external DTD or entity expansion is ever processed. The tree is held in memory, so a document may nest at most
 * {@value #MAX_DEPTH} elements deep, hold {@value #MAX_ELEMENTS} elements and {@value #MAX_TEXT_CHARACTERS} characters
 * of text (a large flow has some thousands of elements). Any failure is an {@link L2oException} with
 * {@link ErrorCode#MALFORMED_METADATA} and the message {@code file:line:column: reason}. Thread-safe.
 */
public final class MetadataXml {
    /** The deepest element nesting read; Salesforce metadata nests some six levels. */
    public static final int MAX_DEPTH = 64;
    /** The most elements one document may have. */
    public static final int MAX_ELEMENTS = 500_000;
    /** The most characters of text one document may have. */
    public static final int MAX_TEXT_CHARACTERS = 32 << 20;

    /**
     * One configured parser a thread, reused from document to document: making a parser looks its factory up on the
     * class path and builds Xerces' configuration, which cost more than parsing a typical metadata file. A parser
     * whose parse failed is dropped, so that no state of a broken document carries over.
     */
    private static final ThreadLocal<SAXParser> PARSERS = ThreadLocal.withInitial(MetadataXml::newParser);
    /** Stands in for the last document's handler between parses, so that a thread's parser does not keep its tree. */
    private static final DefaultHandler IDLE = new DefaultHandler();

    private MetadataXml() {}

    /**
     * Parses a file.
     *
     * @param file the file
     * @param displayName how messages name it (its path relative to the project root)
     */
    public static XmlElement parse(Path file, String displayName) {
        requireNonNull(file, "file is null");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new InputSource(in), displayName);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Parses a document held in memory (for example a metadata record re-serialised from an API response). */
    public static XmlElement parse(String xml, String displayName) {
        requireNonNull(xml, "xml is null");
        return parse(new InputSource(new StringReader(xml)), displayName);
    }

    private static XmlElement parse(InputSource source, String displayName) {
        requireNonNull(displayName, "displayName is null");
        TreeBuilder builder = new TreeBuilder();
        SAXParser parser = PARSERS.get();
        boolean parsed = false;
        try {
            parser.parse(source, builder);
            release(parser.getXMLReader());
            parsed = true;
        } catch (SAXParseException e) {
            throw new L2oException(ErrorCode.MALFORMED_METADATA,
                    displayName + ":" + Math.max(e.getLineNumber(), 0) + ":" + Math.max(e.getColumnNumber(), 0) + ": "
                            + oneLine(e.getMessage()));
        } catch (SAXException e) {
            throw new L2oException(ErrorCode.MALFORMED_METADATA, displayName + ": " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + e.getMessage(), e);
        } finally {
            if (!parsed) {
                PARSERS.remove();
            }
        }
        if (builder.root == null) {
            throw new L2oException(ErrorCode.MALFORMED_METADATA, displayName + ":1:1: the document has no root element");
        }
        return builder.root;
    }

    /** Lets go of the handlers {@link SAXParser#parse(InputSource, DefaultHandler)} installed. */
    private static void release(XMLReader reader) {
        reader.setContentHandler(IDLE);
        reader.setErrorHandler(IDLE);
        reader.setDTDHandler(IDLE);
        reader.setEntityResolver(IDLE);
    }

    private static SAXParser newParser() {
        try {
            // The JDK's own parser, not one a system property or the class path names: the features below are its
            // (Xerces') names, which another parser could ignore. It also spares the lookup, whose messages the JDK
            // builds with generated string concatenation, at every start.
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "malformed XML" : message.replaceAll("\\s+", " ").strip();
    }

    /** Builds the tree bottom-up; each open element keeps its position, text and finished children. */
    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<Open> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;
        private int elements;
        private long textCharacters;

        /** A limit passed: reported like a syntax error, at the parser's position. */
        private SAXParseException limit(String reason) {
            return new SAXParseException(reason, locator);
        }

        @Override
        public void setDocumentLocator(Locator documentLocator) {
            this.locator = documentLocator;
        }

        @Override
        public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) throws SAXException {
            if (open.size() >= MAX_DEPTH) {
                throw limit("the elements nest deeper than " + MAX_DEPTH + " levels");
            }
            if (++elements > MAX_ELEMENTS) {
                throw limit("the document has more than " + MAX_ELEMENTS + " elements");
            }
            String name = localName == null || localName.isEmpty() ? qualifiedName : localName;
            int line = locator == null ? 0 : locator.getLineNumber();
            int column = locator == null ? 0 : locator.getColumnNumber();
            open.push(new Open(name, line, column));
        }

        @Override
        public void characters(char[] characters, int start, int length) throws SAXException {
            textCharacters += length;
            if (textCharacters > MAX_TEXT_CHARACTERS) {
                throw limit("the document has more than " + MAX_TEXT_CHARACTERS + " characters of text");
            }
            if (!open.isEmpty()) {
                open.peek().text.append(characters, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qualifiedName) {
            Open element = open.pop();
            XmlElement done = new XmlElement(element.name, element.text.toString().strip(), element.line, element.column,
                    element.children);
            if (open.isEmpty()) {
                root = done;
            } else {
                open.peek().children.add(done);
            }
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            // Never fetch anything: DOCTYPEs are rejected before this, this is a second lock.
            return new InputSource(new StringReader(""));
        }
    }

    private static final class Open {
        final String name;
        final int line;
        final int column;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Open(String name, int line, int column) {
            this.name = name;
            this.line = line;
            this.column = column;
        }
    }
}
