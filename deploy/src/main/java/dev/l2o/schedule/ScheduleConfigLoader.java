package dev.l2o.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.blueprint.BlueprintProblem;
import dev.l2o.blueprint.CheckedYaml;
import dev.l2o.blueprint.SourcePosition;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.blueprint.YamlSchema;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.notify.NotificationTarget;
import dev.l2o.report.ReportWriters;
import dev.l2o.rules.Severity;
import dev.l2o.store.StoreDialect;
import dev.l2o.store.StoreSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
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
 * Reads and validates a schedule file (CONTRACT.md section 7). The file is read like a blueprint, by the same
 * reader: YAML with positions, checked against the shipped JSON Schema {@code schedule.schema.json} (unknown
 * keys, wrong types, missing keys, ranges, variable names), every error naming the file, line and column. What
 * a schema cannot say is checked here at the same positions: cron syntax, time zones, sources, report formats
 * (those of {@link ReportWriters}), unique names, a cluster's store. Relative paths are resolved against the
 * file's folder. Environment variables named in the file are not read here, only when they are used.
 */
public final class ScheduleConfigLoader {
    private static final YamlSchema SCHEMA = YamlSchema.fromResource(ScheduleConfigLoader.class, "schedule.schema.json",
            "the schedule file");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> DEFAULT_FORMATS = List.of("json", "html");

    private final String file;
    private final SourcePositions positions;
    private final Path folder;

    private ScheduleConfigLoader(String file, SourcePositions positions, Path folder) {
        this.file = file;
        this.positions = positions;
        this.folder = folder;
    }

    /** The schedule file's JSON Schema, as JSON text. */
    static String schema() {
        return SCHEMA.text();
    }

