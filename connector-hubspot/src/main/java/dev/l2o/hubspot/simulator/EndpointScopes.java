package dev.l2o.hubspot.simulator;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The private-app scope each simulated endpoint requires, as HubSpot enforces it per endpoint: a token without
 * it gets 403 {@code MISSING_SCOPES} naming the scope. One row per endpoint family; every scope of the
 * README's least-privilege table appears here, which {@code EndpointScopesTest} checks.
 */
final class EndpointScopes {
    private record Row(String method, Pattern path, String scope) {}

    private static final List<Row> ROWS = List.of(
            new Row("GET", Pattern.compile("/crm/v3/pipelines/deals"), "crm.objects.deals.read"),
            new Row("GET", Pattern.compile("/crm/v3/properties/(deals|0-3)"), "crm.schemas.deals.read"),
            new Row("GET", Pattern.compile("/crm/v3/properties/(contacts|0-1)"), "crm.schemas.contacts.read"),
            new Row("GET", Pattern.compile("/crm/v3/properties/(companies|0-2)"), "crm.schemas.companies.read"),
            new Row("GET", Pattern.compile("/crm/v3/owners"), "crm.objects.owners.read"),
            new Row("GET", Pattern.compile("/automation/v4/flows(/\\d+)?"), "automation"),
            new Row("POST", Pattern.compile("/automation/v4/flows/batch/read"), "automation"),
            new Row("GET", Pattern.compile("/crm/v3/objects/(deals|0-3)"), "crm.objects.deals.read"),
            new Row("POST", Pattern.compile("/crm/v3/objects/(deals|0-3)/batch/read"), "crm.objects.deals.read"),
            new Row("GET", Pattern.compile("/crm/v3/objects/(contacts|0-1)"), "crm.objects.contacts.read"));

    private EndpointScopes() {}

    /** The scope {@code method path} requires; empty for a path the simulator does not serve. */
    static Optional<String> required(String method, String path) {
        return ROWS.stream()
                .filter(row -> row.method().equals(method) && row.path().matcher(path).matches())
                .map(Row::scope)
                .findFirst();
    }

    /** Every scope some endpoint requires, in table order without repeats. */
    static List<String> all() {
        return ROWS.stream().map(Row::scope).distinct().toList();
    }
}
