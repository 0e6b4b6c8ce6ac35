package org.bedsim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.bedsim.scenario.LoadedOptions;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.OptionsLoader;
import org.bedsim.scenario.Problem;
import org.bedsim.scenario.ScenarioLoader;

/**
 * The command line's validation of a workspace file's text, as {@code bedsim validate} does it, with the same
 * messages: every problem with its line and column, for the editor to show at its line.
 */
final class Validation {
    /** One problem: where, how bad, and the command line's message. */
    record Item(String file, boolean here, int line, int column, boolean error, String message, String rendered) {
    }

    /** The outcome: problems, and whether the file can run. */
    record Result(boolean options, List<Item> items, int errors, int warnings) {
        boolean ok() {
            return errors == 0;
        }

        String summary() {
            return errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s");
        }

        ObjectNode json(ObjectMapper m) {
            ObjectNode n = m.createObjectNode();
            n.put("ok", ok());
            n.put("options", options);
            n.put("summary", summary());
            ArrayNode a = n.putArray("problems");
            for (Item i : items) {
                ObjectNode p = a.addObject();
                p.put("file", i.file());
                p.put("here", i.here());
                p.put("line", i.line());
                p.put("column", i.column());
                p.put("severity", i.error() ? "error" : "warning");
                p.put("message", i.message());
                p.put("text", i.rendered());
            }
            return n;
        }
    }

    private Validation() {
    }

    /** Validates a file's text as it would be if saved under {@code name} in the workspace. */
    static Result of(Workspace ws, Runs runs, String name, byte[] bytes) {
        ws.scenario(name); // refuses a bad name
        String base = OptionsLoader.baseReference(name, bytes);
        List<Item> items = new ArrayList<>();
        if (base != null) {
            try {
                runs.checkBase(name, bytes);
            } catch (Workspace.Refused e) {
                items.add(new Item(name, true, 0, 0, true, e.getMessage(), name + ": error: " + e.getMessage()));
                return new Result(true, items, 1, 0);
            }
            String full = ws.scenario(name).toString();
            LoadedOptions o = OptionsLoader.load(full, bytes, null, null);
            for (LoadedOptions.FileProblem fp : o.problems()) {
                Problem p = fp.problem();
                boolean here = fp.file().equals(full);
                String file = display(ws, fp.file());
                String rendered = fp.render().replace(fp.file(), file);
                String message = (fp.option() == null ? "" : "in option '" + fp.option() + "': ") + p.message();
                items.add(new Item(file, here, p.at().line(), p.at().column(), p.isError(), message, rendered));
            }
            return new Result(true, items, o.errors().size(), o.warnings().size());
        }
        LoadedScenario s = ScenarioLoader.load(name, bytes, null, null);
        for (Problem p : s.problems()) {
            items.add(new Item(name, true, p.at().line(), p.at().column(), p.isError(), p.message(),
                    p.render(name)));
        }
        return new Result(false, items, s.errors().size(), s.warnings().size());
    }

    private static String display(Workspace ws, String file) {
        String dir = ws.scenariosDir().toString() + java.io.File.separator;
        return file.startsWith(dir) ? file.substring(dir.length()) : java.nio.file.Path.of(file).getFileName().toString();
    }
}
