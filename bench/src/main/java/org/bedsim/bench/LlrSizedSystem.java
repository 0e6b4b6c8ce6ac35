package org.bedsim.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.Gamma;
import org.bedsim.dist.LogNormal;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKind;

/**
 * A system the size of Leicester, Leicestershire and Rutland in 2016/17 for benchmarks: three acute sites of 1,940
 * beds in all (1940 at line 335 of the LLR STP draft of 21 November 2016), eight community wards of 233 beds (line 336), 256
 * intensive community support virtual beds (line 946) and about 150,000 admissions a year in six cohorts. The split
 * of beds between sites and wards, the cohorts' volumes, stays and routing are assumed, sized so that the acute sites
 * run at about 90 % and the community wards close to full, with blocking: a benchmark of realistic work, not a
 * calibrated scenario (the shipped LLR scenarios are).
 */
public final class LlrSizedSystem {
    private LlrSizedSystem() {
    }

    private static final String[] COMMUNITY = {
        "coalville", "loughborough", "evington", "melton", "harborough", "hinckley", "rutland", "lutterworth"};
    private static final int[] COMMUNITY_BEDS = {48, 24, 47, 17, 38, 29, 16, 14};

    /** @return the configuration: 1 year warm-up, {@code years} measured */
    public static FlowSettings settings(int years) {
        List<CareSetting> settings = new ArrayList<>();
        settings.add(acute("lri", 900));
        settings.add(acute("glenfield", 600));
        settings.add(acute("general", 440));
        for (int i = 0; i < COMMUNITY.length; i++) {
            settings.add(new CareSetting(COMMUNITY[i], SettingKind.COMMUNITY,
                    CapacityTimeline.constant(COMMUNITY_BEDS[i]), AdmissionPolicy.WAIT,
                    CareSetting.QueuePriority.FIFO));
        }
        settings.add(new CareSetting("ics", SettingKind.VIRTUAL_WARD, CapacityTimeline.constant(256),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO));
        settings.add(CareSetting.sink("home"));
        settings.add(CareSetting.sink("died"));

        List<Cohort> cohorts = new ArrayList<>();
        double[] winter = {1.15, 1.1, 1.05, 1, 0.95, 0.9, 0.9, 0.9, 0.95, 1, 1.05, 1.1};
        double[] weekday = {1.1, 1.05, 1, 1, 1, 0.9, 0.95};
        cohorts.add(emergency("medical-older", "older", "lri", 45_000, winter, weekday, LogNormal.ofMeanSd(6, 7),
                0.80, 0.05, 0.08, 0.04, 0.03, Gamma.ofMeanSd(21, 12)));
        cohorts.add(emergency("medical-adult", "adults", "glenfield", 35_000, winter, weekday,
                LogNormal.ofMeanSd(3.5, 4), 0.93, 0.01, 0.03, 0.01, 0.02, Gamma.ofMeanSd(18, 10)));
        cohorts.add(emergency("surgical", "adults", "general", 25_000, null, weekday, LogNormal.ofMeanSd(4, 5),
                0.95, 0.01, 0.02, 0.01, 0.01, Gamma.ofMeanSd(16, 10)));
        cohorts.add(emergency("stroke", "older", "lri", 2_000, null, null, LogNormal.ofMeanSd(10, 8), 0.50,
                0.30, 0.10, 0.10, 0, Gamma.ofMeanSd(25, 14)));
        cohorts.add(emergency("children", "children", "general", 18_000, winter, null, LogNormal.ofMeanSd(2, 2),
                0.99, 0, 0, 0.01, 0, Gamma.ofMeanSd(10, 5)));
        Map<String, Distribution> electiveLos = new LinkedHashMap<>();
        electiveLos.put("glenfield", LogNormal.ofMeanSd(3, 3));
        cohorts.add(new Cohort("elective", Cohort.AdmissionType.ELECTIVE, "adults", "glenfield",
                ArrivalPattern.flat(25_000), Cohort.ElectiveFull.DEFER, electiveLos, Map.of(), null, null));
        return new FlowSettings(settings, cohorts, LocalDate.of(2016, 4, 1), 365, 365.0 * years, 0.85, 0.05, false);
    }

    private static CareSetting acute(String name, int beds) {
        return new CareSetting(name, SettingKind.ACUTE, CapacityTimeline.constant(beds),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO);
    }

    private static Cohort emergency(String name, String age, String entry, double annual, double[] month,
            double[] weekday, Distribution acuteLos, double home, double community, double ics, double died,
            double readmitShare, Distribution communityLos) {
        Map<String, Distribution> los = new LinkedHashMap<>();
        los.put(entry, acuteLos);
        List<Route> fromAcute = new ArrayList<>();
        fromAcute.add(new Route("home", home + readmitShare));
        if (died > 0) {
            fromAcute.add(new Route("died", died));
        }
        if (ics > 0) {
            fromAcute.add(new Route("ics", ics));
            los.put("ics", Exponential.ofMean(14));
        }
        int totalBeds = 0;
        for (int b : COMMUNITY_BEDS) {
            totalBeds += b;
        }
        if (community > 0) {
            for (int i = 0; i < COMMUNITY.length; i++) {
                fromAcute.add(new Route(COMMUNITY[i], community * COMMUNITY_BEDS[i] / totalBeds));
                los.put(COMMUNITY[i], communityLos);
            }
        }
        Map<String, List<Route>> routing = new LinkedHashMap<>();
        routing.put(entry, fromAcute);
        return new Cohort(name, Cohort.AdmissionType.NON_ELECTIVE, age, entry,
                new ArrivalPattern(annual, weekday, month, 0.01), null, los, routing, null, null);
    }
}
