package org.bedsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** bedsim's version, from the build (a filtered resource). */
public final class Version implements CommandLine.IVersionProvider {
    private static final String VERSION = load();

    /** @return e.g. {@code 0.1.0-SNAPSHOT} */
    public static String bedsim() {
        return VERSION;
    }

    /**
     * @return a SHA-256 (hex) of bedsim's compiled code (every {@code org/bedsim} class of the jar, or of the class
     *     folders of core and scenarios when not run from the jar): a calibration cached by one build is not taken
     *     by another whose code differs, whatever its version string says
     */
    public static synchronized String codeHash() {
        if (codeHash == null) {
            codeHash = computeCodeHash();
        }
        return codeHash;
    }

    private static String codeHash;

    private static String computeCodeHash() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.util.Set<java.nio.file.Path> roots = new java.util.LinkedHashSet<>();
            for (Class<?> c : new Class<?>[] {org.bedsim.calibrate.Calibrator.class, Version.class}) {
                roots.add(java.nio.file.Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            for (java.nio.file.Path root : roots) {
                java.util.TreeMap<String, byte[]> classes = new java.util.TreeMap<>();
                if (java.nio.file.Files.isDirectory(root)) {
                    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
                        for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                            classes.put(root.relativize(f).toString().replace('\\', '/'),
                                    java.nio.file.Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                        for (java.util.jar.JarEntry e : java.util.Collections.list(jar.entries())) {
                            if (e.getName().startsWith("org/bedsim/") && e.getName().endsWith(".class")) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    classes.put(e.getName(), in.readAllBytes());
                                }
                            }
                        }
                    }
                }
                for (java.util.Map.Entry<String, byte[]> e : classes.entrySet()) {
                    md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(e.getValue());
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.net.URISyntaxException | java.security.NoSuchAlgorithmException
                | RuntimeException e) {
            return "unknown-" + VERSION; // no code identity: the version alone
        }
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bedsim " + VERSION, "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"};
    }
}
