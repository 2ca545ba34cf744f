package dev.l2o.hubspot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator refuses every endpoint to a token without its scope, for every scope the README lists. */
class EndpointScopesTest {
    /** One request per scope that needs exactly that scope: {@code METHOD path [body]}. */
    private static final Map<String, String> REQUEST_BY_SCOPE = Map.of(
            "account-info.security.read", "GET /account-info/v3/activity/audit-logs",
            "crm.objects.deals.read", "GET /crm/v3/objects/deals",
            "crm.schemas.deals.read", "GET /crm/v3/properties/deals",
            "crm.objects.owners.read", "GET /crm/v3/owners",
            "automation", "POST /automation/v4/flows/batch/read {\"inputs\":[]}",
            "crm.schemas.contacts.read", "GET /crm/v3/properties/contacts",
            "crm.objects.contacts.read", "GET /crm/v3/objects/contacts",
            "crm.schemas.companies.read", "GET /crm/v3/properties/companies");
    private static final Pattern README_SCOPE_ROW = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\|");

    private final OkHttpClient client = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    static Set<String> readmeScopes() throws IOException {
        String readme = Files.readString(RepositoryFiles.file("connector-hubspot/README.md"));
        String section = readme.substring(readme.indexOf("## Private-app scopes"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Set<String> scopes = new LinkedHashSet<>();
        Matcher row = README_SCOPE_ROW.matcher(section);
        while (row.find()) {
            scopes.add(row.group(1));
        }
        return scopes;
    }

    @Test
    void theScopeTableCoversExactlyTheScopesTheReadmeLists() throws IOException {
        // when
        Set<String> documented = readmeScopes();

        // then
        assertThat(documented).hasSize(8);
        assertThat(new TreeSet<>(new PortalResponder(PortalDescription.generate(3, 5), SimulatorOptions.defaults(),
                System::nanoTime).scopes())).isEqualTo(new TreeSet<>(documented));
        assertThat(REQUEST_BY_SCOPE.keySet()).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeScopes")
    void aTokenWithoutTheScopeGetsMissingScopesNamingItAndOneWithItIsServed(String scope) throws IOException {
        // given
        Set<String> others = new TreeSet<>(REQUEST_BY_SCOPE.keySet());
        others.remove(scope);
        String request = REQUEST_BY_SCOPE.get(scope);

        // when
        JsonNode refused;
        int refusedStatus;
        int servedStatus;
        try (HubSpotSimulator without = HubSpotSimulator.start(PortalDescription.generate(3, 5),
                SimulatorOptions.defaults().withGrantedScopes(others));
                HubSpotSimulator with = HubSpotSimulator.start(PortalDescription.generate(3, 5),
                        SimulatorOptions.defaults().withGrantedScopes(Set.of(scope)))) {
            try (Response response = call(without, request)) {
                refusedStatus = response.code();
                refused = json.readTree(response.body().string());
            }
            try (Response response = call(with, request)) {
                servedStatus = response.code();
            }
        }

        // then
        assertThat(refusedStatus).isEqualTo(403);
        assertThat(refused.path("status").asText()).isEqualTo("error");
        assertThat(refused.path("category").asText()).isEqualTo("MISSING_SCOPES");
        assertThat(refused.path("correlationId").asText()).isNotBlank();
        assertThat(refused.path("errors").get(0).path("context").path("requiredGranularScopes").get(0).asText()).isEqualTo(scope);
        assertThat(servedStatus).isEqualTo(200);
    }

    private Response call(HubSpotSimulator simulator, String request) throws IOException {
        String[] parts = request.split(" ", 3);
        Request.Builder builder = new Request.Builder().url(simulator.baseUrl() + parts[1]).header("Authorization", "Bearer any-token");
        if (parts[0].equals("POST")) {
            builder.post(RequestBody.create(parts[2], MediaType.get("application/json")));
        }
        return client.newCall(builder.build()).execute();
    }
}
