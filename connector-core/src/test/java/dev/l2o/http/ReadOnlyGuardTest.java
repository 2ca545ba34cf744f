package dev.l2o.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.l2o.connector.OutputCapture;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadOnlyGuardTest {
    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private OkHttpClient client;

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        client = HttpClients.shared().newBuilder()
                .addInterceptor(ReadOnlyGuard.allowing(List.of(ReadEndpoint.post("/crm/v3/objects/\\w+/batch/read", "batch read"))))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Request.Builder request(String path) {
        return new Request.Builder().url(server.baseUrl() + path);
    }

    @Test
    void letsGetAndAllowListedPostThrough() throws IOException {
        // given
        RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));

        // when
        try (Response get = client.newCall(request("/crm/v3/objects/deals").get().build()).execute();
                Response post = client.newCall(request("/crm/v3/objects/deals/batch/read").post(body).build()).execute()) {
            // then
            assertThat(get.code()).isEqualTo(200);
            assertThat(post.code()).isEqualTo(200);
        }
        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void logsEveryRequestItLetsThroughByMethodAndPathWithoutTheQuery() throws IOException {
        // given
        RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));

        // when
        String log;
        long allowed;
        try (OutputCapture capture = OutputCapture.start()) {
            client.newCall(request("/crm/v3/objects/deals?hapikey=secret-in-a-query").get().build()).execute().close();
            client.newCall(request("/crm/v3/objects/deals/batch/read").post(body).build()).execute().close();
            log = capture.text();
            allowed = capture.requestsAllowedByTheGuard();
        }

        // then
        assertThat(allowed).isEqualTo(2);
        assertThat(log).contains("allowed GET /crm/v3/objects/deals", "allowed POST /crm/v3/objects/deals/batch/read")
                .doesNotContain("secret-in-a-query");
    }

    @Test
    void refusesWritesBeforeAnythingIsSent() {
        // given
        RequestBody body = RequestBody.create("{\"properties\":{}}", MediaType.get("application/json"));

        // when / then
        assertThatThrownBy(() -> client.newCall(request("/crm/v3/objects/deals/42").patch(body).build()).execute())
                .isInstanceOf(WriteRefusedException.class)
                .hasMessageContaining("PATCH /crm/v3/objects/deals/42");
        assertThatThrownBy(() -> client.newCall(request("/crm/v3/objects/deals").post(body).build()).execute())
                .isInstanceOf(WriteRefusedException.class);
        assertThatThrownBy(() -> client.newCall(request("/crm/v3/objects/deals/42").delete().build()).execute())
                .isInstanceOf(WriteRefusedException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
