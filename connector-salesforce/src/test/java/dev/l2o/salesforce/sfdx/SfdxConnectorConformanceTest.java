package dev.l2o.salesforce.sfdx;

import dev.l2o.connector.ConnectorConformanceTest;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SourceSpec;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The connector contract for {@code sfdx:PATH}, on the Northwind example project. */
class SfdxConnectorConformanceTest extends ConnectorConformanceTest {
    private Path project = RepositoryFiles.file("examples/northwind");

    @Override
    protected CrmConnectorFactory factory() {
        return new SfdxConnectorFactory();
    }

    @Override
    protected SourceSpec sourceSpec() {
        return SourceSpec.parse("sfdx:" + project, Map.of());
    }

    @Override
    protected String expectedCrm() {
        return "salesforce";
    }

    /** Credentials a user auditing a project may well have exported for other sources: none may leak. */
    @Override
    protected Map<String, String> environment() {
        return Map.of("SF_USERNAME", "integration@northwind.example", "SF_PASSWORD", "Northwind-Conformance-Passw0rd",
                "SF_ACCESS_TOKEN", "00D5g000004Xy1Z!AQ8AQJXg5oZ.conformance.sfdx.token");
    }

    @Override
    protected long requestsReceived() {
        return 0;
    }

    /** A project whose only field file is cut off in the middle of an element. */
    @Override
    protected void breakSource() {
        project = workDirectory.resolve("broken");
        Path object = project.resolve("force-app/main/default/objects/Opportunity/fields/Amount.field-meta.xml");
        try {
            Files.createDirectories(object.getParent());
            Files.writeString(project.resolve("sfdx-project.json"), "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}]}");
            Files.writeString(object, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                    + "    <fullName>Amount</fullName><type>Curr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
