package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.bedsim.boot.Bedsim;
import org.junit.jupiter.api.Test;

/**
 * The jar's entry class: loadable by Java 8 (class file version 52), so that an old Java hears what is needed
 * (the version found and the one needed, exit code 3) instead of an {@code UnsupportedClassVersionError}; on Java
 * 17+ it hands over to the command line.
 */
class BootTest {
    @Test
    void entryClass_isCompiledForJava8_andTheRestForJava17() throws IOException {
        assertEquals(52, major(Bedsim.class), "org.bedsim.boot.Bedsim for Java 8");
        assertEquals(61, major(App.class), "the rest for Java 17");
    }

    private static int major(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class");
                DataInputStream d = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, d.readInt());
            d.readUnsignedShort();
            return d.readUnsignedShort();
        }
    }

    @Test
    void oldJava_isToldTheVersionFoundAndNeeded() {
        String m = Bedsim.problem("1.8", "1.8.0_392", "/usr/lib/jvm/java-8");
        assertTrue(m.contains("needs Java 17 or newer, but this is Java 1.8.0_392 (/usr/lib/jvm/java-8)"), m);
        assertTrue(Bedsim.problem("11", "11.0.21", "/j").contains("Java 11.0.21"));
        assertTrue(Bedsim.problem("", "?", "/j").contains("needs Java 17"), "unreadable version: refused");
        assertNull(Bedsim.problem("17", "17.0.15", "/j"));
        assertNull(Bedsim.problem("25", "25", "/j"));
        assertEquals(3, Bedsim.NEEDS_NEWER_JAVA, "distinct from bad input (2) and internal error (1)");
    }

    @Test
    void onJava17_handsOverToTheCommandLine() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Runs.thisJava().get(0), "-cp", System.getProperty("java.class.path"),
                "org.bedsim.boot.Bedsim", "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("bedsim"), out);
    }
}
