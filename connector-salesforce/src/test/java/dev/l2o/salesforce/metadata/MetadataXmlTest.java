package dev.l2o.salesforce.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import org.junit.jupiter.api.Test;

/** The parser a thread reuses behaves as a fresh one: after a good document, after a broken one, and securely. */
class MetadataXmlTest {
    private static final String FLOW = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                <label>%s</label>
            </Flow>
            """;

    @Test
    void consecutiveDocumentsOnOneThreadAreReadEachFromItsOwnText() {
        // when
        XmlElement first = MetadataXml.parse(FLOW.formatted("First"), "first.flow-meta.xml");
        XmlElement second = MetadataXml.parse(FLOW.formatted("Second"), "second.flow-meta.xml");

        // then
        assertThat(first.text("label")).isEqualTo("First");
        assertThat(second.text("label")).isEqualTo("Second");
        assertThat(second.child("label").orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void aDocumentAfterABrokenOneIsReadFromItsStart() {
        // given a document that fails in the middle of an element
        assertThatThrownBy(() -> MetadataXml.parse("<Flow><label>unclosed</Flow>", "broken.flow-meta.xml"))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessageStartingWith("broken.flow-meta.xml:1:");

        // when
        XmlElement next = MetadataXml.parse(FLOW.formatted("Next"), "next.flow-meta.xml");

        // then
        assertThat(next.name()).isEqualTo("Flow");
        assertThat(next.text("label")).isEqualTo("Next");
    }

    @Test
    void aDoctypeIsRefusedAlsoByAParserThatReadDocumentsBefore() {
        // given
        MetadataXml.parse(FLOW.formatted("Before"), "before.flow-meta.xml");

        // when / then
        assertThatThrownBy(() -> MetadataXml.parse("""
                <?xml version="1.0"?>
                <!DOCTYPE Flow [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Flow><label>&xxe;</label></Flow>
                """, "entity.flow-meta.xml"))
                .isInstanceOf(L2oException.class)
                .hasMessageStartingWith("entity.flow-meta.xml:2:")
                .hasMessageContaining("DOCTYPE");
        assertThat(MetadataXml.parse(FLOW.formatted("After"), "after.flow-meta.xml").text("label")).isEqualTo("After");
    }
}
