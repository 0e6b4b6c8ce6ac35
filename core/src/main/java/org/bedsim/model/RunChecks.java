package org.bedsim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bedsim.stats.ProportionInterval;

/**
 * What a run's own output says about how far to trust it: whether the warm-up was long enough
 * ({@link WarmupCheck}, per setting) and which KPIs rest on too few events to trust their interval (fewer than
 * {@link ProportionInterval#FEW_EVENTS} in all replications together: a share of 12-hour waits with a dozen such
 * waits, a mean wait of a handful of patients who waited). Each finding is a warning for the outputs.
 *
 * @param warmup one check per setting
 * @param fewEvents per setting with any, the KPIs resting on too few events
 * @param warnings every warning, in setting order: warm-up first, then few events
 */
public record RunChecks(List<WarmupCheck> warmup, List<FewEvents> fewEvents, List<String> warnings) {

    /**
     * The KPIs of one setting resting on too few events.
     *
     * @param setting the setting
     * @param kpis the KPIs
     * @param events the events each rests on, in the same order
     */
    public record FewEvents(String setting, List<SettingKpi> kpis, List<Long> events) {
        /** Freezes. */
        public FewEvents {
            kpis = List.copyOf(kpis);
            events = List.copyOf(events);
        }
    }

    /** Freezes. */
    public RunChecks {
        warmup = List.copyOf(warmup);
        fewEvents = List.copyOf(fewEvents);
        warnings = List.copyOf(warnings);
    }

    /** @return the checks of a run */
    public static RunChecks of(FlowSummary summary) {
        List<WarmupCheck> warmup = WarmupCheck.of(summary);
        List<String> warnings = new ArrayList<>();
        for (WarmupCheck w : warmup) {
            if (w.warning() != null) {
                warnings.add(w.warning());
            }
        }
        List<FewEvents> few = new ArrayList<>();
        for (String name : summary.settingNames()) {
            List<SettingKpi> kpis = new ArrayList<>();
            List<Long> events = new ArrayList<>();
            for (SettingKpi k : SettingKpi.values()) {
                KpiInterval ki = summary.kpi(name, k);
                if (ki.fewEvents()) {
                    kpis.add(k);
                    events.add(ki.events());
                }
            }
            if (!kpis.isEmpty()) {
                few.add(new FewEvents(name, kpis, events));
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < kpis.size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(kpis.get(i).key()).append(" (").append(events.get(i))
                            .append(')');
                }
                warnings.add(String.format(Locale.ROOT, "%s: %s rest%s on fewer than %d events over the %d "
                        + "replications (events in brackets): too few to trust %s interval; run more "
                        + "replications or a longer horizon", name, b, kpis.size() == 1 ? "s" : "",
                        ProportionInterval.FEW_EVENTS, summary.replications().size(),
                        kpis.size() == 1 ? "its" : "their"));
            }
        }
        return new RunChecks(warmup, few, warnings);
    }
}
