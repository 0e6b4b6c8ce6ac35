package org.bedsim.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bedsim.scenario.OptionsLoader;

/**
 * The scenario files shipped with bedsim ({@code scenarios/examples}, {@code llr-2016}, {@code bct-2014}), packed
 * into the jar, and the minimal template. Opening one copies it into the workspace: files of {@code examples} keep
 * their names, the others are prefixed with their folder ({@code llr-2016-acute-sites.yaml}), and an options file's
 * base scenario is copied beside it, its reference rewritten to the copy's name.
 */
final class Shipped {
    /** The template a new scenario starts from when no example is chosen. */
    static final String MINIMAL = "minimal";
    private static final String ROOT = "/org/bedsim/web/";
    private static final Pattern BASE_LINE = Pattern.compile("(?m)^(\\s+scenario:\\s*)([A-Za-z0-9._-]+\\.ya?ml)(\\s*(#.*)?)$");
    private static final List<String> FILES = load();

    private Shipped() {
    }

    private static List<String> load() {
        try {
            URI uri = Shipped.class.getResource(ROOT + "shipped").toURI();
            if (!"jar".equals(uri.getScheme())) {
                return list(Path.of(uri));
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return list(fs.provider().getPath(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the shipped scenarios are missing from the class path", e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 2)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.matches("[a-z0-9-]+/[A-Za-z0-9._-]+\\.(yaml|yml|json)")) {
                    files.add(rel);
                }
            });
        }
        Collections.sort(files);
        return Collections.unmodifiableList(files);
    }

    /** @return the shipped files, as {@code folder/name.yaml} */
    static List<String> files() {
        return FILES;
    }

    /** @return true if {@code id} is one of the shipped files */
    static boolean exists(String id) {
        return id != null && FILES.contains(id);
    }

    /** @return a shipped file's bytes */
    static byte[] bytes(String id) {
        if (!exists(id)) {
            throw new Workspace.Refused(404, "no shipped example '" + id + "'");
        }
        return resource(ROOT + "shipped/" + id);
    }

    /** @return the minimal template's bytes */
    static byte[] minimal() {
        return resource(ROOT + "templates/minimal.yaml");
    }

    /** @return the name a shipped file takes in the workspace */
    static String workspaceName(String id) {
        int slash = id.indexOf('/');
        String folder = id.substring(0, slash);
        String file = id.substring(slash + 1);
        return folder.equals("examples") ? file : folder + "-" + file;
    }

    /** @return true if the shipped file is an options file (for compare) */
    static boolean isOptions(String id) {
        return OptionsLoader.baseReference(id, bytes(id)) != null;
    }

    /**
     * Copies a shipped file (and an options file's base) into the workspace, unless a file of that name is there.
     *
     * @return the name of the file in the workspace
     */
    static String copy(String id, Workspace ws) throws IOException {
        String name = workspaceName(id);
        byte[] bytes = bytes(id);
        String base = OptionsLoader.baseReference(id, bytes);
        if (base != null && !base.isEmpty()) {
            String folder = id.substring(0, id.indexOf('/'));
            String baseId = folder + "/" + base;
            if (exists(baseId)) {
                String baseName = workspaceName(baseId);
                if (!baseName.equals(base)) {
                    Matcher m = BASE_LINE.matcher(new String(bytes, StandardCharsets.UTF_8));
                    bytes = m.replaceFirst("$1" + Matcher.quoteReplacement(baseName) + "$3")
                            .getBytes(StandardCharsets.UTF_8);
                }
                if (!java.nio.file.Files.exists(ws.scenario(baseName))) {
                    ws.writeScenario(baseName, bytes(baseId));
                }
            }
        }
        if (!java.nio.file.Files.exists(ws.scenario(name))) {
            ws.writeScenario(name, bytes);
        }
        return name;
    }

    private static byte[] resource(String path) {
        try (InputStream in = Shipped.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
