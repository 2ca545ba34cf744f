package dev.l2o.salesforce.internal;

import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.transport.Transport;
import dev.l2o.http.HttpStatusException;
import dev.l2o.http.WriteRefusedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Carries Force WSC's SOAP calls over the shared OkHttp stack instead of WSC's own URLConnection, so SOAP
 * gets the same read-only guard, retries, API budget and limit tracking as REST. It lets only read
 * operations through ({@code login}, describes, {@code listMetadata}, {@code readMetadata}); anything else
 * ({@code deploy}, {@code createMetadata}, {@code update}, …) is refused before a byte is sent. A SOAP fault
 * (HTTP 500 with an XML body) is handed to WSC to parse, as its own transport does. An answer that is not XML
 * or breaks off before its envelope ends is an I/O failure inside the retry, like a body cut off by the network:
 * WSC would otherwise fail to parse it outside any retry. One instance per call.
 */
final class OkHttpSoapTransport implements Transport {
    static final Set<String> READ_OPERATIONS = Set.of("login", "getUserInfo", "describeSObject", "describeSObjects",
            "describeGlobal", "describeMetadata", "listMetadata", "readMetadata");
    private static final Pattern BODY_ELEMENT = Pattern.compile("Body>\\s*<(?:[\\w-]+:)?([\\w-]+)");
    private static final MediaType XML = MediaType.get("text/xml; charset=UTF-8");

    private final SalesforceHttp http;
    private ConnectorConfig config;
    private String url;
    private final Map<String, String> headers = new HashMap<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean successful;

    OkHttpSoapTransport(SalesforceHttp http) {
        this.http = http;
    }

    @Override
    public void setConfig(ConnectorConfig config) {
        this.config = config;
    }

    @Override
    public OutputStream connect(String uri, String soapAction) {
        headers.put("SOAPAction", "\"" + (soapAction == null ? "" : soapAction) + "\"");
        headers.put("Accept", "text/xml");
        return connect(uri, new HashMap<>(), true);
    }

    @Override
    public OutputStream connect(String uri, HashMap<String, String> httpHeaders) {
        return connect(uri, httpHeaders, true);
    }

    @Override
    public OutputStream connect(String uri, HashMap<String, String> httpHeaders, boolean enableCompression) {
        this.url = uri;
        if (httpHeaders != null) {
            headers.putAll(httpHeaders);
        }
        headers.putIfAbsent("Accept", "text/xml");
        buffer.reset();
        return buffer;
    }

    @Override
    public InputStream getContent() throws IOException {
        byte[] envelope = buffer.toByteArray();
        String operation = operation(envelope);
        if (!READ_OPERATIONS.contains(operation)) {
            throw new WriteRefusedException("refused SOAP operation '" + operation + "': l2o only reads from Salesforce");
        }
        boolean compress = config == null || config.isCompression();
        byte[] body = compress ? gzip(envelope) : envelope;
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, XML));
        headers.forEach(request::header);
        if (compress) {
            request.header("Content-Encoding", "gzip");
        }
        if (!operation.equals("login")) {
            http.budget().charge("the SOAP call " + operation);
        }
        try {
            byte[] answer = http.executor().execute(request.build(), response -> complete(response.body().bytes()));
            successful = true;
            return new ByteArrayInputStream(answer);
        } catch (HttpStatusException e) {
            if (SalesforceFailureClassifier.isSoapFault(e)) {
                successful = false;
                return new ByteArrayInputStream(e.body().getBytes(StandardCharsets.UTF_8));
            }
            throw e;
        }
    }

    @Override
    public boolean isSuccessful() {
        return successful;
    }

    /** {@code answer} when it ends with the envelope's end tag (and whitespace); an IOException otherwise. */
    static byte[] complete(byte[] answer) throws IOException {
        int end = answer.length;
        while (end > 0 && Character.isWhitespace(answer[end - 1])) {
            end--;
        }
        String tail = new String(answer, Math.max(0, end - 16), end - Math.max(0, end - 16), StandardCharsets.UTF_8);
        if (!tail.endsWith("Envelope>")) {
            throw new IOException("the SOAP answer breaks off before the end of its envelope (" + answer.length + " bytes)");
        }
        return answer;
    }

    /** The local name of the SOAP body's first element: the operation called. */
    static String operation(byte[] envelope) {
        String text = new String(envelope, 0, Math.min(envelope.length, 4_096), StandardCharsets.UTF_8);
        Matcher matcher = BODY_ELEMENT.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
