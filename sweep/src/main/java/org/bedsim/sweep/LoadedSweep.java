package org.bedsim.sweep;

import java.util.List;
import org.bedsim.model.SettingKpi;

/**
 * A sweep file read, its scenarios loaded and every variant built and checked: ready to run if nothing has an error.
 *
 * @param file the sweep file as given
 * @param sha256 SHA-256 of its bytes
 * @param spec the sweep as bound (null if it could not be read)
 * @param variants every variant, in sweep order (empty if there are errors)
 * @param kpis the KPIs kept, in the model's order
 * @param settings the settings kept (null: all)
 * @param problems every error and warning, each rendered {@code file:line:column: error: ...}
 * @param errors how many of them are errors
 */
public record LoadedSweep(String file, String sha256, SweepFileSpec spec, List<Variant> variants,
        List<SettingKpi> kpis, List<String> settings, List<String> problems, int errors) {

    /** Freezes. */
    public LoadedSweep {
        variants = List.copyOf(variants);
        kpis = List.copyOf(kpis);
        settings = settings == null ? null : List.copyOf(settings);
        problems = List.copyOf(problems);
    }

    /** @return true if the sweep cannot run */
    public boolean hasErrors() {
        return errors > 0;
    }

    /** @return the parameters' paths, in file order */
    public List<String> parameterPaths() {
        return spec == null ? List.of() : spec.parameters().stream().map(SweepFileSpec.Parameter::path).toList();
    }

    /** @return replications per unit */
    public int block() {
        return spec.effectiveBlock();
    }

    /** @return the total replications of every variant */
    public long replications() {
        return variants.stream().mapToLong(Variant::replications).sum();
    }
}
