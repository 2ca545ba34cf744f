package dev.l2o.salesforce.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One element of a metadata XML document, with where it starts. Immutable.
 *
 * @param name the local name, without namespace prefix ({@code Flow}, {@code standardValue})
 * @param text the element's own character data, trimmed (empty for elements that only hold elements)
 * @param line the 1-based line of the element's start tag, or 0 when the XML came from no file
 * @param column the 1-based column just after the start tag, or 0
 * @param children the child elements in document order
 */
public record XmlElement(String name, String text, int line, int column, List<XmlElement> children) {
    public XmlElement {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        children = List.copyOf(children);
    }

    /** The first child named {@code childName}. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Every child named {@code childName}, in order. */
    public List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /** The text of the first child named {@code childName}, or null when there is no such child or it is empty. */
    public String text(String childName) {
        return child(childName).map(XmlElement::text).filter(value -> !value.isEmpty()).orElse(null);
    }

    /** The child's {@code true}/{@code false}, or {@code absent} when the child is missing or empty. */
    public boolean flag(String childName, boolean absent) {
        String value = text(childName);
        return value == null ? absent : Boolean.parseBoolean(value);
    }

    /** The text at a path of child names ({@code "start", "object"}), or null. */
    public String textAt(String... path) {
        XmlElement current = this;
        for (int i = 0; i < path.length - 1; i++) {
            Optional<XmlElement> next = current.child(path[i]);
            if (next.isEmpty()) {
                return null;
            }
            current = next.get();
        }
        return current.text(path[path.length - 1]);
    }
}
