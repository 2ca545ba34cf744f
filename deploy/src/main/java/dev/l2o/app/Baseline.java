package dev.l2o.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accepted findings ({@code l2o baseline}, {@code --baseline FILE}): findings already in the baseline are
 * reported but do not fail a run; only new ones do. A finding is identified by rule id and subject, so a
 * changed count or message on the same subject stays accepted.
 *
 * @param accepted {@code ruleId + " " + subject} of every accepted finding, sorted
 */
public record Baseline(Set<String> accepted) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FORMAT = "l2o-baseline";

    public Baseline {
        accepted = Set.copyOf(new TreeSet<>(accepted));
    }

    /** No accepted findings: every finding counts. */
    public static Baseline none() {
        return new Baseline(Set.of());
    }

    public boolean contains(Finding finding) {
        return accepted.contains(key(finding.ruleId(), finding.subject()));
    }

    private static String key(String ruleId, String subject) {
        return ruleId + " " + subject;
    }

    /** The findings of a {@code report.json} written by {@code l2o audit}. */
    public static Baseline fromReport(Path reportJson) {
        JsonNode report = readJson(reportJson);
        JsonNode findings = report.path("findings");
        if (!findings.isArray() || !report.has("schemaVersion")) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, reportJson + " is not a report.json written by l2o audit (no findings array)");
        }
        Set<String> keys = new TreeSet<>();
        addAll(keys, findings, reportJson);
        addAll(keys, report.path("baselined"), reportJson);
        return new Baseline(keys);
    }

    /** A baseline file written by {@link #write}. */
    public static Baseline read(Path file) {
        JsonNode root = readJson(file);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, file + " is not an l2o baseline file (write one with l2o baseline --report REPORT.json --out FILE)");
        }
        Set<String> keys = new TreeSet<>();
        addAll(keys, root.path("findings"), file);
        return new Baseline(keys);
    }

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode findings = root.putArray("findings");
        for (String key : new TreeSet<>(accepted)) {
            int space = key.indexOf(' ');
            findings.addObject().put("ruleId", key.substring(0, space)).put("subject", key.substring(space + 1));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }

    private static void addAll(Set<String> keys, JsonNode findings, Path file) {
        for (JsonNode finding : findings) {
            String ruleId = finding.path("ruleId").asText("");
            String subject = finding.path("subject").asText("");
            if (ruleId.isEmpty() || subject.isEmpty()) {
                throw new L2oException(ErrorCode.BAD_ARGUMENT, file + ": a finding without ruleId or subject");
            }
            keys.add(key(ruleId, subject));
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new L2oException(ErrorCode.BAD_ARGUMENT, file + where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
