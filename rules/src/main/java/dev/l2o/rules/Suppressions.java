package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a blueprint's {@code suppress} entries to findings.
 *
 * <p>An entry matches a finding when its {@code ruleId} equals the finding's exactly and its {@code subject}
 * equals the finding's subject, where each {@code *} in the entry's subject stands for any run of characters
 * (none included). An entry whose {@code until} is before {@code today} no longer suppresses; the finding counts
 * again and a notice says so. An entry without {@code until} never expires. {@code reason} is checked by the
 * blueprint loader, not here.
 */
public final class Suppressions {
    private Suppressions() {}

    /**
     * @param findings the findings, usually sorted by {@link Finding#ORDER}; the order is kept
     * @param suppress the blueprint's entries
     * @param today the audit's date, which decides expiry
     */
    public static SuppressionResult apply(List<Finding> findings, List<Suppression> suppress, LocalDate today) {
        requireNonNull(findings, "findings is null");
        requireNonNull(suppress, "suppress is null");
        requireNonNull(today, "today is null");
        List<Matcher> matchers = suppress.stream().map(Matcher::new).toList();
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        Set<Matcher> expiredAndUsed = new LinkedHashSet<>();
        for (Finding finding : findings) {
            Matcher active = null;
            for (Matcher matcher : matchers) {
                if (!matcher.matches(finding)) {
                    continue;
                }
                if (matcher.expiredOn(today)) {
                    expiredAndUsed.add(matcher);
                } else if (active == null) {
                    active = matcher;
                }
            }
            if (active == null) {
                kept.add(finding);
            } else {
                suppressed.add(new SuppressedFinding(finding, active.suppression));
            }
        }
        List<String> notices = matchers.stream()
                .filter(expiredAndUsed::contains)
                .map(m -> "suppression of " + m.suppression.ruleId() + " for " + m.suppression.subject()
                        + " expired on " + m.suppression.until() + "; the finding counts again")
                .toList();
        return new SuppressionResult(kept, suppressed, notices);
    }

    /** One entry, with its subject glob compiled once. */
    private static final class Matcher {
        private final Suppression suppression;
        private final Pattern subject;

        Matcher(Suppression suppression) {
            this.suppression = requireNonNull(suppression, "suppression is null");
            requireNonNull(suppression.ruleId(), "suppression ruleId is null");
            requireNonNull(suppression.subject(), "suppression subject is null");
            this.subject = glob(suppression.subject());
        }

        boolean matches(Finding finding) {
            return suppression.ruleId().equals(finding.ruleId()) && subject.matcher(finding.subject()).matches();
        }

        boolean expiredOn(LocalDate today) {
            return suppression.until() != null && suppression.until().isBefore(today);
        }

        private static Pattern glob(String text) {
            StringBuilder regex = new StringBuilder();
            int start = 0;
            for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
                regex.append(Pattern.quote(text.substring(start, star))).append(".*");
                start = star + 1;
            }
            regex.append(Pattern.quote(text.substring(start)));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