    /**
     * Loads a schedule file.
     *
     * @throws L2oException BAD_CONFIG with {@code file:line:column: message} for an invalid file,
     *     UNREADABLE_FILE when it cannot be read
     */
    public static ScheduleConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = file.toString();
        String text;
        try {
            text = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, name + ": cannot read the file: " + e.getMessage(), e);
        }
        CheckedYaml yaml = SCHEMA.read(text.startsWith("\uFEFF") ? text.substring(1) : text, name);
        if (!yaml.problems().isEmpty()) {
            BlueprintProblem first = yaml.problems().get(0);
            throw new L2oException(ErrorCode.BAD_CONFIG, first.format());
        }
        if (yaml.root() == null) {
            throw new L2oException(ErrorCode.BAD_CONFIG, name + ":1:1: the file is empty");
        }
        return new ScheduleConfigLoader(name, yaml.positions(), absolute.getParent()).config(yaml.root(), absolute);
    }

    private ScheduleConfig config(JsonNode root, Path absolute) {
        Path dataDir = folder.resolve(text(root, "dataDir").orElse("./l2o-data")).normalize();
        StoreSettings store = StoreSettings.embedded();
        JsonNode storeNode = root.path("store");
        if (storeNode.isObject()) {
            Optional<String> jdbcUrl = text(storeNode, "jdbcUrl");
            jdbcUrl.ifPresent(url -> {
                try {
                    StoreDialect.of(url, "store.jdbcUrl");
                } catch (L2oException e) {
                    throw error("/store/jdbcUrl", e.getMessage());
                }
            });
            store = new StoreSettings(jdbcUrl, text(storeNode, "usernameEnv"), text(storeNode, "passwordEnv"));
        }
        boolean cluster = root.path("cluster").asBoolean(false);
        if (cluster && store.jdbcUrl().filter(url -> url.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw error("/cluster", "cluster: true needs a PostgreSQL store shared by every process (store.jdbcUrl: jdbc:postgresql://…)");
        }
        JsonNode httpNode = root.path("http");
        Optional<HttpSettings> http = httpNode.isObject()
                ? Optional.of(new HttpSettings(text(httpNode, "bindAddress").orElse(HttpSettings.LOOPBACK), httpNode.path("port").intValue()))
                : Optional.empty();
        int workers = root.path("workers").asInt(2);
        int shutdownGrace = root.path("shutdownGraceSeconds").asInt(60);
        List<ScheduledAudit> audits = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode auditList = root.path("audits");
        for (int index = 0; index < auditList.size(); index++) {
            String pointer = SourcePositions.pointer("audits", index);
            ScheduledAudit audit = audit(auditList.get(index), pointer, "audits[" + index + "]", dataDir);
            if (!names.add(audit.name())) {
                throw error(pointer + "/name", "audits[" + index + "].name: another audit is already named '" + audit.name() + "'");
            }
            audits.add(audit);
        }
        return new ScheduleConfig(absolute, dataDir, store, cluster, http, workers, shutdownGrace, audits);
    }

    private ScheduledAudit audit(JsonNode node, String pointer, String path, Path dataDir) {
        String name = node.path("name").textValue();
        Map<String, String> sourceOptions = new TreeMap<>();
        for (String option : List.of("instanceUrl", "loginUrl", "baseUrl")) {
            text(node, option).ifPresent(value -> sourceOptions.put(option, value));
        }
        SourceSpec source;
        try {
            source = SourceSpec.parse(node.path("source").textValue().trim(), sourceOptions);
        } catch (L2oException e) {
            throw error(pointer + "/source", path + ".source: " + e.getMessage());
        }
        if ((source.scheme().equals("sfdx") || source.scheme().equals("snapshot")) && !source.location().isEmpty()) {
            // a relative folder or file in the source is relative to the schedule file, like every other path
            source = new SourceSpec(source.scheme(), folder.resolve(source.location()).normalize().toString(), source.options());
        }
        String cron = text(node, "schedule").orElse(ScheduledAudit.DEFAULT_CRON);
        if (!CronExpression.isValidExpression(cron)) {
            String reason;
            try {
                CronExpression.validateExpression(cron);
                reason = "invalid";
            } catch (ParseException e) {
                reason = e.getMessage();
            }
            throw error(pointer + "/schedule", path + ".schedule: not a Quartz cron expression ('" + cron + "': "
                    + reason + "); e.g. \"0 0 2 * * ?\" is every night at 02:00");
        }
        ZoneId timeZone = text(node, "timeZone").map(zone -> {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw error(pointer + "/timeZone", path + ".timeZone: unknown time zone '" + zone
                        + "'; use a region id such as Europe/London or UTC");
            }
        }).orElse(ZoneId.of("UTC"));
        Optional<Severity> failOn = Optional.of(Severity.ERROR);
        Optional<String> failOnText = text(node, "failOn").map(value -> value.toLowerCase(Locale.ROOT));
        if (failOnText.isPresent()) {
            String text = failOnText.get();
            failOn = text.equals("never") ? Optional.empty() : Optional.of(Severity.parse(text).orElseThrow(() ->
                    error(pointer + "/failOn", path + ".failOn: use error, warning, info or never")));
        }
        List<String> formats = node.has("formats") ? formats(node.path("formats"), pointer + "/formats", path + ".formats")
                : DEFAULT_FORMATS;
        Path outputDirectory = text(node, "outputDir").map(folder::resolve)
                .orElse(dataDir.resolve("reports").resolve(name)).normalize();
        int retentionRuns = node.path("retention").path("runs").asInt(ScheduledAudit.DEFAULT_RETENTION_RUNS);
        List<NotificationTarget> notifications = new ArrayList<>();
        for (JsonNode target : node.path("notify")) {
            notifications.add(text(target, "slackWebhookEnv").<NotificationTarget>map(NotificationTarget.SlackWebhook::new)
                    .orElseGet(() -> new NotificationTarget.JsonWebhook(text(target, "webhookEnv").orElseThrow())));
        }
        Map<String, CredentialSource> credentials = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("credentials").properties()) {
            String variable = entry.getKey();
            if (!VARIABLE.matcher(variable).matches()) {
                throw error(SourcePositions.child(pointer + "/credentials", variable), false,
                        path + ".credentials." + variable + ": not an environment variable name");
            }
            Optional<String> env = text(entry.getValue(), "env");
            credentials.put(variable, env.<CredentialSource>map(CredentialSource.FromEnvironment::new)
                    .orElseGet(() -> new CredentialSource.FromFile(folder.resolve(text(entry.getValue(), "file").orElseThrow()).normalize())));
        }
        return new ScheduledAudit(name, source,
                text(node, "historyCsv").map(folder::resolve).map(Path::normalize),
                folder.resolve(text(node, "blueprint").orElseThrow()).normalize(),
                text(node, "baseline").map(folder::resolve).map(Path::normalize),
                text(node, "ruleset").map(folder::resolve).map(Path::normalize),
                cron, timeZone, failOn, formats, outputDirectory, retentionRuns, notifications, credentials);
    }

    /** The chosen formats, each one {@link ReportWriters} knows, in the order given, without repeats. */
    private List<String> formats(JsonNode list, String pointer, String path) {
        List<String> known = ReportWriters.formats();
        List<String> chosen = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            String format = list.get(index).textValue().trim().toLowerCase(Locale.ROOT);
            if (!known.contains(format)) {
                throw error(SourcePositions.child(pointer, index), path + ": unknown format '" + format + "'; use one of "
                        + String.join(", ", known));
            }
            if (!chosen.contains(format)) {
                chosen.add(format);
            }
        }
        return chosen;
    }

    /** The trimmed text of {@code key}; empty when the key is absent (the schema has checked that it is text). */
    private static Optional<String> text(JsonNode mapping, String key) {
        JsonNode value = mapping.get(key);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.textValue().trim());
    }

    /** A user error at the value of the node at {@code pointer}. */
    private L2oException error(String pointer, String message) {
        return error(pointer, true, message);
    }

    private L2oException error(String pointer, boolean atValue, String message) {
        SourcePosition position = (atValue ? positions.valueOf(pointer) : positions.of(pointer)).orElse(new SourcePosition(1, 1));
        return new L2oException(ErrorCode.BAD_CONFIG, new BlueprintProblem(file, position, message).format());
    }
}
