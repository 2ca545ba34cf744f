package dev.l2o.notify;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run's notifications when its outcome or findings changed (see {@link RunChange#changed()}).
 * Failures are logged, naming the target's environment variable but never its URL (a webhook URL is a
 * secret), and never propagate: a notification cannot fail an audit. Thread-safe.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final Map<String, String> environment;

    /** @param environment where the webhook URLs are read, by the variable names the targets give */
    public Notifier(Map<String, String> environment) {
        this(new OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(15))
                .followRedirects(false)
                .build(), environment);
    }

    public Notifier(OkHttpClient client, Map<String, String> environment) {
        this.client = requireNonNull(client, "client is null");
        this.environment = Map.copyOf(environment);
    }

    /**
     * Sends {@code change} to every target if it {@linkplain RunChange#changed() changed}.
     *
     * @return how many targets accepted the notification
     */
    public int notifyIfChanged(RunChange change, List<NotificationTarget> targets) {
        if (targets.isEmpty() || !change.changed()) {
            return 0;
        }
        int delivered = 0;
        for (NotificationTarget target : targets) {
            if (send(change, target)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean send(RunChange change, NotificationTarget target) {
        String audit = change.current().auditName();
        String url = environment.get(target.urlEnv());
        if (url == null || url.isBlank()) {
            LOG.warn("audit {}: {} not sent: environment variable {} is not set", audit, target.describe(), target.urlEnv());
            return false;
        }
        String body = target.body(change);
        Request request;
        try {
            request = new Request.Builder().url(url.trim()).post(RequestBody.create(body, JSON)).build();
        } catch (IllegalArgumentException e) {
            LOG.warn("audit {}: {} not sent: the variable does not hold an http(s) URL", audit, target.describe());
            return false;
        }
        try (Response response = client.newCall(request).execute()) {
            if (response.isSuccessful()) {
                LOG.info("audit {}: notified {}", audit, target.describe());
                return true;
            }
            LOG.warn("audit {}: {} answered HTTP {}", audit, target.describe(), response.code());
        } catch (IOException | RuntimeException e) {
            // the exception's message may contain the URL, so only its type is logged
            LOG.warn("audit {}: {} failed: {}", audit, target.describe(), e.getClass().getSimpleName());
        }
        return false;
    }
}
