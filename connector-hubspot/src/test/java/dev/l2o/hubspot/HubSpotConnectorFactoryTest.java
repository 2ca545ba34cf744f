package dev.l2o.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotConnectorFactoryTest {
    private static ConnectorContext context(Map<String, String> environment) {
        return new ConnectorContext(Clock.systemUTC(), environment, Path.of("target"), ProgressListener.NONE);
    }

    @Test
    void isFoundByTheSourceName() {
        // given
        SourceSpec spec = SourceSpec.parse("hubspot", Map.of());

        // when / then
        assertThat(CrmConnectors.factoryFor(spec)).isInstanceOf(HubSpotConnectorFactory.class);
        assertThat(new HubSpotConnectorFactory().settings()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("HUBSPOT_TOKEN");
            assertThat(s.sensitive()).isTrue();
        });
    }

    @Test
    void refusesToStartWithoutAToken() {
        // given
        SourceSpec spec = SourceSpec.parse("hubspot", Map.of());

        // when / then
        assertThatThrownBy(() -> new HubSpotConnectorFactory().create(spec, context(Map.of())))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE))
                .hasMessageStartingWith("HUBSPOT_TOKEN is not set");
    }

    @Test
    void refusesABaseUrlThatIsNotAnHttpUrl() {
        // given
        SourceSpec spec = SourceSpec.parse("hubspot", Map.of("baseUrl", "ftp://example.com"));

        // when / then
        assertThatThrownBy(() -> new HubSpotConnectorFactory().create(spec, context(Map.of("HUBSPOT_TOKEN", "pat-na1-x"))))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
                .hasMessageContaining("--base-url");
    }
}
