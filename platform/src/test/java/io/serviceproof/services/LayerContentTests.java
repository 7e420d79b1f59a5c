package io.serviceproof.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.services.content.ContentJson;
import io.serviceproof.services.content.ContentProblem;
import io.serviceproof.services.content.CrossBorderFlow;
import io.serviceproof.services.content.DataFlowAnalysis;
import io.serviceproof.services.content.DataFlowSvg;
import io.serviceproof.services.content.LayerContent;
import io.serviceproof.services.content.LayerContentValidator;
import io.serviceproof.services.content.Rates;
import io.serviceproof.services.content.SloExpression;
import io.serviceproof.services.content.VersionDiff;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a layer's content obeys, on small documents built by hand. */
class LayerContentTests {

    @Test
    void sloExpressionsParseAndJudgeMeasurements() {
        SloExpression latency = SloExpression.parse("p95(latency_ms) <= 300");
        assertThat(latency.aggregate()).isEqualTo("p95");
        assertThat(latency.quantity()).isEqualTo("latency_ms");
        assertThat(latency.met(new BigDecimal("300"))).isTrue();
        assertThat(latency.met(new BigDecimal("300.1"))).isFalse();

        SloExpression availability = SloExpression.parse(" availability >= 99.5% ");
        assertThat(availability.aggregate()).isNull();
        assertThat(availability.met(new BigDecimal("99.49"))).isFalse();
        assertThat(availability.toString()).isEqualTo("availability >= 99.5");

        assertThatThrownBy(() -> SloExpression.parse("latency is fast")).hasMessageContaining("is not of the form");
        assertThatThrownBy(() -> SloExpression.parse("p42(latency_ms) <= 3"))
                .hasMessageContaining("unknown aggregate 'p42'");
        assertThatThrownBy(() -> SloExpression.parse("")).hasMessageContaining("required");
    }

    @Test
    void everyBuiltInTemplateIsPublishableAsShipped() {
        for (LayerTemplates.Template template : new LayerTemplates().all()) {
            assertThat(LayerContentValidator.problems(template.content()))
                    .as(template.key())
                    .isEmpty();
        }
        assertThat(new LayerTemplates()
                        .get("ai-remote-quality-inspection")
                        .content()
                        .sla()
                        .slos())
                .extracting(LayerContent.Slo::id)
                .contains("availability", "latency-p95", "false-accept");
    }

