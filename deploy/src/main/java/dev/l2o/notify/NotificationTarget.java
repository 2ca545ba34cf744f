package dev.l2o.notify;

import static java.util.Objects.requireNonNull;

/**
 * Where an audit's notifications go. Webhook URLs carry their credentials in the path, so the schedule file
 * names the environment variable that holds the URL, never the URL itself.
 */
public sealed interface NotificationTarget {
    /** The environment variable holding the webhook URL. */
    String urlEnv();

    /** A printable name of the target for logs (never the URL). */
    String describe();

    /** The JSON request body announcing {@code change} to this target. */
    String body(RunChange change);

    /** A Slack incoming webhook ({@code slackWebhookEnv} in the schedule file). */
    record SlackWebhook(String urlEnv) implements NotificationTarget {
        public SlackWebhook {
            requireNonNull(urlEnv, "urlEnv is null");
        }

        @Override
        public String describe() {
            return "Slack webhook ($" + urlEnv + ")";
        }

        @Override
        public String body(RunChange change) {
            return NotificationMessages.slack(change);
        }
    }

    /** A generic webhook that receives the run as JSON ({@code webhookEnv} in the schedule file). */
    record JsonWebhook(String urlEnv) implements NotificationTarget {
        public JsonWebhook {
            requireNonNull(urlEnv, "urlEnv is null");
        }

        @Override
        public String describe() {
            return "JSON webhook ($" + urlEnv + ")";
        }

        @Override
        public String body(RunChange change) {
            return NotificationMessages.json(change);
        }
    }
}
