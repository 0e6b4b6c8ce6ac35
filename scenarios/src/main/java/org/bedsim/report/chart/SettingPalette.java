package org.bedsim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.model.CareSetting;
import org.bedsim.model.FlowSettings;

/**
 * One colour per setting, the same in every chart: the i-th setting (in configuration order) gets the i-th colour.
 *
 * <p><b>Implementation notes.</b> The ten colours are the Tableau 10 qualitative palette, ten clearly different
 * hues of similar weight on a white background. The 11th to 20th settings reuse the hues darkened, the 21st to 30th
 * darkened twice, and so on up to 50 distinct colours (beyond that they repeat). A name that is not listed (a setting
 * known only to another option) gets one of those colours chosen by its name's hash: the same on every run, but
 * possibly shared with a listed setting. To keep colours equal across options whose configurations differ, build one
 * palette from the union of their setting names and pass it to every chart.
 */
public final class SettingPalette {
    private static final Color[] HUES = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0xB07AA1),
        new Color(0x76B7B2), new Color(0xEDC948), new Color(0x9C755F), new Color(0xFF9DA7), new Color(0x7F7F7F)
    };

    private static final int SHADES = 5;
    private static final int DISTINCT = HUES.length * SHADES;

    private final Map<String, Color> colours;

    private SettingPalette(List<String> names) {
        Map<String, Color> m = new LinkedHashMap<>();
        for (String name : names) {
            if (!m.containsKey(name)) {
                m.put(name, colourAt(m.size()));
            }
        }
        this.colours = m;
    }

    /** @return a palette giving the listed names colours in that order (repeated names keep their first colour) */
    public static SettingPalette of(List<String> settingNames) {
        return new SettingPalette(List.copyOf(settingNames));
    }

    /** @return a palette of a configuration's settings that hold patients (sinks excluded), in configuration order */
    public static SettingPalette of(FlowSettings settings) {
        List<String> names = new ArrayList<>();
        for (CareSetting s : settings.settings()) {
            if (!s.isSink()) {
                names.add(s.name());
            }
        }
        return of(names);
    }

    /** @return the colour of a setting */
    public Color colour(String setting) {
        Color c = colours.get(setting);
        return c != null ? c : colourAt(Math.floorMod(setting.hashCode(), DISTINCT));
    }

    /** @return the listed setting names, in palette order */
    public List<String> names() {
        return List.copyOf(colours.keySet());
    }

    private static Color colourAt(int index) {
        Color c = HUES[index % HUES.length];
        int shade = (index / HUES.length) % SHADES;
        for (int i = 0; i < shade; i++) {
            c = new Color((int) (c.getRed() * 0.75), (int) (c.getGreen() * 0.75), (int) (c.getBlue() * 0.75));
        }
        return c;
    }
}
