package org.bedsim.sweep;

import org.apache.spark.sql.SparkSession;

/**
 * The one embedded Spark session of the sweep module's tests, {@code local[2,3]} (two task slots, a failed task
 * tried up to 3 times): started by the first test class that needs it and stopped when the test JVM ends, so the
 * module pays Spark's start-up once. {@code bedsim sweep} run inside the tests finds it and leaves it running.
 */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    /** @return the session, started on first use */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,3]").appName("bedsim sweep tests")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            SparkSession started = session;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop test Spark"));
        }
        return session;
    }
}
