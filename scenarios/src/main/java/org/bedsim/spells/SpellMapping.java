package org.bedsim.spells;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mapping file of fit and backtest: columns (field: column name), kinds and beds per setting. */
public final class SpellMapping {
    /** Columns by field. */
    public final Map<String, String> columns = new LinkedHashMap<>();
    /** Kinds by setting. */
    public final Map<String, String> kinds = new LinkedHashMap<>();
    /** Beds by setting. */
    public final Map<String, Integer> beds = new LinkedHashMap<>();
    /** The CSV delimiter, when the user names it (else guessed from the header: comma, semicolon, tab or bar). */
    public Character delimiter;

    /** @return the mapping in {@code file}, or an empty one when null */
    public static SpellMapping read(Path file) {
        SpellMapping m = new SpellMapping();
        if (file == null) {
            return m;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SpellExtract.ExtractError(file + ": cannot read the mapping: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new SpellExtract.ExtractError(file + ": expected a mapping with columns, kinds and beds");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            JsonNode v = root.get(k);
            if (k.equals("delimiter")) {
                String d = v.isTextual() ? v.asText().replace("\\t", "\t") : "";
                if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
                    problems.add("delimiter: found " + v + ", expected one character (\\t for a tab), not a quote or "
                            + "a line break");
                } else {
                    m.delimiter = d.charAt(0);
                }
                continue;
            }
            if (!List.of("columns", "kinds", "beds").contains(k)) {
                problems.add(k + ": found an unknown key, expected columns, kinds, beds or delimiter");
                continue;
            }
            if (!v.isObject()) {
                problems.add(k + ": expected a mapping");
                continue;
            }
            v.fields().forEachRemaining(e -> {
                String path = k + "." + e.getKey();
                JsonNode val = e.getValue();
                switch (k) {
                    case "columns" -> {
                        if (!SpellExtract.COLUMNS.containsKey(e.getKey())) {
                            problems.add(path + ": found an unknown field, expected one of "
                                    + String.join(", ", SpellExtract.COLUMNS.keySet()));
                        } else if (!val.isTextual()) {
                            problems.add(path + ": expected a column name");
                        } else {
                            m.columns.put(e.getKey(), val.asText());
                        }
                    }
                    case "kinds" -> {
                        if (!val.isTextual() || !List.of("acute", "community", "virtual_ward", "interim")
                                .contains(val.asText())) {
                            problems.add(path + ": expected acute, community, virtual_ward or interim");
                        } else {
                            m.kinds.put(Codes.id(e.getKey()), val.asText());
                        }
                    }
                    default -> {
                        if (!val.canConvertToInt() || !val.isIntegralNumber() || val.asInt() < 0) {
                            problems.add(path + ": expected a whole number of beds >= 0");
                        } else {
                            m.beds.put(Codes.id(e.getKey()), val.asInt());
                        }
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new SpellExtract.ExtractError(file + ": " + String.join("; ", problems));
        }
        return m;
    }
    }
