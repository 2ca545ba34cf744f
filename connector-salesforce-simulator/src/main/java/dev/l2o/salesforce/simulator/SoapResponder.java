package dev.l2o.salesforce.simulator;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.ManageableState;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.ListMetadataResponse_element;
import com.sforce.soap.metadata.ListMetadata_element;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.ReadMetadataResponse_element;
import com.sforce.soap.metadata.ReadMetadata_element;
import com.sforce.soap.metadata.ReadResult;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LoginResponse_element;
import com.sforce.soap.partner.LoginResult;
import com.sforce.ws.bind.TypeMapper;
import com.sforce.ws.bind.XMLizable;
import com.sforce.ws.parser.XmlOutputStream;
import dev.l2o.salesforce.wsc.WscXml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Answers the Partner and Metadata SOAP calls the connector makes, in envelopes written by the Force WSC
 * classes themselves (so the real client parses them): {@code login}, {@code listMetadata},
 * {@code readMetadata}. Faults are HTTP 500 with {@code faultcode}/{@code faultstring}, a typed
 * {@code detail} only on the Partner API.
 */
final class SoapResponder {
    static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String PARTNER_FAULT = "urn:fault.partner.soap.sforce.com";
    static final int MAX_LIST_QUERIES = 3;
    static final int MAX_READ_NAMES = 10;
    private static final String SCHEMA_INSTANCE = "http://www.w3.org/2001/XMLSchema-instance";

    /** A parsed SOAP request: the body's first element and the session id of its SessionHeader. */
    record SoapCall(String operation, Element body, String sessionId) {
        static SoapCall of(Element envelope) {
            Element header = child(envelope, "Header");
            Element body = child(envelope, "Body");
            Element operation = body == null ? null : firstElement(body);
            String sessionId = null;
            if (header != null) {
                Element sessionHeader = child(header, "SessionHeader");
                Element id = sessionHeader == null ? null : child(sessionHeader, "sessionId");
                sessionId = id == null ? null : id.getTextContent().trim();
            }
            return new SoapCall(operation == null ? "" : operation.getLocalName(), operation, sessionId);
        }
    }

    private volatile SimulatedOrg org;

    /** From now on, answers from {@code changed}. */
    void replace(SimulatedOrg changed) {
        org = changed;
    }

    SoapResponder(SimulatedOrg org) {
        this.org = org;
    }

    SimulatorResponse login(String baseUrl, String apiVersion, String sessionId, int sessionSecondsValid) {
        LoginResult result = new LoginResult();
        result.setMetadataServerUrl(baseUrl + "/services/Soap/m/" + apiVersion + "/" + org.organizationId());
        result.setPasswordExpired(false);
        result.setSandbox(false);
        result.setServerUrl(baseUrl + "/services/Soap/u/" + apiVersion + "/" + org.organizationId());
        result.setSessionId(sessionId);
        result.setUserId("005000000000001AAA");
        GetUserInfoResult user = new GetUserInfoResult();
        user.setCurrencySymbol("$");
        user.setOrgAttachmentFileSizeLimit(5_242_880);
        user.setOrgDefaultCurrencyIsoCode("USD");
        user.setOrganizationId(org.organizationId() + "AAA");
        user.setOrganizationName(org.name());
        user.setProfileId("00e000000000001AAA");
        user.setSessionSecondsValid(sessionSecondsValid);
        user.setUserDefaultCurrencyIsoCode("USD");
        user.setUserEmail("integration@example.com");
        user.setUserFullName("Integration User");
        user.setUserId("005000000000001AAA");
        user.setUserLanguage("en_US");
        user.setUserLocale("en_US");
        user.setUserName("integration@example.com");
        user.setUserTimeZone("America/Los_Angeles");
        user.setUserType("Standard");
        user.setUserUiSkin("Theme3");
        result.setUserInfo(user);
        LoginResponse_element response = new LoginResponse_element();
        response.setResult(result);
        return SimulatorResponse.xml(200, envelope(PARTNER, "loginResponse", response));
    }

    SimulatorResponse listMetadata(Element body) {
        ListMetadata_element request = WscXml.bind(body, ListMetadata_element.class);
        ListMetadataQuery[] queries = request.getQueries() == null ? new ListMetadataQuery[0] : request.getQueries();
        if (queries.length > MAX_LIST_QUERIES) {
            return metadataFault("UNKNOWN_EXCEPTION", "UNKNOWN_EXCEPTION: Too many queries: at most " + MAX_LIST_QUERIES
                    + " queries per listMetadata call");
        }
        List<FileProperties> properties = new ArrayList<>();
        for (ListMetadataQuery query : queries) {
            for (MetadataStore.Component component : org.metadata().list(query.getType())) {
                properties.add(fileProperties(component, org.metadata().lastModified(component.type(), component.fullName())));
            }
        }
        ListMetadataResponse_element response = new ListMetadataResponse_element();
        response.setResult(properties.toArray(FileProperties[]::new));
        return SimulatorResponse.xml(200, envelope(WscXml.METADATA_NAMESPACE, "listMetadataResponse", response));
    }

