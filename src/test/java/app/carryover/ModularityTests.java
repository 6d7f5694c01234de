package app.carryover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(CarryoverApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(Path.of("docs/modules"));
    }

    /**
     * The documenter lists relations in an order that changes from run to run; sorted, the committed
     * diagrams change only when the module graph does.
     */
    static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> out = new ArrayList<>();
                List<String> run = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("Rel(")) {
                        run.add(line);
                        continue;
                    }
                    run.sort(null);
                    out.addAll(run);
                    run.clear();
                    out.add(line);
                }
                run.sort(null);
                out.addAll(run);
                Files.write(file, out);
            }
        }
    }
}