    @Test
    void problemsNameTheirLocation() {
        LayerContent content = new LayerContent(
                null,
                new LayerContent.SlaDefinition(
                        Map.of("uptime", "x"),
                        List.of(
                                new LayerContent.Slo("a", "A", "availability >= 99", "%", "month", null, null),
                                new LayerContent.Slo("a", "", "fast", null, null, null, null))),
                new LayerContent.DataFlow(
                        List.of(new LayerContent.FlowNode("edge", "Edge", "OT", "XX")),
                        List.of(new LayerContent.Flow("edge", "cloud", List.of(), false, null))),
                null,
                null,
                null,
                null,
                null);
        assertThat(LayerContentValidator.problems(content))
                .extracting(ContentProblem::location)
                .containsExactlyInAnyOrder(
                        "/sla/contentAreas/uptime",
                        "/sla/slos/1/id",
                        "/sla/slos/1/metric",
                        "/sla/slos/1/expression",
                        "/dataFlow/nodes/0/country",
                        "/dataFlow/flows/0/to");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> ContentJson.fromJson("{\"sla\":{\"slos\":[{\"id\":\"a\",\"target\":99}]}}"))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e).problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.location()).isEqualTo("/sla/slos/0/target")));
    }

    @Test
    void personalDataLeavingAMarketEngagesBothCountriesLaws() {
        LayerContent.DataFlow flows = new LayerContent.DataFlow(
                List.of(
                        new LayerContent.FlowNode("edge", "Edge box", "customer OT", "VN"),
                        new LayerContent.FlowNode("cloud", "Cloud", "vendor", "CN"),
                        new LayerContent.FlowNode("lake", "Lake", "vendor", "CN")),
                List.of(
                        new LayerContent.Flow("edge", "cloud", List.of("images", "operator ids"), true, null),
                        new LayerContent.Flow("cloud", "edge", List.of("model"), false, null),
                        new LayerContent.Flow("cloud", "lake", List.of("images"), true, null)));
        List<DataFlowAnalysis.Law> laws = List.of(
                new DataFlowAnalysis.Law("VN", "vn", "Vietnam PDP"),
                new DataFlowAnalysis.Law("CN", "cn", "PIPL"),
                new DataFlowAnalysis.Law("TH", "th", "Thai PDPA"));

        List<CrossBorderFlow> found = DataFlowAnalysis.crossBorder(flows, laws, Set.of("VN", "TH"));

        assertThat(found).hasSize(2);
        assertThat(found.get(0).laws())
                .extracting(
                        CrossBorderFlow.EngagedLaw::label,
                        CrossBorderFlow.EngagedLaw::why,
                        CrossBorderFlow.EngagedLaw::targetMarket)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Vietnam PDP", "outbound", true),
                        org.assertj.core.groups.Tuple.tuple("PIPL", "inbound", false));
        assertThat(found.get(1).laws())
                .as("no personal data, no data-protection law")
                .isEmpty();
    }

    @Test
    void wilsonIntervalsMatchKnownValuesAndStayInRange() {
        Rates rates = Rates.of(new LayerContent.ConfusionMatrix(9650, 150, 2, 198));
        // 2 of 200: 1.0 %, Wilson 95 % interval 0.27 %..3.57 %.
        assertThat(rates.falseAccept().rate()).isEqualTo(0.01);
        assertThat(rates.falseAccept().low()).isBetween(0.0027, 0.0028);
        assertThat(rates.falseAccept().high()).isBetween(0.0356, 0.0358);
        Rates none = Rates.of(new LayerContent.ConfusionMatrix(100, 0, 0, 50));
        assertThat(none.falseReject().low()).isZero();
        assertThat(none.falseReject().high()).isBetween(0.036, 0.038);
    }

    @Test
    void versionsDifferFieldByField() {
        var before = ContentJson.tree(
                "{\"sla\":{\"slos\":[{\"id\":\"a\",\"expression\":\"availability >= 99\"}]},\"risks\":[\"x\"]}");
        var after = ContentJson.tree(
                "{\"sla\":{\"slos\":[{\"id\":\"a\",\"expression\":\"availability >= 99.5\"}]},\"risks\":[]}");
        assertThat(VersionDiff.between(before, after))
                .extracting(VersionDiff.Change::path, VersionDiff.Change::before, VersionDiff.Change::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/risks/0", "x", null),
                        org.assertj.core.groups.Tuple.tuple(
                                "/sla/slos/0/expression", "availability >= 99", "availability >= 99.5"));
    }

    @Test
    void theDiagramEscapesWhatPeopleTyped() {
        String svg = DataFlowSvg.render(new LayerContent.DataFlow(
                List.of(
                        new LayerContent.FlowNode("a", "<script>alert(1)</script>", "z", "VN"),
                        new LayerContent.FlowNode("b", "B & C", "z", "CN")),
                List.of(new LayerContent.Flow("a", "b", List.of("images"), true, null))));
        assertThat(svg)
                .startsWith("<svg")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;", "B &amp; C", "#c0392b");
    }

    @Test
    void openSloRoundTripsEveryTemplatesObjectives() {
        for (LayerTemplates.Template template : new LayerTemplates().all()) {
            List<LayerContent.Slo> slos = template.content().sla().slos();
            if (slos.isEmpty()) {
                continue;
            }
            String yaml = io.serviceproof.services.content.OpenSlo.export(template.key(), slos);
            assertThat(yaml).contains("apiVersion: \"openslo/v1\"", "kind: \"SLO\"", "thresholdMetric");
            assertThat(io.serviceproof.services.content.OpenSlo.read(yaml))
                    .as(template.key())
                    .isEqualTo(slos);
        }
    }

    @Test
    void openSloFromOtherToolsAndItsErrors() {
        String ratio = """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: api-availability
                  displayName: API availability
                spec:
                  service: wms
                  indicator:
                    metadata: {name: good-requests}
                    spec:
                      ratioMetric:
                        counter: true
                        good: {metricSource: {type: Prometheus, spec: {query: 'sum(http_requests{code!~"5.."})'}}}
                        total: {metricSource: {type: Prometheus, spec: {query: 'sum(http_requests)'}}}
                  timeWindow: [{duration: 28d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{displayName: Good, target: 0.995}]
                """;
        assertThat(io.serviceproof.services.content.OpenSlo.read(ratio))
                .singleElement()
                .satisfies(slo -> {
                    assertThat(slo.expression()).isEqualTo("ratio(api_availability) >= 99.5");
                    assertThat(slo.window()).isEqualTo("28d");
                    assertThat(slo.unit()).isEqualTo("%");
                });
        assertThatThrownBy(() -> io.serviceproof.services.content.OpenSlo.read(
                        "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: x}\n---\n"
                                + ratio.replace("openslo/v1", "openslo/v2")))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e).problems())
                        .extracting(UnprocessableDocumentException.Problem::location)
                        .containsExactly("document 1 kind", "document 2 apiVersion"));
    }
}