    SimulatorResponse readMetadata(Element body) {
        ReadMetadata_element request = WscXml.bind(body, ReadMetadata_element.class);
        String[] names = request.getFullNames() == null ? new String[0] : request.getFullNames();
        if (names.length > MAX_READ_NAMES) {
            return metadataFault("LIMIT_EXCEEDED", "LIMIT_EXCEEDED: Too many full names: at most " + MAX_READ_NAMES
                    + " per readMetadata call");
        }
        Metadata[] records = new Metadata[names.length];
        for (int i = 0; i < names.length; i++) {
            MetadataStore.Component component = org.metadata().find(request.getType(), names[i]);
            // a name the org does not have reads as an empty record, not as a fault
            records[i] = component != null ? component.record() : emptyRecord(request.getType());
        }
        ReadResult result = new ReadResult();
        result.setRecords(records);
        ReadMetadataResponse_element response = new ReadMetadataResponse_element();
        response.setResult(result);
        return SimulatorResponse.xml(200, envelope(WscXml.METADATA_NAMESPACE, "readMetadataResponse", response));
    }

    private static Metadata emptyRecord(String type) {
        try {
            return MetadataStoreBuilder.newRecord(type);
        } catch (IllegalArgumentException e) {
            return new Metadata();
        }
    }

    /**
     * As {@code listMetadata} describes a component: standard ones (stage value sets, standard fields) with an
     * empty id and namespace prefix and 1970 dates; the org's own (custom fields, rules, flows) with an id and
     * {@code manageableState} {@code unmanaged} and no namespace prefix, as an org without a namespace lists them
     * (recorded in {@code src/test/resources/recorded/metadata-listMetadata-CustomField.xml}).
     */
    private static FileProperties fileProperties(MetadataStore.Component component, Instant modified) {
        boolean standard = component.type().equals("StandardValueSet")
                || (component.type().equals("CustomField") || component.type().equals("CustomObject")) && !component.fullName().contains("__");
        FileProperties properties = new FileProperties();
        Calendar epoch = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        epoch.setTimeInMillis(0);
        properties.setCreatedById("005000000000001AAA");
        properties.setCreatedByName("Integration User");
        properties.setCreatedDate(epoch);
        properties.setFileName(component.fileName());
        properties.setFullName(component.fullName());
        properties.setId(standard ? "" : syntheticId(component));
        properties.setLastModifiedById("005000000000001AAA");
        properties.setLastModifiedByName("Integration User");
        Calendar lastModified = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        lastModified.setTimeInMillis(modified == null ? 0 : modified.toEpochMilli());
        properties.setLastModifiedDate(lastModified);
        if (standard) {
            properties.setNamespacePrefix("");
        } else {
            properties.setManageableState(ManageableState.unmanaged);
        }
        properties.setType(component.type());
        return properties;
    }

    /** A stable 18-character id for a custom component, derived from its type and name. */
    private static String syntheticId(MetadataStore.Component component) {
        String digits = String.format("%015d", Math.floorMod((long) (component.type() + "/" + component.fullName()).hashCode(), 1_000_000_000_000_000L));
        return "0Sim" + digits.substring(digits.length() - 14);
    }

    /** A Partner API fault: typed detail in the partner fault namespace. */
    static SimulatorResponse partnerFault(String code, String message, String faultType) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE
                + "\" xmlns:sf=\"" + PARTNER_FAULT + "\" xmlns:xsi=\"" + SCHEMA_INSTANCE + "\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:" + code + "</faultcode><faultstring>" + code + ": " + escape(message) + "</faultstring>"
                + "<detail><sf:" + faultType + " xsi:type=\"sf:" + faultType + "\"><sf:exceptionCode>" + code
                + "</sf:exceptionCode><sf:exceptionMessage>" + escape(message) + "</sf:exceptionMessage></sf:" + faultType
                + "></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        return SimulatorResponse.xml(500, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A Metadata API fault: no detail; the code is prefixed with the metadata namespace. */
    static SimulatorResponse metadataFault(String code, String faultString) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE
                + "\" xmlns:sf=\"" + WscXml.METADATA_NAMESPACE + "\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:" + code + "</faultcode><faultstring>" + escape(faultString) + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        return SimulatorResponse.xml(500, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] envelope(String namespace, String responseElement, XMLizable response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOutputStream out = new XmlOutputStream(bytes, false)) {
            out.startDocument();
            out.setPrefix("soapenv", ENVELOPE);
            out.setPrefix("xsi", SCHEMA_INSTANCE);
            out.setPrefix("", namespace);
            out.writeStartTag(ENVELOPE, "Envelope");
            out.writeStartTag(ENVELOPE, "Body");
            response.write(new QName(namespace, responseElement), out, new TypeMapper());
            out.writeEndTag(ENVELOPE, "Body");
            out.writeEndTag(ENVELOPE, "Envelope");
            out.endDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
