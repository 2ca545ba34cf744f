package dev.l2o.salesforce.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SimulatorResponseTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void restErrorsEscapeQuotesBackslashesAndControlCharacters() throws Exception {
        // given: a message as a query can make it, with every character JSON must escape
        String message = "No such column 'A\"b\\c\nd\te\u0001' on entity 'Lead'";

        // when
        SimulatorResponse response = SimulatorResponse.restError(400, "INVALID_FIELD", message);

        // then: the body is strict JSON that gives the message back unchanged
        JsonNode body = json.readTree(response.body());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).path("message").asText()).isEqualTo(message);
        assertThat(body.get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
    }
}
