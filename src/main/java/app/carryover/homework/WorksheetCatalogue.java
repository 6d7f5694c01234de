package app.carryover.homework;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetLibrary;

/** The worksheets an assignment can use (built-ins and the practice's own) and an entry is checked against. */
@Component
class WorksheetCatalogue {

    private final WorksheetLibrary library;

    WorksheetCatalogue(WorksheetLibrary library) {
        this.library = library;
    }

    Optional<WorksheetDefinition> latest(UUID practiceId, String key) {
        return library.findLatest(practiceId, key);
    }

    /** The exact version an assignment was made with; entries are always checked against it. */
    Optional<WorksheetDefinition> version(UUID practiceId, String key, int version) {
        return library.find(practiceId, key, version);
    }
}
