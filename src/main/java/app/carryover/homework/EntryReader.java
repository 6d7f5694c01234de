package app.carryover.homework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.carryover.worksheets.WorksheetDefinition;

/** Puts entries into words against the worksheet version each was filled in (looked up once per version). */
@Component
class EntryReader {

    private final WorksheetCatalogue worksheets;

    EntryReader(WorksheetCatalogue worksheets) {
        this.worksheets = worksheets;
    }

    List<EntryInWords> read(List<PracticeEntry> entries) {
        Map<String, Optional<WorksheetDefinition>> versions = new HashMap<>();
        return entries.stream().map(e -> EntryInWords.of(e, e.worksheetKey() == null ? null
                : versions.computeIfAbsent(e.worksheetKey() + "@" + e.worksheetVersion(),
                        k -> worksheets.version(e.practiceId(), e.worksheetKey(), e.worksheetVersion())).orElse(null)))
                .toList();
    }

    /** The worksheet version an entry was filled in. */
    Optional<WorksheetDefinition> definition(PracticeEntry e) {
        return e.worksheetKey() == null ? Optional.empty() : worksheets.version(e.practiceId(), e.worksheetKey(), e.worksheetVersion());
    }

    /** A worksheet's title in the version an assignment uses, or null. */
    String title(Assignment a) {
        return a.worksheetKey() == null ? null
                : worksheets.version(a.practiceId(), a.worksheetKey(), a.worksheetVersion()).map(WorksheetDefinition::title)
                        .orElse(a.worksheetKey());
    }
}
