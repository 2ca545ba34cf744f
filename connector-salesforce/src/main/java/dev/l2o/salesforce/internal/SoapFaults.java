package dev.l2o.salesforce.internal;

import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;

/** Reads Force WSC's exceptions: SOAP fault codes, and the I/O failures it wraps. */
final class SoapFaults {
    private SoapFaults() {}

    /** The fault code's local name ({@code INVALID_SESSION_ID}), or empty when it is not a SOAP fault. */
    static String code(ConnectionException e) {
        if (e instanceof SoapFaultException fault && fault.getFaultCode() != null) {
            return fault.getFaultCode().getLocalPart();
        }
        return "";
    }

    static boolean isInvalidSession(ConnectionException e) {
        return code(e).equals("INVALID_SESSION_ID");
    }

    /** The L2oException for a failed SOAP call: limit, permission, or the source being unavailable. */
    static L2oException toL2o(String what, ConnectionException e, SalesforceHttp http) {
        if (e.getCause() instanceof L2oException l2o) {
            return l2o;
        }
        String code = code(e);
        String message = http.executor().redactor().redact(String.valueOf(e.getMessage()));
        if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
            return new L2oException(ErrorCode.API_LIMIT_REACHED, "Salesforce refused " + what
                    + ": REQUEST_LIMIT_EXCEEDED (the org's API request limit is used up)", e);
        }
        if (code.equals("INVALID_SESSION_ID")) {
            return new L2oException(ErrorCode.AUTHENTICATION_FAILED, "Salesforce refused " + what + ": " + message
                    + " (the session expired and could not be renewed by logging in again)", e);
        }
        if (code.equals("INSUFFICIENT_ACCESS")) {
            return new L2oException(ErrorCode.MISSING_PERMISSION, "Salesforce refused " + what + ": " + message
                    + " (the integration user needs API Enabled and View Setup and Configuration)", e);
        }
        if (!code.isEmpty()) {
            return new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce refused " + what + ": " + message, e);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce did not answer " + what + ": "
                + http.executor().redactor().redact(String.valueOf(cause.getMessage())), e);
    }
}
