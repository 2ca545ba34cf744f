package dev.l2o.salesforce.wsc;

import com.sforce.soap.metadata.Metadata;
import com.sforce.ws.bind.TypeMapper;
import com.sforce.ws.bind.XMLizable;
import com.sforce.ws.parser.XmlOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Converts between Salesforce metadata XML (the shared format of SFDX source files and Metadata API
 * envelopes) and Force WSC's generated metadata classes.
 *
 * <p>Writing uses the WSC classes' own serializer, so elements come out in the XSD order of the client's
 * API version. Reading binds a DOM element onto a WSC object through its public setters: unlike WSC's
 * own strict pull parser it accepts any element order and skips elements that the client's API version
 * does not know (SFDX files written by a newer CLI), which is what a simulator needs to serve any project
 * at the client's version. Thread-safe.
 */
public final class WscXml {
    /** The namespace of every metadata type. */
    public static final String METADATA_NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

    private static final String SCHEMA_INSTANCE = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final Map<Class<?>, Map<String, Method>> SETTERS = new ConcurrentHashMap<>();

    private WscXml() {}

    /**
     * Serializes {@code record} as a standalone document whose root element is {@code rootName} in the
     * metadata namespace, as an SFDX source file has it.
     */
    public static byte[] write(XMLizable record, String rootName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOutputStream out = new XmlOutputStream(bytes, false)) {
            out.startDocument();
            out.setPrefix("", METADATA_NAMESPACE);
            out.setPrefix("xsi", SCHEMA_INSTANCE);
            record.write(new QName(METADATA_NAMESPACE, rootName), out, new TypeMapper());
            out.endDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The metadata type name of a record: its WSC class's simple name ({@code Flow}, {@code CustomObject}). */
    public static String typeName(Metadata record) {
        return record.getClass().getSimpleName();
    }

    /** Parses XML with DTDs and external entities disabled. */
    public static Element parse(InputStream in) throws IOException, SAXException {
        Document document = newBuilder().parse(in);
        return document.getDocumentElement();
    }

    private static DocumentBuilder newBuilder() {
        try {
            // the JDK's own parser, whose (Xerces') feature names these are, whatever the class path holds
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /**
     * Binds the children of {@code element} onto a new instance of {@code type}.
     *
     * @throws IllegalArgumentException when a value cannot be converted to its property's type; the message
     *     names the element
     */
    public static <T extends XMLizable> T bind(Element element, Class<T> type) {
        Class<? extends T> concrete = subtypeOf(element, type);
        T instance = newInstance(concrete);
        Map<String, Method> setters = setters(concrete);
        Map<String, List<Element>> children = new LinkedHashMap<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.computeIfAbsent(child.getLocalName(), k -> new ArrayList<>()).add(child);
            }
        }
        for (Map.Entry<String, List<Element>> entry : children.entrySet()) {
            Method setter = setters.get(entry.getKey());
            if (setter == null) {
                continue; // an element the client's API version does not know
            }
            Class<?> parameter = setter.getParameterTypes()[0];
            Object value;
            if (parameter.isArray()) {
                Class<?> component = parameter.getComponentType();
                Object array = Array.newInstance(component, entry.getValue().size());
                for (int i = 0; i < entry.getValue().size(); i++) {
                    Array.set(array, i, convert(entry.getValue().get(i), component));
                }
                value = array;
            } else {
                value = convert(entry.getValue().get(entry.getValue().size() - 1), parameter);
            }
            if (value != null) {
                invoke(setter, instance, value);
            }
        }
        return instance;
    }

    private static Object convert(Element element, Class<?> type) {
        if (isNil(element)) {
            return null;
        }
        if (XMLizable.class.isAssignableFrom(type)) {
            return bind(element, type.asSubclass(XMLizable.class));
        }
        String text = element.getTextContent();
        String trimmed = text.trim();
        try {
            if (type == String.class) {
                return text;
            } else if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(trimmed);
            } else if (type == int.class || type == Integer.class) {
                return trimmed.isEmpty() ? null : Integer.valueOf(trimmed);
            } else if (type == long.class || type == Long.class) {
                return trimmed.isEmpty() ? null : Long.valueOf(trimmed);
            } else if (type == double.class || type == Double.class) {
                return trimmed.isEmpty() ? null : Double.valueOf(trimmed);
            } else if (type.isEnum()) {
                return enumValue(type, trimmed);
            } else if (type == Calendar.class) {
                return calendar(trimmed);
            } else if (type == byte[].class) {
                return Base64.getMimeDecoder().decode(trimmed);
            } else if (type == Object.class) {
                return text;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("<" + element.getLocalName() + "> has an invalid value '" + trimmed + "'", e);
        }
        throw new IllegalArgumentException("<" + element.getLocalName() + "> has an unsupported type " + type.getName());
    }

    private static boolean isNil(Element element) {
        return "true".equals(element.getAttributeNS(SCHEMA_INSTANCE, "nil"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String value) {
        try {
            Field field = type.getField("valuesToEnums");
            Map<String, String> valuesToEnums = (Map<String, String>) field.get(null);
            String constant = valuesToEnums.get(value);
            if (constant != null) {
                return Enum.valueOf((Class) type, constant);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // WSC enums carry the map; others fall back to their constant names
        }
        return Enum.valueOf((Class) type, value);
    }

    private static Calendar calendar(String value) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        if (value.length() == 10) {
            calendar.setTimeInMillis(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } else {
            calendar.setTimeInMillis(OffsetDateTime.parse(value).toInstant().toEpochMilli());
        }
        return calendar;
    }

    private static <T> Class<? extends T> subtypeOf(Element element, Class<T> declared) {
        String xsiType = element.getAttributeNS(SCHEMA_INSTANCE, "type");
        if (xsiType.isEmpty()) {
            return declared;
        }
        String local = xsiType.substring(xsiType.indexOf(':') + 1);
        if (local.equals(declared.getSimpleName())) {
            return declared;
        }
        try {
            Class<?> candidate = Class.forName(declared.getPackageName() + "." + local, true, declared.getClassLoader());
            if (declared.isAssignableFrom(candidate)) {
                return candidate.asSubclass(declared);
            }
        } catch (ClassNotFoundException e) {
            // an unknown subtype: bind what the declared type knows
        }
        return declared;
    }

    private static <T> T newInstance(Class<T> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getSimpleName() + " is abstract and the element has no xsi:type");
        }
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    private static void invoke(Method setter, Object instance, Object value) {
        try {
            setter.invoke(instance, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot call " + setter, e);
        }
    }

    /** Public property setters by XML element name: {@code setFullName(String)} binds {@code <fullName>}. */
    private static Map<String, Method> setters(Class<?> type) {
        return SETTERS.computeIfAbsent(type, t -> {
            Map<String, Method> byName = new HashMap<>();
            for (Method method : t.getMethods()) {
                if (method.getName().startsWith("set") && method.getName().length() > 3
                        && method.getParameterCount() == 1 && Modifier.isPublic(method.getModifiers())
                        && !Modifier.isStatic(method.getModifiers())) {
                    String property = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                    // a subclass may redeclare a setter; the most specific one wins
                    byName.merge(property, method, (a, b) -> a.getDeclaringClass().isAssignableFrom(b.getDeclaringClass()) ? b : a);
                }
            }
            return Map.copyOf(byName);
        });
    }
}
