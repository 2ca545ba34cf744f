import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the Northwind example org's data files: {@code data/OpportunityHistory.csv} (a Bulk API / Data
 * Loader export of OpportunityHistory: upper-case headers, every value quoted, {@code +0000} timestamps,
 * rows in no particular order), {@code data/Opportunity.csv} and {@code data/Lead.csv} (current record
 * values consistent with the history and the org's metadata).
 *
 * <p>The history covers 400 deals over the 18 months before 2026-11-01, then 48 renewal opportunities of the Renewal
 * sales process and has what real history has: rows
 * for amount and close-date edits that repeat the stage, equal timestamps inside one deal, skipped stages, a
 * few backward moves, stale open deals, open deals whose close date has passed, won and lost deals. The seed
 * is fixed, so every run writes the same bytes.
 *
 * <p>Run from {@code examples/northwind}: {@code java tools/GenerateData.java} (or from {@code tools/}:
 * {@code java GenerateData.java}); an argument overrides the output folder.
 */
public class GenerateData {
    private static final long SEED = 20261101L;
    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant FIRST = Instant.parse("2025-05-01T00:00:00Z");
    private static final int DEALS = 400;
    private static final int LEADS = 300;
    private static final int RENEWALS = 48;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The org's stage semantics as its OpportunityStage value set defines them (API forecast values). */
    private enum Stage {
        RENEWAL_REVIEW("Renewal Review", 60, "Pipeline", 21),
        PROSPECTING("Prospecting", 10, "Pipeline", 7),
        QUALIFICATION("Qualification", 10, "Pipeline", 12),
        NEEDS_ANALYSIS("Needs Analysis", 25, "Pipeline", 17),
        VALUE_PROPOSITION("Value Proposition", 50, "Pipeline", 9),
        PROPOSAL("Proposal/Price Quote", 50, "Pipeline", 16),
        NEGOTIATION("Negotiation/Review", 90, "Forecast", 12),
        WON("Closed Won", 100, "Closed", 0),
        LOST("Closed Lost", 0, "Omitted", 0);

        final String apiName;
        final int probability;
        final String forecastCategory;
        final double meanDays;

        Stage(String apiName, int probability, String forecastCategory, double meanDays) {
            this.apiName = apiName;
            this.probability = probability;
            this.forecastCategory = forecastCategory;
            this.meanDays = meanDays;
        }
    }

    private record Row(String id, String opportunityId, String createdById, Instant at, Stage stage, long amount,
            LocalDate closeDate) {}

    private record Deal(String id, String name, Stage stage, long amount, LocalDate closeDate, boolean reachedProposal) {}

    private static final String[] COMPANY_FIRST = {"Blue Harbor", "Redwood", "Northgate", "Silver Birch", "Ironbridge",
            "Clearwater", "Summit", "Lakeside", "Granite", "Copperfield", "Brightline", "Westmoor", "Oakhurst", "Stonebridge",
            "Highland", "Riverton", "Eastwind", "Maplecrest", "Kingsway", "Fairhaven"};
    private static final String[] COMPANY_SECOND = {"Logistics", "Foods", "Health", "Manufacturing", "Energy", "Retail",
            "Insurance", "Analytics", "Telecom", "Freight", "Pharma", "Builders", "Media", "Capital", "Systems"};
    private static final String[] PRODUCTS = {"Platform", "Analytics add-on", "Enterprise licence", "Team plan", "Expansion"};
    private static final String[] PAINS = {"Month-end close takes 12 days because orders are re-keyed by hand.",
            "Stock-outs in two warehouses cost about 4% of revenue last year.",
            "Sales and finance report different pipeline numbers every Monday.",
            "Onboarding a new customer takes six weeks of spreadsheets.",
            "The legacy system is out of support at the end of the year.",
            "Field reps spend a day a week on manual quotes.",
            "No budget this year; revisit after the reorganisation.",
            "Audit findings on access control need fixing before renewal."};
    private static final String[] CRITERIA = {"Price, SSO support, time to go live.", "Integration with SAP; references in retail.",
            "Total cost over three years; security review.", "Ease of use for 200 field reps; offline mode."};
    private static final String[] COUNTRIES = {"United States", "United States", "United States", "United Kingdom", "Germany",
            "Canada", "France", "Netherlands", "Australia"};
    private static final String[] SOURCES = {"Web", "Web", "Webinar", "Trade Show", "Partner Referral", "Outbound"};
    private static final String[] TIMELINES = {"Immediate", "0-3 months", "3-6 months", "6+ months"};

    private final Random random = new Random(SEED);
    private final List<Row> rows = new ArrayList<>();
    private final List<Deal> deals = new ArrayList<>();
    /** Renewal opportunities' Opportunity.csv values, after the new-business deals. */
    private final List<String[]> renewalDeals = new ArrayList<>();
    private final String[] owners = new String[8];
    private long historyIds;
    /** Each lead's id and current status, in Lead.csv order, for its status history. */
    private final List<String[]> leads = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0])
                : Path.of("").toAbsolutePath().getFileName().toString().equals("tools") ? Path.of("..", "data") : Path.of("data");
        Files.createDirectories(out);
        GenerateData generator = new GenerateData();
        generator.generate();
        generator.writeHistory(out.resolve("OpportunityHistory.csv"));
        generator.writeOpportunities(out.resolve("Opportunity.csv"));
        generator.writeLeads(out.resolve("Lead.csv"));
        int leadRows = generator.writeLeadHistory(out.resolve("LeadHistory.csv"));
        System.out.println("wrote " + generator.rows.size() + " history rows, " + generator.deals.size() + " opportunities, "
                + generator.renewalDeals.size() + " renewal opportunities and "
                + LEADS + " leads with " + leadRows + " lead history rows to " + out.toAbsolutePath().normalize());
    }

    private void generate() {
        for (int i = 0; i < owners.length; i++) {
            owners[i] = salesforceId("005", 1000 + i);
        }
        long window = Duration.between(FIRST, AS_OF.minus(Duration.ofDays(7))).getSeconds();
        for (int i = 0; i < DEALS; i++) {
            // More deals in recent months: the company grew.
            Instant created = businessHours(FIRST.plusSeconds((long) (Math.sqrt(random.nextDouble()) * window)));
            deal(salesforceId("006", 40000 + i), created);
        }
        // The Bulk API delivers rows in no particular order.
        Collections.shuffle(rows, random);
        renewals();
    }

    /**
     * Renewal opportunities of the Renewal sales process, created by the renewal flow 120 days before the contract
     * ends (their close date): Renewal Review, then Negotiation/Review, then renewed (Closed Won) or churned (Closed
     * Lost); some churn from the review, some stall in it past the blueprint's 45 days. Drawn from their own random
     * stream and appended after the new-business rows (themselves in no order), so the rows and records written
     * before them keep their bytes.
     */
    private void renewals() {
        Random draws = new Random(SEED + 2);
        List<Row> renewalRows = new ArrayList<>();
        long window = Duration.between(FIRST.plus(Duration.ofDays(120)), AS_OF.minus(Duration.ofDays(3))).getSeconds();
        for (int i = 0; i < RENEWALS; i++) {
            String id = salesforceId("006", 48000 + i);
            String owner = owners[draws.nextInt(owners.length)];
            Instant at = businessHours(FIRST.plus(Duration.ofDays(120)).plusSeconds((long) (draws.nextDouble() * window)), draws);
            LocalDate contractEnd = date(at).plusDays(120);
            long amount = Math.min(90_000, roundTo(500, Math.exp(9.4 + draws.nextGaussian() * 0.6)));
            Stage stage = Stage.RENEWAL_REVIEW;
            renewalRows.add(renewalRow(id, owner, at, stage, amount, contractEnd, draws));
            boolean stalls = draws.nextDouble() < 0.2;
            while (stage != Stage.WON && stage != Stage.LOST) {
                Instant next = at.plusSeconds((long) (Math.max(0.5, -stage.meanDays * (stalls ? 4 : 1) * Math.log(1 - draws.nextDouble()))
                        * 86400));
                if (next.isAfter(AS_OF)) {
                    break;
                }
                at = next;
                double draw = draws.nextDouble();
                stage = stage == Stage.RENEWAL_REVIEW ? (draw < 0.12 ? Stage.LOST : Stage.NEGOTIATION)
                        : draw < 0.85 ? Stage.WON : Stage.LOST;
                LocalDate closeDate = stage == Stage.WON || stage == Stage.LOST ? date(at) : contractEnd;
                renewalRows.add(renewalRow(id, owner, at, stage, amount, closeDate, draws));
            }
            Row last = renewalRows.get(renewalRows.size() - 1);
            String company = COMPANY_FIRST[draws.nextInt(COMPANY_FIRST.length)] + " " + COMPANY_SECOND[draws.nextInt(COMPANY_SECOND.length)];
            renewalDeals.add(new String[] {id, company + " - Renewal", last.stage.apiName, Long.toString(amount), last.closeDate.toString(),
                    "Renewal of the current subscription before the contract ends.", salesforceId("003", 7000 + i),
                    "Renewal price and the next term's service levels."});
        }
        Collections.shuffle(renewalRows, draws);
        rows.addAll(renewalRows);
    }

    private Row renewalRow(String opportunityId, String owner, Instant at, Stage stage, long amount, LocalDate closeDate, Random draws) {
        String createdBy = draws.nextDouble() < 0.1 ? salesforceId("005", 999) : owner;
        return new Row(salesforceId("008", 700000 + historyIds++), opportunityId, createdBy, at, stage, amount, closeDate);
    }

    private void deal(String id, Instant created) {
        String owner = owners[random.nextInt(owners.length)];
        long amount = roundTo(500, Math.exp(9.2 + random.nextGaussian() * 0.8));
        LocalDate closeDate = date(created).plusDays(45 + random.nextInt(90));
        boolean stalls = random.nextDouble() < 0.15;
        // Some deals are never closed out: they sit in a stage until someone cleans up the pipeline.
        boolean abandoned = random.nextDouble() < 0.08;
        boolean keepsOldCloseDate = random.nextDouble() < 0.5;
        Instant at = created;
        Stage stage = random.nextDouble() < 0.06 ? Stage.PROSPECTING : Stage.QUALIFICATION;
        row(id, owner, at, stage, amount, closeDate);
        if (stage == Stage.PROSPECTING) {
            at = at.plus(days(stage.meanDays));
            if (at.isAfter(AS_OF)) {
                deals.add(deal(id, stage, amount, closeDate, false));
                return;
            }
            stage = Stage.QUALIFICATION;
            row(id, owner, at, stage, amount, closeDate);
        } else if (random.nextDouble() < 0.04) {
            // The same save wrote two rows: the deal was created and moved on in one transaction.
            stage = Stage.NEEDS_ANALYSIS;
            row(id, owner, at, stage, amount, closeDate);
        }
        boolean reachedProposal = false;
        boolean wentBack = false;
        while (true) {
            double mean = stage.meanDays * (stalls && random.nextDouble() < 0.5 ? 6 : 1);
            Instant next = abandoned && stage != Stage.QUALIFICATION && random.nextDouble() < 0.6 ? AS_OF.plusSeconds(86400)
                    : at.plus(days(mean));
            // Amount and close-date edits inside the stay repeat the stage.
            int edits = random.nextDouble() < 0.55 ? 1 + random.nextInt(2) : 0;
            for (int e = 0; e < edits; e++) {
                Instant editAt = businessHours(at.plusSeconds((long) (random.nextDouble() * Duration.between(at, next).getSeconds())));
                if (editAt.isAfter(AS_OF) || !editAt.isAfter(at) || !editAt.isBefore(next)) {
                    continue;
                }
                if (random.nextBoolean()) {
                    amount = roundTo(500, amount * (0.8 + random.nextDouble() * 0.35));
                } else if (!keepsOldCloseDate) {
                    closeDate = closeDate.plusDays(14 + random.nextInt(31));
                }
                row(id, owner, editAt, stage, amount, closeDate);
            }
            if (next.isAfter(AS_OF)) {
                deals.add(deal(id, stage, amount, closeDate, reachedProposal));
                return;
            }
            at = next;
            Stage following = following(stage, wentBack);
            if (stage == Stage.NEGOTIATION && following == Stage.PROPOSAL) {
                wentBack = true;
            }
            stage = following;
            reachedProposal |= stage == Stage.PROPOSAL || stage == Stage.NEGOTIATION || stage == Stage.WON;
            if (stage == Stage.WON || stage == Stage.LOST) {
                closeDate = date(at);
                row(id, owner, at, stage, amount, closeDate);
                deals.add(deal(id, stage, amount, closeDate, reachedProposal));
                return;
            }
            row(id, owner, at, stage, amount, closeDate);
            if (random.nextDouble() < 0.04) {
                // A flow changed the amount in the same transaction: a second row with the same timestamp.
                amount = roundTo(500, amount * 1.1);
                row(id, owner, at, stage, amount, closeDate);
            }
        }
    }

    private Stage following(Stage stage, boolean wentBack) {
        double draw = random.nextDouble();
        return switch (stage) {
            case RENEWAL_REVIEW, PROSPECTING -> Stage.QUALIFICATION;
            case QUALIFICATION -> draw < 0.25 ? Stage.LOST : draw < 0.33 ? Stage.PROPOSAL : Stage.NEEDS_ANALYSIS;
            case NEEDS_ANALYSIS -> draw < 0.18 ? Stage.LOST : draw < 0.45 ? Stage.VALUE_PROPOSITION : draw < 0.49 ? Stage.NEGOTIATION
                    : Stage.PROPOSAL;
            case VALUE_PROPOSITION -> draw < 0.15 ? Stage.LOST : Stage.PROPOSAL;
            case PROPOSAL -> draw < 0.22 ? Stage.LOST : Stage.NEGOTIATION;
            case NEGOTIATION -> !wentBack && draw < 0.07 ? Stage.PROPOSAL : draw < 0.35 ? Stage.LOST : Stage.WON;
            case WON, LOST -> stage;
        };
    }

    private Deal deal(String id, Stage stage, long amount, LocalDate closeDate, boolean reachedProposal) {
        String company = COMPANY_FIRST[random.nextInt(COMPANY_FIRST.length)] + " " + COMPANY_SECOND[random.nextInt(COMPANY_SECOND.length)];
        String name = company + " - " + PRODUCTS[random.nextInt(PRODUCTS.length)];
        return new Deal(id, name, stage, amount, closeDate, reachedProposal);
    }

    private void row(String opportunityId, String owner, Instant at, Stage stage, long amount, LocalDate closeDate) {
        String createdBy = random.nextDouble() < 0.1 ? salesforceId("005", 999) : owner;
        rows.add(new Row(salesforceId("008", 700000 + historyIds++), opportunityId, createdBy, at, stage, amount, closeDate));
    }

    private void writeHistory(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, "ID", "OPPORTUNITYID", "CREATEDBYID", "CREATEDDATE", "STAGENAME", "AMOUNT", "PROBABILITY", "CLOSEDATE",
                    "FORECASTCATEGORY", "ISDELETED");
            for (Row row : rows) {
                line(out, row.id, row.opportunityId, row.createdById, TIMESTAMP.format(row.at), row.stage.apiName,
                        Long.toString(row.amount), Integer.toString(row.stage.probability), row.closeDate.toString(),
                        row.stage.forecastCategory, "false");
            }
        }
    }

    private void writeOpportunities(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, "Id", "Name", "StageName", "Amount", "CloseDate", "Pain__c", "Economic_Buyer__c", "Decision_Criteria__c");
            int contacts = 0;
            for (Deal deal : deals) {
                boolean pastDiscovery = deal.stage != Stage.PROSPECTING && deal.stage != Stage.QUALIFICATION;
                String pain = pastDiscovery ? PAINS[random.nextInt(PAINS.length)] : random.nextDouble() < 0.3 ? PAINS[random.nextInt(PAINS.length)] : "";
                String buyer = pastDiscovery && random.nextDouble() < 0.55 ? salesforceId("003", 5000 + contacts++) : "";
                String criteria = deal.reachedProposal && random.nextDouble() < 0.65 ? CRITERIA[random.nextInt(CRITERIA.length)] : "";
                line(out, deal.id, deal.name, deal.stage.apiName, Long.toString(deal.amount), deal.closeDate.toString(), pain, buyer,
                        criteria);
            }
            for (String[] renewal : renewalDeals) {
                line(out, renewal);
            }
        }
    }

    private void writeLeads(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, "Id", "Company", "LeadSource", "Status", "NumberOfEmployees", "Country", "Budget__c", "Timeline__c");
            for (int i = 0; i < LEADS; i++) {
                double draw = random.nextDouble();
                String status = draw < 0.2 ? "Open - Not Contacted" : draw < 0.45 ? "Marketing Qualified" : draw < 0.6 ? "Sales Qualified"
                        : draw < 0.75 ? "Recycled" : "Closed - Converted";
                boolean qualified = status.equals("Sales Qualified") || status.equals("Closed - Converted");
                long employees = Math.max(5, Math.round(Math.exp(5.5 + random.nextGaussian() * 1.6)));
                String budget = random.nextDouble() < (qualified ? 0.7 : 0.3) ? Long.toString(roundTo(1000, Math.exp(10.5 + random.nextGaussian()))) : "";
                String timeline = random.nextDouble() < (qualified ? 0.6 : 0.2) ? TIMELINES[random.nextInt(TIMELINES.length)] : "";
                String company = COMPANY_FIRST[random.nextInt(COMPANY_FIRST.length)] + " " + COMPANY_SECOND[random.nextInt(COMPANY_SECOND.length)];
                leads.add(new String[] {salesforceId("00Q", 20000 + i), status});
                line(out, salesforceId("00Q", 20000 + i), company, SOURCES[random.nextInt(SOURCES.length)], status,
                        Long.toString(employees), COUNTRIES[random.nextInt(COUNTRIES.length)], budget, timeline);
            }
        }
    }

    /**
     * LeadHistory as a Data Loader export: a {@code created} row per lead, a {@code Status} row per status
     * change ending in the lead's current status, a {@code leadConverted} row for converted leads. Drawn from
     * its own random stream, so the files written before it keep their bytes. Outbound and sales-sourced leads
     * go straight to Sales Qualified; only about a third of the qualified leads came through marketing, which
     * puts MQL to SQL conversion below the blueprint's 32% (see DRIFT.md).
     *
     * @return the rows written
     */
    private int writeLeadHistory(Path file) throws IOException {
        Random draws = new Random(SEED + 1);
        List<String[]> history = new ArrayList<>();
        long window = Duration.between(FIRST, AS_OF.minus(Duration.ofDays(30))).getSeconds();
        long ids = 0;
        for (String[] lead : leads) {
            String id = lead[0];
            String status = lead[1];
            String owner = owners[draws.nextInt(owners.length)];
            Instant at = businessHours(FIRST.plusSeconds((long) (draws.nextDouble() * window)), draws);
            history.add(new String[] {salesforceId("017", 900000 + ids++), id, owner, TIMESTAMP.format(at), "created", "", ""});
            List<String> path = new ArrayList<>(List.of("Open - Not Contacted"));
            boolean qualified = status.equals("Sales Qualified") || status.equals("Closed - Converted");
            if (!status.equals("Open - Not Contacted") && (!qualified || draws.nextDouble() < 0.37)) {
                path.add("Marketing Qualified");
            }
            if (qualified) {
                path.add("Sales Qualified");
            }
            if (status.equals("Recycled") || status.equals("Closed - Converted")) {
                path.add(status);
            }
            for (int i = 1; i < path.size(); i++) {
                Instant next = businessHours(at.plus(Duration.ofSeconds((long) (Math.max(0.3, -6 * Math.log(1 - draws.nextDouble()))
                        * 86400))), draws);
                // A change on the same day may draw an earlier hour; it still follows the one before.
                at = next.isAfter(at) ? next : at.plus(Duration.ofHours(1));
                history.add(new String[] {salesforceId("017", 900000 + ids++), id, owner, TIMESTAMP.format(at), "Status",
                        path.get(i - 1), path.get(i)});
            }
            if (status.equals("Closed - Converted")) {
                history.add(new String[] {salesforceId("017", 900000 + ids++), id, owner, TIMESTAMP.format(at), "leadConverted",
                        "", ""});
            }
        }
        Collections.shuffle(history, draws);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, "Id", "LeadId", "CreatedById", "CreatedDate", "Field", "DataType", "OldValue", "NewValue", "IsDeleted");
            for (String[] row : history) {
                boolean status = row[4].equals("Status");
                line(out, row[0], row[1], row[2], row[3], row[4], status ? "Text" : "", row[5], row[6], "false");
            }
        }
        return history.size();
    }

    private static void line(Writer out, String... values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append('"').append(values[i].replace("\"", "\"\"")).append('"');
        }
        out.write(line.append('\n').toString());
    }

    /** A stay of about {@code mean} days (exponential, at least a few hours), ending in business hours. */
    private Duration days(double mean) {
        double value = Math.max(0.2, -mean * Math.log(1 - random.nextDouble()));
        return Duration.ofSeconds((long) (value * 86400));
    }

    private Instant businessHours(Instant at) {
        return businessHours(at, random);
    }

    private static Instant businessHours(Instant at, Random draws) {
        LocalDate day = date(at);
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(8 * 3600 + draws.nextInt(10 * 3600));
    }

    private static LocalDate date(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static long roundTo(long step, double value) {
        return Math.max(step, Math.round(value / step) * step);
    }

    /** An 18-character Salesforce id: key prefix, pod, number, and the case-encoding checksum suffix. */
    static String salesforceId(String prefix, long number) {
        String base = prefix + "5g" + String.format(Locale.ROOT, "%010d", number);
        StringBuilder id = new StringBuilder(base);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = base.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            id.append(alphabet.charAt(bits));
        }
        return id.toString();
    }
}
