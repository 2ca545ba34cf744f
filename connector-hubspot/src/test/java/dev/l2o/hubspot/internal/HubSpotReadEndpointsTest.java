package dev.l2o.hubspot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.http.ReadOnlyGuard;
import org.junit.jupiter.api.Test;

class HubSpotReadEndpointsTest {
    private static final ReadOnlyGuard GUARD = ReadOnlyGuard.allowing(HubSpotApi.READ_ENDPOINTS);

    @Test
    void theSearchAndBatchReadPostsPassBecauseTheyOnlyRead() {
        assertThat(GUARD.permits("POST", "/crm/v3/objects/deals/search")).isTrue();
        assertThat(GUARD.permits("POST", "/crm/v3/objects/contacts/search")).isTrue();
        assertThat(GUARD.permits("POST", "/crm/v3/objects/contacts/batch/read")).isTrue();
        assertThat(GUARD.permits("GET", "/account-info/v3/details")).isTrue();
    }

    @Test
    void postsThatCreateUpdateOrArchiveRecordsAreRefused() {
        assertThat(GUARD.permits("POST", "/crm/v3/objects/deals")).isFalse();
        assertThat(GUARD.permits("POST", "/crm/v3/objects/deals/batch/create")).isFalse();
        assertThat(GUARD.permits("POST", "/crm/v3/objects/deals/batch/archive")).isFalse();
        assertThat(GUARD.permits("POST", "/crm/v3/objects/deals/search/extra")).isFalse();
        assertThat(GUARD.permits("PATCH", "/crm/v3/objects/deals/123")).isFalse();
        assertThat(GUARD.permits("DELETE", "/crm/v3/objects/deals/123")).isFalse();
    }
}
