package dev.l2o.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireShapesTest {
    @Test
    void jsonOfTheSameShapeWithOtherValuesAgrees() {
        // given
        String recorded = "{\"results\":[{\"id\":\"1\",\"amount\":\"5\",\"archived\":false}],\"paging\":{\"next\":{\"after\":\"2\"}}}";
        String served = "{\"paging\":{\"next\":{\"after\":\"x\"}},\"results\":[{\"id\":\"9\",\"amount\":null,\"archived\":true},{\"id\":\"8\"}]}";

        // when, then
        assertThat(WireShapes.jsonDifferences(recorded, served)).isEmpty();
    }

    @Test
    void jsonWithAMissingKeyAnExtraKeyOrAnotherTypeDiffers() {
        // given
        String recorded = "{\"results\":[{\"id\":\"1\",\"probability\":\"0.2\"}],\"paging\":{}}";
        String served = "{\"results\":[{\"id\":1,\"probability\":\"0.2\",\"label\":\"x\"}]}";

        // when, then
        assertThat(WireShapes.jsonDifferences(recorded, served)).containsExactlyInAnyOrder("$.paging: recorded, not served",
                "$.results[0].id: string recorded, number served", "$.results[0].label: served, not recorded");
    }

    @Test
    void xmlDiffersInChildOrderAndMissingRecordTypesButNotInTextOrRepetition() {
        // given
        String recorded = "<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><records xsi:type=\"Flow\"><a>1</a><b/><b/></records></r>";
        String sameShape = "<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><records xsi:type=\"m:Flow\"><a>2</a><b/></records></r>";
        String otherShape = "<r><records><b/><a>1</a></records></r>";

        // when, then
        assertThat(WireShapes.xmlDifferences(recorded, sameShape)).isEmpty();
        assertThat(WireShapes.xmlDifferences(recorded, otherShape)).hasSize(2)
                .anySatisfy(difference -> assertThat(difference).contains("xsi:type 'Flow' recorded, '' served"))
                .anySatisfy(difference -> assertThat(difference).contains("children [a, b] recorded, [b, a] served"));
    }
}
