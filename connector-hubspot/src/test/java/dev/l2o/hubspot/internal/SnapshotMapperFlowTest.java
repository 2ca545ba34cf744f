package dev.l2o.hubspot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.model.Automation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotMapperFlowTest {
    @Test
    void aRenewalWorkflowRecordsTheDealsItCreatesAndItsDelays() throws Exception {
        // given
        JsonNode flow = new ObjectMapper().readTree("""
                {"id": "610", "name": "Create renewal deal", "isEnabled": true, "type": "PLATFORM_FLOW", "objectTypeId": "0-3",
                 "actions": [
                   {"actionId": "1", "type": "SINGLE_CONNECTION", "actionTypeId": "0-35",
                    "fields": {"date": {"propertyName": "contract_end_date", "type": "OBJECT_PROPERTY"},
                               "delta": "-120", "time_unit": "DAYS"},
                    "connection": {"edgeType": "STANDARD", "nextActionId": "2"}},
                   {"actionId": "2", "type": "SINGLE_CONNECTION", "actionTypeId": "0-14",
                    "fields": {"object_type_id": "0-3", "properties": []},
                    "connection": {"edgeType": "STANDARD", "nextActionId": "3"}},
                   {"actionId": "3", "type": "SINGLE_CONNECTION", "actionTypeId": "0-1",
                    "fields": {"delta": "2880", "time_unit": "MINUTES"}}
                 ]}
                """);

        // when
        Automation automation = SnapshotMapper.flow(flow, Map.of());

        // then
        assertThat(automation.creates()).containsExactly("deals");
        assertThat(automation.attributes())
                .containsEntry(Automation.SCHEDULE, "-120 days from contract_end_date; 2 days from trigger");
    }
}
