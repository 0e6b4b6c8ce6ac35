package org.bedsim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders charts at a fixed size and writes them as {@code name.png} and {@code name.svg}.
 *
 * <p><b>Implementation notes.</b> Each file is written to a temporary file in the target directory and then moved
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader sees the old file or the new one, never
 * a partial one, and a failure leaves no temporary file. Output is byte-identical for the same chart: the PNG is an
 * opaque RGB image encoded by ImageIO (no time chunk), and the SVG's generated ids (clip paths) take a prefix made
 * from the chart's name instead of JFreeSVG's default, which is based on the clock. The name-based prefix also keeps
 * ids unique when several charts are inlined in one HTML page, as long as their names differ.
 */
public final class ChartWriter {
    static {
        ChartStyle.ensureHeadless();
    }

    /** Default width, pixels. */
    public static final int WIDTH = 1000;
    /** Default height, pixels. */
    public static final int HEIGHT = 600;

    private static final AtomicLong COUNTER = new AtomicLong();

    static {
        // ImageIO would otherwise buffer images in imageio*.tmp files in the system temporary folder: bedsim writes
        // nothing outside --out, so it encodes in memory (the PNGs are small)
        ImageIO.setUseCache(false);
    }
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final int width;
    private final int height;

    /** A writer of {@value #WIDTH} x {@value #HEIGHT} charts. */
    public ChartWriter() {
        this(WIDTH, HEIGHT);
    }

    /** A writer of charts of the given size in pixels. */
    public ChartWriter(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a chart must be at least 100 x 100 pixels, was " + width + " x "
                    + height);
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Writes {@code name.png} and {@code name.svg} into a directory (created if missing), replacing existing files.
     *
     * @param name a file name without extension: letters, digits, '_', '-', '.', not starting with '.', '-' or '_'
     * @return the two paths written, PNG first
     */
    public List<Path> write(JFreeChart chart, Path directory, String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("chart file name must be letters, digits, '_', '-' or '.', "
                    + "starting with a letter or digit, was '" + name + "'");
        }
        Files.createDirectories(directory);
        Path png = directory.resolve(name + ".png");
        Path svg = directory.resolve(name + ".svg");
        writeAtomically(png, png(chart));
        writeAtomically(svg, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, name) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return List.of(png, svg);
    }

    /** @return the chart as PNG bytes */
    public byte[] png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param idPrefix prefix of the element ids in the SVG (the svg element's own id, clip paths); make it unique
     *     per page when inlining several charts in one HTML document
     * @return the chart as an {@code <svg>} element, without XML declaration, ready to inline in HTML
     */
    public String svg(JFreeChart chart, String idPrefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(idPrefix + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement(idPrefix);
    }

    /**
     * Writes to a new hidden file beside the target, then renames it over the target. The temporary file is created
     * with the default permissions (unlike {@link Files#createTempFile}, which makes it readable by its owner only),
     * under a name no other writer uses at the same time (process, thread and a counter).
     */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = null;
        try {
            tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + "." + COUNTER.incrementAndGet() + ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
