package app.carryover.homework;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.worksheets.BuiltInWorksheets;
import app.carryover.worksheets.WorksheetDefinition;

/** The worksheets an assignment can use and an entry is checked against. */
@Component
class WorksheetCatalogue {

    Optional<WorksheetDefinition> latest(UUID practiceId, String key) {
        return BuiltInWorksheets.find(key);
    }

    Optional<WorksheetDefinition> version(UUID practiceId, String key, int version) {
        return BuiltInWorksheets.find(key).filter(d -> d.version() == version);
    }
}
