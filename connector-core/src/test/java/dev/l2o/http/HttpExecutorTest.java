package dev.l2o.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExecutorTest {
    private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final ManualTime time = new ManualTime();
    private HttpExecutor executor;

    @BeforeEach
    void start() {
        server.start();
        executor = HttpExecutor.builder("test", HttpClients.shared().newBuilder().readTimeout(Duration.ofSeconds(3)).build())
                .sleeper(time)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofSeconds(30)))
                .redactor(SecretRedactor.of(List.of(TOKEN)))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** An executor with the shared client's read timeout, for tests where no timeout is meant to happen on a loaded machine. */
    private HttpExecutor patientExecutor() {
        return HttpExecutor.builder("test", HttpClients.shared()).sleeper(time)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofSeconds(30))).build();
    }

    private String call() throws IOException {
        Request request = new Request.Builder().url(server.baseUrl() + "/data").header("Authorization", "Bearer " + TOKEN).build();
        return executor.execute(request, response -> response.body().string());
    }

    private void stubSequence(ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "step" + (i + 1);
            server.stubFor(get(urlPathEqualTo("/data")).inScenario("s").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void retriesAServerErrorAfterABackoffAndReturnsTheLaterSuccess() throws IOException {
        // given
        stubSequence(aResponse().withStatus(503), aResponse().withStatus(502), aResponse().withStatus(200).withBody("ok"));

        // when
        String body = call();

        // then
        assertThat(body).isEqualTo("ok");
        server.verify(3, getRequestedFor(urlPathEqualTo("/data")));
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(executor.stats()).isEqualTo(new HttpExecutor.Stats(3, 2, 0));
    }

    @Test
    void doesNotRetryAnAuthenticationFailure() {
        // given
        stubSequence(aResponse().withStatus(401).withBody("{\"message\":\"bad token " + TOKEN + "\"}"));

        // when / then
        assertThatThrownBy(this::call)
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.body()).isEqualTo("{\"message\":\"bad token ***\"}");
                    assertThat(e.getMessage()).isEqualTo("GET /data answered HTTP 401");
                });
        server.verify(1, getRequestedFor(urlPathEqualTo("/data")));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttempts() {
        // given
        stubSequence(aResponse().withStatus(500));

        // when / then
        assertThatThrownBy(this::call).isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(500));
        server.verify(4, getRequestedFor(urlPathEqualTo("/data")));
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void retriesConnectionResetsAndTimeouts() throws IOException {
        // given
        stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withBody("late").withFixedDelay(10_000),
                aResponse().withStatus(200).withBody("ok"));

        // when
        String body = call();

        // then
        assertThat(body).isEqualTo("ok");
        assertThat(executor.stats().requests()).isEqualTo(3);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysWhenThrottled() throws IOException {
        // given
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "3"), aResponse().withStatus(200).withBody("ok"));

        // when
        String body = call();

        // then
        assertThat(body).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(executor.stats().throttled()).isEqualTo(1);
    }

    @Test
    void givesUpWhenTheServerAsksForALongerWaitThanAllowed() {
        // given
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "3600"));

        // when / then
        assertThatThrownBy(this::call).isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(429));
        server.verify(1, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void retriesAnHtmlPageAnsweredWithStatus200WhereJsonWasAskedFor() throws IOException {
        // given
        stubSequence(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody("{}"));
        Request request = new Request.Builder().url(server.baseUrl() + "/data").header("Accept", "application/json").build();

        // when
        String body = patientExecutor().execute(request, response -> response.body().string());

        // then
        assertThat(body).isEqualTo("{}");
        server.verify(2, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void givesUpOnABodyOfAnotherMediaTypeAfterTheMaximumNumberOfAttempts() {
        // given
        stubSequence(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>"));
        Request request = new Request.Builder().url(server.baseUrl() + "/data").header("Accept", "text/csv").build();

        // when / then
        assertThatThrownBy(() -> patientExecutor().execute(request, response -> response.body().string()))
                .isInstanceOf(UnexpectedContentException.class)
                .hasMessage("GET /data answered HTTP 200 with text/html where text/csv was asked for");
        server.verify(4, getRequestedFor(urlPathEqualTo("/data")));
    }
}
