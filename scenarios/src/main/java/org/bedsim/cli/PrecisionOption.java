package org.bedsim.cli;

import java.util.Arrays;
import java.util.Locale;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.PrecisionRun;
import org.bedsim.model.SettingKpi;

/** {@code run --precision [SETTING.]KPI=HALFWIDTH}: read and checked, with one clear message for each mistake. */
final class PrecisionOption {
    private PrecisionOption() {
    }

    /** @return the target the option names, checked against the scenario's settings */
    static PrecisionRun.Target parse(String text, FlowSettings settings) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UserError("--precision expects KPI=HALFWIDTH (e.g. beds_required_percentile=2, or "
                    + "SETTING.KPI=HALFWIDTH for one setting), was '" + text + "'");
        }
        String name = text.substring(0, eq).trim();
        String value = text.substring(eq + 1).trim();
        String setting = null;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            setting = name.substring(0, dot);
            name = name.substring(dot + 1);
        }
        SettingKpi kpi = null;
        for (SettingKpi k : SettingKpi.values()) {
            if (k.key().equals(name)) {
                kpi = k;
            }
        }
        if (kpi == null) {
            throw new UserError("--precision: no KPI named '" + name + "'; expected one of " + String.join(", ",
                    Arrays.stream(SettingKpi.values()).map(SettingKpi::key).toList()));
        }
        if (setting != null) {
            String wanted = setting;
            boolean known = settings.settings().stream().anyMatch(c -> !c.isSink() && c.name().equals(wanted));
            if (!known) {
                throw new UserError("--precision: no setting named '" + setting + "' in the scenario; expected one "
                        + "of " + String.join(", ", settings.settings().stream().filter(c -> !c.isSink())
                                .map(c -> c.name()).toList()));
            }
        }
        double h;
        try {
            h = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            h = Double.NaN;
        }
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new UserError("--precision: the half-width must be a positive number in the KPI's unit ("
                    + kpi.unit() + (kpi.unit().equals("share") ? ", as a fraction: 0.01 is one percentage point"
                    : "") + "), was '" + value + "'");
        }
        return new PrecisionRun.Target(kpi, setting, h);
    }

    /** @return e.g. "beds_required_percentile in every setting", "ward.share_waits_over_long" */
    static String describe(PrecisionRun.Target t) {
        return t.setting() == null ? t.kpi().key() + " (" + t.kpi().unit() + ") in every setting"
                : t.setting() + "." + t.kpi().key() + " (" + t.kpi().unit() + ")";
    }

    /** @return a half-width without needless digits */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "");
    }
}
