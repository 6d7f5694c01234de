package app.carryover;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(CarryoverApplication.class);

    /** Where the reviewed diagrams live, and the command that rewrites them from the code. */
    static final Path COMMITTED = Path.of("docs", "modules");
    static final String REGENERATE = "./mvnw -B test -Dtest=ModularityTests -Dcarryover.writeModuleDiagrams=true"
            + " -Dsurefire.failIfNoSpecifiedTests=false";

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * The diagrams in docs/modules match the module graph of the code, so a change of a module's
     * dependencies, events or API shows up in review. The diagrams are written to target/ and
     * compared; with {@code -Dcarryover.writeModuleDiagrams=true} they replace docs/modules.
     */
    @Test
    void committedModuleDiagramsMatchTheCode() throws IOException {
        Path generated = Path.of("target", "module-diagrams");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> fresh = normalised(generated);
        if (Boolean.getBoolean("carryover.writeModuleDiagrams")) {
            Files.createDirectories(COMMITTED);
            for (String name : read(COMMITTED).keySet()) {
                if (!fresh.containsKey(name)) {
                    Files.delete(COMMITTED.resolve(name));
                }
            }
            for (Map.Entry<String, String> file : fresh.entrySet()) {
                Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
            }
        }
        List<String> problems = differences(read(COMMITTED), fresh);
        if (!problems.isEmpty()) {
            fail("docs/modules does not match the module graph in the code:\n  " + String.join("\n  ", problems)
                    + "\nAfter a deliberate change regenerate them with\n  " + REGENERATE
                    + "\nand commit docs/modules.");
        }
    }

    static List<String> differences(Map<String, String> committed, Map<String, String> fresh) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(committed.keySet());
        names.addAll(fresh.keySet());
        for (String name : names) {
            String was = committed.get(name);
            String is = fresh.get(name);
            if (was == null) {
                problems.add("docs/modules/" + name + " is missing");
            } else if (is == null) {
                problems.add("docs/modules/" + name + " is no longer generated (a module that is gone?)");
            } else if (!was.equals(is)) {
                problems.add("docs/modules/" + name + " differs" + firstDifference(was, is));
            }
        }
        return problems;
    }

    private static String firstDifference(String was, String is) {
        List<String> a = was.lines().toList();
        List<String> b = is.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "(end of file)";
            String right = i < b.size() ? b.get(i) : "(end of file)";
            if (!left.equals(right)) {
                return " at line " + (i + 1) + ": committed '" + left + "', generated '" + right + "'";
            }
        }
        return "";
    }

    /** The files of a folder by name, line endings as \n (a checkout on Windows may have turned them into \r\n). */
    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file).replace("\r\n", "\n"));
            }
        }
        return files;
    }

    private static Map<String, String> normalised(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        read(folder).forEach((name, text) -> files.put(name, normalise(text)));
        return files;
    }

    /**
     * The documenter lists relations, bean references and events in an order that changes from run to
     * run (reflection's order of methods and a set's order of types); sorted, the committed diagrams
     * change only when the module graph does. Sorted: each run of PlantUML {@code Rel(} lines, and
     * each bulleted list of a canvas (its first item may carry the table cell's {@code |}; blank lines
     * inside a list, which the documenter writes for a listener of a module-internal event, dropped).
     */
    static String normalise(String text) {
        List<String> raw = text.lines().toList();
        // A listener of a module-internal event is written as an empty item (a blank line); when it comes
        // first, the table cell's "|" stands alone above the list: join the cell to the list's first item.
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < raw.size(); r++) {
            if (raw.get(r).equals("|")) {
                int next = r + 1;
                while (next < raw.size() && raw.get(next).isBlank()) {
                    next++;
                }
                if (next < raw.size() && raw.get(next).startsWith("* ")) {
                    lines.add("|" + raw.get(next));
                    r = next;
                    continue;
                }
            }
            lines.add(raw.get(r));
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("Rel(")) {
                List<String> run = new ArrayList<>();
                while (i < lines.size() && lines.get(i).startsWith("Rel(")) {
                    run.add(lines.get(i++));
                }
                run.sort(null);
                out.addAll(run);
            } else if (line.startsWith("* ") || line.startsWith("|* ")) {
                boolean cell = line.startsWith("|");
                List<String> items = new ArrayList<>();
                items.add(cell ? line.substring(1) : line);
                i++;
                while (i < lines.size()) {
                    String next = lines.get(i);
                    if (next.startsWith("* ")) {
                        items.add(next);
                        i++;
                    } else if (next.isBlank() && i + 1 < lines.size()
                            && (lines.get(i + 1).startsWith("* ") || lines.get(i + 1).startsWith("|"))) {
                        // a blank line inside a list, or closing it before the table goes on: where it falls
                        // depends on the run's order, so it is dropped either way
                        i++;
                    } else {
                        break;
                    }
                }
                items.sort(null);
                if (cell) {
                    items.set(0, "|" + items.get(0));
                }
                out.addAll(items);
            } else {
                out.add(line);
                i++;
            }
        }
        return String.join("\n", out) + "\n";
    }
}
