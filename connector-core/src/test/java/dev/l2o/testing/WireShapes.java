package dev.l2o.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Compares the structure of two responses of the same request, a recorded one in a vendor's documented format
 * and one a simulator gave: the same keys or elements, types and nesting, whatever the values. Used so that a
 * simulator cannot drift from the real wire format unnoticed.
 *
 * <p>JSON: objects have the same keys; scalars the same JSON type, where {@code null} matches any scalar (CRM
 * values are "a string or null"); when both arrays have elements, the first recorded element must have the
 * shape of one of the served ones (the closest is reported; whether an array is empty is a value). XML: elements
 * have the same namespace and name, the recorded {@code xsi:type} (a served one the recording lacks is tolerated:
 * serialisers may annotate every typed element) and the same {@code xsi:nil}, and the same sequence of child element names (a run of repeated
 * elements counts once); the first element of each name compares recursively; text is a value and is ignored.
 */
public final class WireShapes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** How many served array elements are tried against the recorded one. */
    private static final int ELEMENTS_TRIED = 50;

    private WireShapes() {}

    /** Where {@code actual} differs in shape from {@code recorded}, one line each; empty when they agree. */
    public static List<String> jsonDifferences(String recorded, String actual) {
        List<String> differences = new ArrayList<>();
        compare("$", parseJson(recorded, "recorded"), parseJson(actual, "actual"), differences);
        return differences;
    }

    /** Where {@code actual} differs in shape from {@code recorded}, one line each; empty when they agree. */
    public static List<String> xmlDifferences(String recorded, String actual) {
        List<String> differences = new ArrayList<>();
        Element left = parseXml(recorded, "recorded");
        Element right = parseXml(actual, "actual");
        compare("/" + name(left), left, right, differences);
        return differences;
    }

    private static void compare(String path, JsonNode recorded, JsonNode actual, List<String> differences) {
        if (recorded.isNull() || actual.isNull()) {
            if (!(recorded.isNull() || recorded.isValueNode()) || !(actual.isNull() || actual.isValueNode())) {
                differences.add(path + ": " + kind(recorded) + " recorded, " + kind(actual) + " served");
            }
            return;
        }
        if (!kind(recorded).equals(kind(actual))) {
            differences.add(path + ": " + kind(recorded) + " recorded, " + kind(actual) + " served");
            return;
        }
        if (recorded.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            recorded.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (!actual.has(key)) {
                    differences.add(path + "." + key + ": recorded, not served");
                } else if (!recorded.has(key)) {
                    differences.add(path + "." + key + ": served, not recorded");
                } else {
                    compare(path + "." + key, recorded.get(key), actual.get(key), differences);
                }
            }
        } else if (recorded.isArray() && !recorded.isEmpty() && !actual.isEmpty()) {
            List<String> closest = null;
            for (int i = 0; i < Math.min(actual.size(), ELEMENTS_TRIED) && (closest == null || !closest.isEmpty()); i++) {
                List<String> candidate = new ArrayList<>();
                compare(path + "[" + i + "]", recorded.get(0), actual.get(i), candidate);
                if (closest == null || candidate.size() < closest.size()) {
                    closest = candidate;
                }
            }
            differences.addAll(closest);
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
        };
    }

    private static void compare(String path, Element recorded, Element actual, List<String> differences) {
        if (!name(recorded).equals(name(actual))) {
            differences.add(path + ": element " + name(recorded) + " recorded, " + name(actual) + " served");
            return;
        }
        for (String attribute : List.of("type", "nil")) {
            String left = recorded.getAttributeNS(XSI, attribute);
            String right = actual.getAttributeNS(XSI, attribute);
            // a type annotation the recording lacks is tolerated: serialisers may annotate every typed element
            boolean extraType = attribute.equals("type") && left.isEmpty();
            if (!extraType && !Objects.equals(localPart(left), localPart(right))) {
                differences.add(path + ": xsi:" + attribute + " '" + left + "' recorded, '" + right + "' served");
            }
        }
        Map<String, Element> recordedChildren = firstChildren(recorded);
        Map<String, Element> actualChildren = firstChildren(actual);
        List<String> recordedOrder = childSequence(recorded);
        List<String> actualOrder = childSequence(actual);
        if (!recordedOrder.equals(actualOrder)) {
            differences.add(path + ": children " + recordedOrder + " recorded, " + actualOrder + " served");
        }
        for (Map.Entry<String, Element> child : recordedChildren.entrySet()) {
            Element served = actualChildren.get(child.getKey());
            if (served != null) {
                compare(path + "/" + child.getKey(), child.getValue(), served, differences);
            }
        }
    }

    /** A prefixed type name without its prefix: prefixes are the writer's choice. */
    private static String localPart(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    private static Map<String, Element> firstChildren(Element element) {
        Map<String, Element> first = new LinkedHashMap<>();
        for (Element child : children(element)) {
            first.putIfAbsent(name(child), child);
        }
        return first;
    }

    private static List<String> childSequence(Element element) {
        List<String> sequence = new ArrayList<>();
        for (Element child : children(element)) {
            String name = name(child);
            if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(name)) {
                sequence.add(name);
            }
        }
        return sequence;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static String name(Element element) {
        return (element.getNamespaceURI() == null ? "" : "{" + element.getNamespaceURI() + "}") + element.getLocalName();
    }

    private static JsonNode parseJson(String text, String which) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the " + which + " response is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Element parseXml(String text, String which) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the " + which + " response is not XML: " + e.getMessage(), e);
        }
    }
}
