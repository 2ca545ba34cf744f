package dev.l2o.salesforce.sfdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.ExportCsv;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.ResourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsCsvTest {
    private static final List<FieldDef> FIELDS = List.of(field("Amount", "Currency"), field("IsWon", "Checkbox"),
            field("StageName", "Picklist"));

    @TempDir
    Path folder;

    @Test
    void valuesAreTypedByTheFieldAndColumnsMatchInAnyCase() throws IOException {
        Path file = Files.writeString(folder.resolve("Opportunity.csv"),
                "\uFEFFid,AMOUNT,isWon,StageName,Region__c\r\n006A,1200.5,true,Qualification,EMEA\r\n006B,,0,,\r\n");

        List<CrmRecord> records = RecordsCsv.read(file, "data/Opportunity.csv", "Opportunity", FIELDS);

        assertThat(records).extracting(CrmRecord::id).containsExactly("006A", "006B");
        assertThat(records.get(0).values()).containsEntry("Amount", 1200.5).containsEntry("IsWon", true)
                .containsEntry("StageName", "Qualification").containsEntry("Region__c", "EMEA");
        assertThat(records.get(1).values()).containsEntry("Amount", null).containsEntry("IsWon", false);
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheFieldLimitWithTheLine() throws IOException {
        Path file = Files.writeString(folder.resolve("Opportunity.csv"),
                "Id,StageName\n006A,Qualification\n006B,\"" + "x".repeat(ExportCsv.MAX_FIELD_CHARACTERS + 10) + "\n");

        assertThatThrownBy(() -> RecordsCsv.read(file, "data/Opportunity.csv", "Opportunity", FIELDS))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE))
                .hasMessage("data/Opportunity.csv:3: a field is longer than " + ExportCsv.MAX_FIELD_CHARACTERS
                        + " characters (is a quote left open?)");
    }

    @Test
    void aValueThatIsNotANumberNamesTheLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("Opportunity.csv"), "Id,Amount\n006A,12k\n");

        assertThatThrownBy(() -> RecordsCsv.read(file, "data/Opportunity.csv", "Opportunity", FIELDS))
                .hasMessage("data/Opportunity.csv:2: column Amount: '12k' is not a number");
    }

    private static FieldDef field(String name, String type) {
        return new FieldDef("Opportunity", name, name, type, false, false, List.of(), null, null, false,
                ResourceRef.of("salesforce", "Opportunity." + name));
    }
}
