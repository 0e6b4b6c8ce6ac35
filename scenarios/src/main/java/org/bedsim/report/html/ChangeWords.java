package org.bedsim.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an option changes, in words for a reader ("lri: beds 1,040 -> 1,100", "cohort frail: mean stay in acute
 * 8.5 -> 7.65 days (x0.90)"), from the merge's change lines ({@code settings.lri.beds: 1040 -> 1100}). A change of
 * a source id is folded into the change it documents; anything not recognised is still said, with its path in
 * words and its values without JSON punctuation.
 */
public final class ChangeWords {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys said in words. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("beds", "beds"), Map.entry("when_full", "when full"),
            Map.entry("escalation_beds", "escalation beds"), Map.entry("divert_to", "diverts to"),
            Map.entry("capacity_changes", "capacity changes"), Map.entry("priority", "queue priority"),
            Map.entry("entry", "admitted to"), Map.entry("per_year", "arrivals a year"),
            Map.entry("share", "share"), Map.entry("redirect_to", "redirected to"),
            Map.entry("renege_after", "patience"), Map.entry("renege_to", "leaves the queue for"),
            Map.entry("mean", "mean"), Map.entry("sd", "sd"), Map.entry("family", "distribution"),
            Map.entry("kind", "kind"), Map.entry("description", "description"));

    private ChangeWords() {
    }

    /** @return the option's changes in words, source-only changes left out (they are in the sources table) */
    public static List<String> of(List<String> changes) {
        List<String> out = new ArrayList<>();
        for (String c : changes) {
            String w = words(c);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /** @return one change in words, or null for a change of a source id only */
    static String words(String change) {
        int colon = change.indexOf(": ");
        if (colon < 0) {
            return change;
        }
        String where = change.substring(0, colon);
        String what = change.substring(colon + 2);
        String[] p = where.split("\\.");
        if (p[p.length - 1].equals("source")) {
            return null;
        }
        String subject;
        String rest;
        if (p[0].equals("settings") && p.length >= 2) {
            subject = "setting " + p[1];
            rest = join(p, 2);
        } else if (p[0].equals("cohorts") && p.length >= 2) {
            subject = "cohort " + p[1];
            if (p.length >= 4 && p[2].equals("los")) {
                subject += ": stay in " + p[3];
                rest = join(p, 4);
            } else if (p.length >= 4 && p[2].equals("routing")) {
                subject += ": routes from " + p[3];
                rest = join(p, 4);
            } else if (p.length >= 4 && p[2].equals("arrivals")) {
                rest = join(p, 3);
            } else {
                rest = join(p, 2);
            }
        } else {
            subject = String.join(" ", p).replace('_', ' ');
            rest = "";
        }
        String key = rest.isEmpty() ? "" : KEYS.getOrDefault(rest, rest.replace('_', ' ').replace('.', ' '));
        String head = key.isEmpty() ? subject : subject + ": " + key;
        if (what.equals("removed")) {
            return head + " removed";
        }
        if (what.startsWith("added ")) {
            return head + " added: " + value(what.substring(6));
        }
        int arrow = what.indexOf(" -> ");
        if (arrow < 0) {
            return head + " " + what;
        }
        String from = what.substring(0, arrow);
        String to = what.substring(arrow + 4);
        String line = head + " " + value(from) + " -> " + value(to);
        Double a = number(from);
        Double b = number(to);
        if (a != null && b != null && a != 0 && !rest.equals("beds") && !rest.equals("escalation_beds")) {
            line += String.format(Locale.ROOT, " (x%.2f)", b / a);
        }
        return line;
    }

    private static String join(String[] p, int from) {
        return from >= p.length ? "" : String.join(".", java.util.Arrays.copyOfRange(p, from, p.length));
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return a value for readers: numbers with thousands separators, JSON without its punctuation */
    static String value(String s) {
        String t = s.trim();
        Double n = number(t);
        if (n != null) {
            return n == Math.rint(n) && Math.abs(n) < 1e15 ? String.format(Locale.ROOT, "%,d", n.longValue())
                    : String.format(Locale.ROOT, "%,.4f", n).replaceAll("0+$", "");
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return node(JSON.readTree(t));
            } catch (java.io.IOException e) {
                // a long value the merge shortened ("..."): its words without the JSON punctuation
                return t.replaceAll("\"source\":\"[^\"]*\",?", "").replaceAll("[{}\\[\\]\"]", "")
                        .replace(":", " ").replace(",", ", ").replace('_', ' ')
                        .replaceAll("(, )+", ", ").replaceAll(",\\s*$", "");
            }
        }
        return t;
    }

    private static String node(JsonNode n) {
        if (n.isNumber()) {
            return value(n.asText());
        }
        if (n.isTextual() || n.isBoolean() || n.isNull()) {
            return n.asText();
        }
        if (n.isArray()) {
            if (n.isEmpty()) {
                return "none";
            }
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(node(x)));
            return String.join("; ", items);
        }
        // capacity changes read as "1,250 beds from 2016-10-01"; routes as "30 % to home"
        if (n.has("beds") && n.has("from") && n.size() <= 3) {
            return node(n.get("beds")) + " beds from " + n.get("from").asText();
        }
        if (n.has("to") && n.has("probability") && n.size() <= 3) {
            return String.format(Locale.ROOT, "%s %% to %s", value(Double.toString(100 * n.get("probability")
                    .asDouble())), n.get("to").asText());
        }
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("source")) {
                continue;
            }
            String k = KEYS.getOrDefault(e.getKey(), e.getKey().replace('_', ' '));
            parts.add(e.getKey().equals("family") ? node(e.getValue()) : k + " " + node(e.getValue()));
        }
        return String.join(", ", parts);
    }
}
