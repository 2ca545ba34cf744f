package dev.l2o.schedule;

import com.fasterxml.jackson.core.JsonToken;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.L2oException;
import dev.l2o.notify.NotificationTarget;
import dev.l2o.rules.Severity;
import dev.l2o.schedule.YamlNode.Entry;
import dev.l2o.schedule.YamlNode.Mapping;
import dev.l2o.schedule.YamlNode.Position;
import dev.l2o.schedule.YamlNode.Scalar;
import dev.l2o.schedule.YamlNode.Sequence;
import dev.l2o.store.StoreDialect;
import dev.l2o.store.StoreSettings;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Reads and validates a schedule file (CONTRACT.md section 7). Like a blueprint, unknown keys, wrong types and
 * invalid values are errors that name the file, line and column; relative paths are resolved against the
 * file's folder. Environment variables named in the file are not read here, only when they are used.
 */
public final class ScheduleConfigLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> FORMATS = List.of("text", "json", "md", "html", "junit", "sarif");
    private static final List<String> DEFAULT_FORMATS = List.of("json", "html");

    private ScheduleConfigLoader() {}

    /**
     * Loads a schedule file.
     *
     * @throws L2oException BAD_CONFIG with {@code file:line:column: message} for an invalid file,
     *     UNREADABLE_FILE when it cannot be read
     */
    public static ScheduleConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        YamlNode root = YamlNode.parse(absolute, file.toString());
        Fields top = Fields.of(root, "the schedule file");
        top.allowOnly("apiVersion", "kind", "dataDir", "store", "cluster", "http", "workers", "shutdownGraceSeconds", "audits");
        top.expectConstant("apiVersion", "l2o/v1");
        top.expectConstant("kind", "AuditSchedule");
        Path dataDir = folder.resolve(top.string("dataDir").orElse("./l2o-data")).normalize();

        StoreSettings store = StoreSettings.embedded();
        Optional<Fields> storeFields = top.mapping("store");
        if (storeFields.isPresent()) {
            Fields fields = storeFields.get();
            fields.allowOnly("jdbcUrl", "usernameEnv", "passwordEnv");
            Optional<String> jdbcUrl = fields.string("jdbcUrl");
            jdbcUrl.ifPresent(url -> {
                try {
                    StoreDialect.of(url, "store.jdbcUrl");
                } catch (L2oException e) {
                    throw fields.position("jdbcUrl").error(e.getMessage());
                }
            });
            store = new StoreSettings(jdbcUrl, fields.variableName("usernameEnv"), fields.variableName("passwordEnv"));
        }
        boolean cluster = top.bool("cluster").orElse(false);
        if (cluster && store.jdbcUrl().filter(url -> url.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw top.position("cluster").error("cluster: true needs a PostgreSQL store shared by every process (store.jdbcUrl: jdbc:postgresql://…)");
        }
        Optional<HttpSettings> http = top.mapping("http").map(fields -> {
            fields.allowOnly("port", "bindAddress");
            int port = fields.integer("port", 0, 65_535).orElseThrow(() -> fields.missing("port"));
            return new HttpSettings(fields.string("bindAddress").orElse(HttpSettings.LOOPBACK), port);
        });
        int workers = top.integer("workers", 1, 64).orElse(2);
        int shutdownGrace = top.integer("shutdownGraceSeconds", 0, 86_400).orElse(60);

        Sequence auditList = top.list("audits").orElseThrow(() -> top.missing("audits"));
        if (auditList.items().isEmpty()) {
            throw auditList.position().error("audits: the list is empty; declare at least one audit");
        }
        List<ScheduledAudit> audits = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int index = 0; index < auditList.items().size(); index++) {
            Fields fields = Fields.of(auditList.items().get(index), "audits[" + index + "]");
            ScheduledAudit audit = audit(fields, folder, dataDir);
            if (!names.add(audit.name())) {
                throw fields.position("name").error("audits[" + index + "].name: another audit is already named '" + audit.name() + "'");
            }
            audits.add(audit);
        }
        return new ScheduleConfig(absolute, dataDir, store, cluster, http, workers, shutdownGrace, audits);
    }

    private static ScheduledAudit audit(Fields fields, Path folder, Path dataDir) {
        fields.allowOnly("name", "source", "instanceUrl", "loginUrl", "baseUrl", "historyCsv", "blueprint", "baseline",
                "schedule", "timeZone", "failOn", "formats", "outputDir", "retention", "notify", "credentials");
        String name = fields.string("name").orElseThrow(() -> fields.missing("name"));
        if (!NAME.matcher(name).matches()) {
            throw fields.position("name").error(fields.path("name")
                    + ": use letters, digits, '.', '_' and '-' (at most 100, starting with a letter or digit): it names a folder");
        }
        String sourceText = fields.string("source").orElseThrow(() -> fields.missing("source"));
        Map<String, String> sourceOptions = new TreeMap<>();
        for (String option : List.of("instanceUrl", "loginUrl", "baseUrl")) {
            fields.string(option).ifPresent(value -> sourceOptions.put(option, value));
        }
        SourceSpec source;
        try {
            source = SourceSpec.parse(sourceText, sourceOptions);
        } catch (L2oException e) {
            throw fields.position("source").error(fields.path("source") + ": " + e.getMessage());
        }
        if ((source.scheme().equals("sfdx") || source.scheme().equals("snapshot")) && !source.location().isEmpty()) {
            // a relative folder or file in the source is relative to the schedule file, like every other path
            source = new SourceSpec(source.scheme(), folder.resolve(source.location()).normalize().toString(), source.options());
        }
        Path blueprint = fields.string("blueprint").map(folder::resolve).map(Path::normalize)
                .orElseThrow(() -> fields.missing("blueprint"));
        String cron = fields.string("schedule").orElse(ScheduledAudit.DEFAULT_CRON);
        if (!CronExpression.isValidExpression(cron)) {
            String reason;
            try {
                CronExpression.validateExpression(cron);
                reason = "invalid";
            } catch (java.text.ParseException e) {
                reason = e.getMessage();
            }
            throw fields.position("schedule").error(fields.path("schedule") + ": not a Quartz cron expression ('" + cron + "': "
                    + reason + "); e.g. \"0 0 2 * * ?\" is every night at 02:00");
        }
        ZoneId timeZone = fields.string("timeZone").map(zone -> {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw fields.position("timeZone").error(fields.path("timeZone") + ": unknown time zone '" + zone
                        + "'; use a region id such as Europe/London or UTC");
            }
        }).orElse(ZoneId.of("UTC"));
        Optional<Severity> failOn = Optional.of(Severity.ERROR);
        Optional<String> failOnText = fields.string("failOn");
        if (failOnText.isPresent()) {
            String text = failOnText.get().trim().toLowerCase(Locale.ROOT);
            failOn = text.equals("never") ? Optional.empty() : Optional.of(Severity.parse(text).orElseThrow(() ->
                    fields.position("failOn").error(fields.path("failOn") + ": use error, warning, info or never")));
        }
        List<String> formats = DEFAULT_FORMATS;
        Optional<Sequence> formatList = fields.list("formats");
        if (formatList.isPresent()) {
            List<String> chosen = new ArrayList<>();
            for (YamlNode item : formatList.get().items()) {
                String format = scalarText(item, fields.path("formats") + "[]").toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw item.position().error(fields.path("formats") + ": unknown format '" + format + "'; use one of "
                            + String.join(", ", FORMATS));
                }
                if (!chosen.contains(format)) {
                    chosen.add(format);
                }
            }
            if (chosen.isEmpty()) {
                throw formatList.get().position().error(fields.path("formats") + ": the list is empty");
            }
            formats = chosen;
        }
        Path outputDirectory = fields.string("outputDir").map(folder::resolve)
                .orElse(dataDir.resolve("reports").resolve(name)).normalize();
        int retentionRuns = fields.mapping("retention").map(retention -> {
            retention.allowOnly("runs");
            return retention.integer("runs", 1, 100_000).orElseThrow(() -> retention.missing("runs"));
        }).orElse(ScheduledAudit.DEFAULT_RETENTION_RUNS);
        List<NotificationTarget> notifications = new ArrayList<>();
        Optional<Sequence> notifyList = fields.list("notify");
        if (notifyList.isPresent()) {
            for (int index = 0; index < notifyList.get().items().size(); index++) {
                Fields target = Fields.of(notifyList.get().items().get(index), fields.path("notify") + "[" + index + "]");
                target.allowOnly("slackWebhookEnv", "webhookEnv");
                Optional<String> slack = target.variableName("slackWebhookEnv");
                Optional<String> webhook = target.variableName("webhookEnv");
                if (slack.isPresent() == webhook.isPresent()) {
                    throw target.node.position().error(target.prefix + ": give exactly one of slackWebhookEnv or webhookEnv");
                }
                notifications.add(slack.<NotificationTarget>map(NotificationTarget.SlackWebhook::new)
                        .orElseGet(() -> new NotificationTarget.JsonWebhook(webhook.orElseThrow())));
            }
        }
        Map<String, CredentialSource> credentials = new LinkedHashMap<>();
        Optional<Fields> credentialFields = fields.mapping("credentials");
        if (credentialFields.isPresent()) {
            for (Entry entry : credentialFields.get().node.entries().values()) {
                String variable = entry.key();
                if (!VARIABLE.matcher(variable).matches()) {
                    throw entry.keyPosition().error(credentialFields.get().path(variable) + ": not an environment variable name");
                }
                Fields credential = Fields.of(entry.value(), credentialFields.get().path(variable));
                credential.allowOnly("env", "file");
                Optional<String> env = credential.variableName("env");
                Optional<String> file = credential.string("file");
                if (env.isPresent() == file.isPresent()) {
                    throw entry.value().position().error(credential.prefix + ": give exactly one of env or file");
                }
                credentials.put(variable, env.<CredentialSource>map(CredentialSource.FromEnvironment::new)
                        .orElseGet(() -> new CredentialSource.FromFile(folder.resolve(file.orElseThrow()).normalize())));
            }
        }
        return new ScheduledAudit(name, source,
                fields.string("historyCsv").map(folder::resolve).map(Path::normalize),
                blueprint,
                fields.string("baseline").map(folder::resolve).map(Path::normalize),
                cron, timeZone, failOn, formats, outputDirectory, retentionRuns, notifications, credentials);
    }

    private static String scalarText(YamlNode node, String path) {
        if (node instanceof Scalar scalar && scalar.token() != JsonToken.VALUE_NULL
                && scalar.token() != JsonToken.VALUE_EMBEDDED_OBJECT) {
            return scalar.text();
        }
        throw node.position().error(path + ": expected a string, got " + node.kind());
    }

    /** The keys of one mapping, read with type checks; every error names its position and key path. */
    private static final class Fields {
        private final Mapping node;
        private final String prefix;

        private Fields(Mapping node, String prefix) {
            this.node = node;
            this.prefix = prefix;
        }

        static Fields of(YamlNode node, String path) {
            if (node instanceof Mapping mapping) {
                return new Fields(mapping, path);
            }
            throw node.position().error(path + ": expected a mapping, got " + node.kind());
        }

        String path(String key) {
            return prefix.equals("the schedule file") ? key : prefix + "." + key;
        }

        void allowOnly(String... keys) {
            List<String> known = List.of(keys);
            for (Entry entry : node.entries().values()) {
                if (!known.contains(entry.key())) {
                    throw entry.keyPosition().error("unknown key '" + path(entry.key()) + "'; known keys here: "
                            + String.join(", ", known));
                }
            }
        }

        Position position(String key) {
            Entry entry = node.entries().get(key);
            return entry == null ? node.position() : entry.value().position();
        }

        L2oException missing(String key) {
            return node.position().error(path(key) + " is required");
        }

        private Optional<YamlNode> value(String key) {
            Entry entry = node.entries().get(key);
            if (entry == null || entry.value() instanceof Scalar scalar && scalar.token() == JsonToken.VALUE_NULL) {
                return Optional.empty();
            }
            return Optional.of(entry.value());
        }

        Optional<String> string(String key) {
            return value(key).map(value -> {
                String text = scalarText(value, path(key));
                if (text.isBlank()) {
                    throw value.position().error(path(key) + " is empty");
                }
                return text.trim();
            });
        }

        Optional<String> variableName(String key) {
            return string(key).map(name -> {
                if (!VARIABLE.matcher(name).matches()) {
                    throw position(key).error(path(key) + ": '" + name + "' is not an environment variable name"
                            + " (the file names the variable that holds the secret, never the secret)");
                }
                return name;
            });
        }

        void expectConstant(String key, String expected) {
            String actual = string(key).orElseThrow(() -> missing(key));
            if (!actual.equals(expected)) {
                throw position(key).error(path(key) + ": expected '" + expected + "', got '" + actual + "'");
            }
        }

        Optional<Boolean> bool(String key) {
            return value(key).map(value -> {
                if (value instanceof Scalar scalar && (scalar.token() == JsonToken.VALUE_TRUE || scalar.token() == JsonToken.VALUE_FALSE)) {
                    return scalar.token() == JsonToken.VALUE_TRUE;
                }
                throw value.position().error(path(key) + ": expected true or false, got " + value.kind());
            });
        }

        Optional<Integer> integer(String key, int min, int max) {
            return value(key).map(value -> {
                if (value instanceof Scalar scalar && scalar.token() == JsonToken.VALUE_NUMBER_INT) {
                    long number;
                    try {
                        number = Long.parseLong(scalar.text().replace("_", ""));
                    } catch (NumberFormatException e) {
                        number = Long.MAX_VALUE;
                    }
                    if (number < min || number > max) {
                        throw value.position().error(path(key) + ": " + scalar.text() + " is out of range " + min + "–" + max);
                    }
                    return (int) number;
                }
                throw value.position().error(path(key) + ": expected an integer, got " + value.kind());
            });
        }

        Optional<Fields> mapping(String key) {
            return value(key).map(value -> Fields.of(value, path(key)));
        }

        Optional<Sequence> list(String key) {
            return value(key).map(value -> {
                if (value instanceof Sequence sequence) {
                    return sequence;
                }
                throw value.position().error(path(key) + ": expected a list, got " + value.kind());
            });
        }
    }
}
