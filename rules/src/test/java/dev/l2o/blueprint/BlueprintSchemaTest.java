package dev.l2o.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class BlueprintSchemaTest {
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(BlueprintSchema.text());

    @Test
    void exampleBlueprintValidatesAgainstTheSchema() throws IOException {
        // given
        JsonNode example = new YAMLMapper().readTree(BlueprintLoaderTest.EXAMPLE.toFile());

        // when
        Set<ValidationMessage> messages = SCHEMA.validate(example);

        // then
        assertThat(messages).isEmpty();
    }

    @Test
    void blueprintWithAnUnknownNestedKeyDoesNotValidate() throws IOException {
        // given
        JsonNode example = new YAMLMapper().readTree(BlueprintLoaderTest.EXAMPLE.toFile());
        ((ObjectNode) example.at("/opportunityLifecycle/stages/0")).put("colour", "blue");

        // when
        Set<ValidationMessage> messages = SCHEMA.validate(example);

        // then
        assertThat(messages).extracting(ValidationMessage::getType, ValidationMessage::getProperty)
                .containsExactly(Tuple.tuple("additionalProperties", "colour"));
    }

    @Test
    void schemaAndBlueprintRecordsDeclareTheSameKeys() throws IOException {
        // given
        JsonNode schema = new ObjectMapper().readTree(BlueprintSchema.text());
        Map<Class<? extends Record>, String> definitions = Map.ofEntries(
                Map.entry(Blueprint.class, ""),
                Map.entry(BlueprintMetadata.class, "/$defs/metadata"),
                Map.entry(OpportunityLifecycle.class, "/$defs/opportunityLifecycle"),
                Map.entry(StageSpec.class, "/$defs/stage"),
                Map.entry(CrmMapping.class, "/$defs/crm"),
                Map.entry(Criteria.class, "/$defs/criteria"),
                Map.entry(LeadLifecycle.class, "/$defs/leadLifecycle"),
                Map.entry(LeadStatusSpec.class, "/$defs/status"),
                Map.entry(Sla.class, "/$defs/sla"),
                Map.entry(FieldSpec.class, "/$defs/field"),
                Map.entry(RoutingSpec.class, "/$defs/routing"),
                Map.entry(AssignTo.class, "/$defs/assignTo"),
                Map.entry(AutomationSpec.class, "/$defs/automation"),
                Map.entry(Benchmarks.class, "/$defs/benchmarks"),
                Map.entry(ConversionTarget.class, "/$defs/conversion"),
                Map.entry(CustomRuleSpec.class, "/$defs/rule"),
                Map.entry(Suppression.class, "/$defs/suppression"),
                Map.entry(RulesetSpec.class, "/$defs/ruleset"),
                Map.entry(RuleParameters.class, "/$defs/ruleParameters"));

        // then
        definitions.forEach((type, pointer) -> {
            Set<String> components = new TreeSet<>();
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(components::add);
            Set<String> properties = new TreeSet<>();
            schema.at(pointer + "/properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(type.getSimpleName()).isEqualTo(components);
        });
    }

    @Test
    void everyPropertyHasADescriptionAndEveryMappingForbidsOtherKeys() throws IOException {
        // given
        JsonNode schema = new ObjectMapper().readTree(BlueprintSchema.text());
        List<String> undescribed = new ArrayList<>();
        List<String> open = new ArrayList<>();

        // when
        walk(schema, "", schema, undescribed, open);

        // then
        assertThat(undescribed).isEmpty();
        assertThat(open).isEmpty();
    }

    @Test
    void schemaIsDraft202012() throws IOException {
        assertThat(new ObjectMapper().readTree(BlueprintSchema.text()).path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    private static void walk(JsonNode node, String pointer, JsonNode root, List<String> undescribed, List<String> open) {
        // a mapping whose values follow a schema (ruleset severities by rule id) is closed by that schema
        if (node.path("type").asText().equals("object") && !node.path("additionalProperties").isBoolean()
                && !node.path("additionalProperties").isObject()) {
            open.add(pointer);
        }
        node.path("properties").properties().forEach(property -> {
            JsonNode value = property.getValue();
            JsonNode target = value.has("$ref") ? root.at(value.get("$ref").asText().substring(1)) : value;
            if (!value.has("description") && !target.has("description")) {
                undescribed.add(pointer + "/properties/" + property.getKey());
            }
        });
        node.properties().forEach(child -> {
            if (child.getValue().isObject()) {
                walk(child.getValue(), pointer + "/" + child.getKey(), root, undescribed, open);
            }
        });
    }
}
