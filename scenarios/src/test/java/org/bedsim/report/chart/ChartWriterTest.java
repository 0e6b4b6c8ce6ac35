package org.bedsim.report.chart;

import static org.bedsim.report.chart.ChartFixtures.llrBridge;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartWriterTest {
    @TempDir
    Path dir;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_chart_writesPngOfFixedSizeThatIsNotBlank() throws Exception {
        List<Path> written = new ChartWriter().write(Charts.waterfall(llrBridge(), "Acute beds"), dir, "waterfall");
        assertEquals(dir.resolve("waterfall.png"), written.get(0));
        BufferedImage image = ImageIO.read(written.get(0).toFile());
        assertNotNull(image, "ImageIO decodes it");
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(ChartFixtures.distinctColours(image) >= 5, "several colours drawn");
        assertEquals(0xFFFFFF, image.getRGB(2, 2) & 0xFFFFFF, "white background");
    }

    @Test
    void write_chart_writesWellFormedSvgWithSvgRootOfFixedSize() throws Exception {
        List<Path> written = new ChartWriter().write(Charts.waterfall(llrBridge(), "Acute beds"), dir, "waterfall");
        assertEquals(dir.resolve("waterfall.svg"), written.get(1));
        Document doc = ChartFixtures.parseSvg(Files.readAllBytes(written.get(1)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals(1000.0, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
        assertEquals(600.0, Double.parseDouble(doc.getDocumentElement().getAttribute("height")));
    }

    @Test
    void write_customSize_usedForBothFormats() throws Exception {
        List<Path> written = new ChartWriter(640, 400).write(Charts.trajectory(llrBridge(), "t"), dir, "small");
        assertEquals(640, ImageIO.read(written.get(0).toFile()).getWidth());
        assertEquals(400, ImageIO.read(written.get(0).toFile()).getHeight());
        Document doc = ChartFixtures.parseSvg(Files.readAllBytes(written.get(1)));
        assertEquals(640.0, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
    }

    @Test
    void write_sameChartTwice_byteIdenticalFiles() throws Exception {
        ChartWriter writer = new ChartWriter();
        List<Path> first = writer.write(Charts.waterfall(llrBridge(), "Acute beds"), dir.resolve("a"), "waterfall");
        List<Path> second = writer.write(Charts.waterfall(llrBridge(), "Acute beds"), dir.resolve("b"), "waterfall");
        assertArrayEquals(Files.readAllBytes(first.get(0)), Files.readAllBytes(second.get(0)), "PNG");
        assertArrayEquals(Files.readAllBytes(first.get(1)), Files.readAllBytes(second.get(1)), "SVG");
    }

    @Test
    void write_flowCharts_byteIdenticalAcrossRenders() {
        ChartWriter writer = new ChartWriter();
        for (int i = 0; i < 2; i++) {
            JFreeChart a = Charts.occupancyOverTime(ChartFixtures.summary(), "acute");
            JFreeChart b = Charts.occupancyOverTime(ChartFixtures.summary(), "acute");
            assertEquals(writer.svg(a, "x"), writer.svg(b, "x"));
            assertArrayEquals(writer.png(a), writer.png(b));
        }
    }

    @Test
    void svg_ids_comeFromThePrefixOnly() {
        String svg = new ChartWriter().svg(Charts.waterfall(llrBridge(), "t"), "bridge-acute");
        Matcher ids = Pattern.compile("id='([^']*)'").matcher(svg);
        int count = 0;
        while (ids.find()) {
            assertTrue(ids.group(1).startsWith("bridge-acute"), "id " + ids.group(1));
            count++;
        }
        assertTrue(count > 1, "the svg element and its clip paths have ids");
    }

    @Test
    void write_intoDirectory_leavesOnlyTheTwoFiles() throws Exception {
        ChartWriter writer = new ChartWriter();
        writer.write(Charts.waterfall(llrBridge(), "t"), dir, "waterfall");
        writer.write(Charts.trajectory(llrBridge(), "t"), dir, "trajectory");
        assertEquals(List.of("trajectory.png", "trajectory.svg", "waterfall.png", "waterfall.svg"), listing(dir));
    }

    @Test
    void write_existingFiles_replacedWithoutLeftovers() throws Exception {
        Files.writeString(dir.resolve("chart.png"), "old");
        Files.writeString(dir.resolve("chart.svg"), "old");
        new ChartWriter().write(Charts.trajectory(llrBridge(), "t"), dir, "chart");
        assertNotNull(ImageIO.read(dir.resolve("chart.png").toFile()));
        assertTrue(Files.readString(dir.resolve("chart.svg"), StandardCharsets.UTF_8).contains("<svg"));
        assertEquals(List.of("chart.png", "chart.svg"), listing(dir));
    }

    @Test
    void write_missingDirectory_created() throws Exception {
        Path nested = dir.resolve("out/charts");
        new ChartWriter().write(Charts.trajectory(llrBridge(), "t"), nested, "trajectory");
        assertEquals(List.of("trajectory.png", "trajectory.svg"), listing(nested));
    }

    @Test
    void write_failure_leavesNoTemporaryFile() throws Exception {
        // the target name is taken by a non-empty directory, so the final move fails after the temp file exists
        Files.createDirectories(dir.resolve("chart.png").resolve("inside"));
        assertThrows(IOException.class, () -> new ChartWriter().write(Charts.trajectory(llrBridge(), "t"), dir,
                "chart"));
        assertEquals(List.of("chart.png"), listing(dir));
    }

    @Test
    void write_badName_rejected() {
        JFreeChart chart = Charts.trajectory(llrBridge(), "t");
        for (String bad : new String[] {"", "../x", "a/b", ".hidden", "with space"}) {
            assertThrows(IllegalArgumentException.class, () -> new ChartWriter().write(chart, dir, bad), bad);
        }
    }

    @Test
    void svg_element_hasNoXmlDeclarationForInliningInHtml() {
        String svg = new ChartWriter().svg(Charts.trajectory(llrBridge(), "t"), "t1");
        assertTrue(svg.startsWith("<svg"));
        assertFalse(svg.contains("<!DOCTYPE"));
    }
}
