package org.bedsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.dist.Exponential;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKind;
import org.bedsim.stats.ConfidenceInterval;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Hand-built inputs for chart tests, and helpers to read what was drawn. */
final class ChartFixtures {
    static final LocalDate START = LocalDate.of(2016, 4, 1);

    private static FlowSummary summary;

    private ChartFixtures() {
    }

    static ConfidenceInterval ci(double mean, double halfWidth) {
        return new ConfidenceInterval(mean, halfWidth, 0.95, 20);
    }

    /** The LLR acute bridge's shape: 1940 beds in 2016/17 to 1697 in 2020/21 through five steps. */
    static BridgeResult llrBridge() {
        double[] deltas = {150, -128, -180, -50, -35};
        String[] ids = {"growth", "integrated-teams", "los", "aec", "sites"};
        String[] labels = {"Growth", "Integrated teams", "Length of stay", "Ambulatory care", "Three sites to two"};
        List<BridgeResult.Bar> bars = new ArrayList<>();
        double running = 1940;
        for (int i = 0; i < deltas.length; i++) {
            running += deltas[i];
            bars.add(new BridgeResult.Bar(ids[i], labels[i], List.of("assumed"), ci(deltas[i], 12 + i),
                    ci(deltas[i], 12), ci(deltas[i], 12), ci(running, 20)));
        }
        List<BridgeResult.YearBeds> trajectory = List.of(new BridgeResult.YearBeds(2016, ci(1940, 15)),
                new BridgeResult.YearBeds(2017, ci(1900, 18)), new BridgeResult.YearBeds(2018, ci(1830, 20)),
                new BridgeResult.YearBeds(2019, ci(1760, 22)), new BridgeResult.YearBeds(2020, ci(1697, 25)));
        return new BridgeResult(ci(1940, 15), ci(1697, 25), bars, ci(0, 1), true, trajectory, 20, 6);
    }

    /** A bridge with the given step labels and changes, base 100, no trajectory. */
    static BridgeResult bridge(String[] labels, double[] deltas, double halfWidth) {
        List<BridgeResult.Bar> bars = new ArrayList<>();
        double running = 100;
        for (int i = 0; i < deltas.length; i++) {
            running += deltas[i];
            bars.add(new BridgeResult.Bar("s" + i, labels[i], List.of(), ci(deltas[i], halfWidth),
                    ci(deltas[i], halfWidth), ci(deltas[i], halfWidth), ci(running, halfWidth)));
        }
        return new BridgeResult(ci(100, halfWidth), ci(running, halfWidth), bars, ci(0, 0), true, List.of(), 20,
                deltas.length + 1);
    }

    /**
     * A small real run: an acute ward (30 beds, 24 from day 60) sending 30 % of patients to a 12-bed community ward,
     * which is often full, so some acute patients wait for it. Four replications of 120 days; computed once.
     */
    static synchronized FlowSummary summary() {
        if (summary == null) {
            CareSetting acute = new CareSetting("acute", SettingKind.ACUTE, new CapacityTimeline(List.of(
                    new CapacityTimeline.Step(0, 30), new CapacityTimeline.Step(60, 24))), AdmissionPolicy.WAIT,
                    CareSetting.QueuePriority.FIFO);
            CareSetting community = CareSetting.of("community", SettingKind.COMMUNITY, CapacityTimeline.constant(12));
            Cohort medical = new Cohort("medical", Cohort.AdmissionType.NON_ELECTIVE, "all", "acute",
                    ArrivalPattern.flat(1500), null,
                    Map.of("acute", Exponential.ofMean(4), "community", Exponential.ofMean(8)),
                    Map.of("acute", List.of(new Route("community", 0.3), new Route("home", 0.7))), null, null);
            FlowSettings settings = new FlowSettings(List.of(acute, community, CareSetting.sink("home")),
                    List.of(medical), START, 30, 120, 0.85, 0.05, false);
            summary = FlowExperiment.run(settings, 42, 4, 1);
        }
        return summary;
    }

    /** @return the parsed SVG, failing on anything that is not well-formed XML; no external entity is fetched */
    static Document parseSvg(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(svg));
    }

    /** @return every text drawn in the SVG (the contents of its text elements), in order */
    static List<String> texts(String svg) throws Exception {
        Document doc = parseSvg(svg.getBytes(StandardCharsets.UTF_8));
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** @return the decoded PNG, failing if ImageIO cannot read it */
    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "not a PNG");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number of distinct colours in an image */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    static String svg(JFreeChart chart) {
        return new ChartWriter().svg(chart, "test");
    }
}
