package org.bedsim.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The entry class of {@code bedsim.jar}. It is compiled for Java 8, unlike the rest of bedsim (Java 17), so that an
 * old Java can load it and say plainly what is needed, instead of failing with {@code UnsupportedClassVersionError}.
 * On Java 17 or newer it hands over to the command line.
 *
 * <p>Exit code {@value #NEEDS_NEWER_JAVA} means "this Java is too old", distinct from bad input (2) and an internal
 * error (1).
 */
public final class Bedsim {
    /** The Java feature release bedsim needs. */
    public static final int REQUIRED = 17;
    /** Exit code when the Java running bedsim is too old. */
    public static final int NEEDS_NEWER_JAVA = 3;

    private Bedsim() {
    }

    /**
     * Checks the Java version, then runs the command line.
     *
     * @param args the command line
     * @throws Exception only from the command line itself
     */
    public static void main(String[] args) throws Exception {
        String version = System.getProperty("java.specification.version", "");
        String problem = problem(version, System.getProperty("java.version", "unknown"),
                System.getProperty("java.home", "unknown"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(NEEDS_NEWER_JAVA);
            return;
        }
        Method main = Class.forName("org.bedsim.web.App").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    /**
     * @param specification {@code java.specification.version}: "1.8", "11", "17", ...
     * @param fullVersion {@code java.version}, for the message
     * @param home {@code java.home}, for the message
     * @return the message for a Java that is too old, or null if this one will do
     */
    public static String problem(String specification, String fullVersion, String home) {
        int feature = feature(specification);
        if (feature >= REQUIRED) {
            return null;
        }
        return "bedsim: needs Java " + REQUIRED + " or newer, but this is Java " + fullVersion + " (" + home + ").\n"
                + "bedsim: install a Java " + REQUIRED + "+ runtime (for example Eclipse Temurin " + REQUIRED
                + " from https://adoptium.net) and run it with that java,\n"
                + "bedsim: or set JAVA_HOME to it (the ./bedsim launcher and bedsim.cmd use JAVA_HOME when set).";
    }

    /** @return the feature release of a specification version ("1.8" is 8, "17" is 17), or -1 if unreadable */
    static int feature(String specification) {
        String s = specification == null ? "" : specification.trim();
        if (s.startsWith("1.")) {
            s = s.substring(2);
        }
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 4) {
            return -1;
        }
        return Integer.parseInt(s.substring(0, end));
    }
}
