package org.bedsim.sweep;

import org.apache.spark.sql.SparkSession;
import org.bedsim.cli.UserError;

/** Starting Spark: embedded (local mode) unless a master is given or spark-submit set one. */
final class Spark {
    private Spark() {
    }

    /**
     * @param master the master from the command line, or null: spark-submit's ({@code spark.master}), else
     *     {@code local[*]}
     * @param appName the application's name
     * @return the session (an existing one if this process already has one)
     */
    static SparkSession session(String master, String appName) {
        String m = master != null ? master : System.getProperty("spark.master") == null ? "local[*]" : null;
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (m != null) {
            b.master(m);
        }
        String effective = m != null ? m : System.getProperty("spark.master");
        if (effective != null && effective.startsWith("local")) {
            // embedded: no web UI to bind, this machine's loopback for the driver
            b.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        try {
            return b.getOrCreate();
        } catch (IllegalAccessError | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            if (e instanceof IllegalAccessError || why.contains("module") || why.contains("add-opens")) {
                throw new UserError("Spark could not start on this Java (" + why + "): run bedsim sweep with the "
                        + "./bedsim launcher, which adds the JVM options Spark needs on Java 17 (listed in the "
                        + "README), or add them yourself");
            }
            throw new UserError("Spark could not start with master " + effective + " (" + why + ")");
        }
    }
}
