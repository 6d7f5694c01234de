package app.carryover.transcripts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The transcript audit's CSV export: a clinician's name never runs as a formula (issue 15 item 9). */
class PracticeAuditCsvTests {

    @Test
    void namesStartingWithATabOrCarriageReturnAreNeutralisedLikeFormulas() throws Exception {
        StringBuilder out = new StringBuilder();
        PracticeAudit.writeCsv(List.of(
                new PracticeAudit.Figures("\t=cmd|' /C calc'!A0", 3, 2, 1, 2, 1, 1, Map.of()),
                new PracticeAudit.Figures("\r=1+1", 3, 2, 1, 2, 1, 1, Map.of()),
                new PracticeAudit.Figures("=1+1", 3, 2, 1, 2, 1, 1, Map.of()),
                new PracticeAudit.Figures(PracticeAudit.ALL, 3, 2, 1, 2, 1, 1, Map.of())), out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(PracticeAudit.HEADER);
        assertThat(lines[1]).startsWith("'\t=cmd|' /C calc'!A0,3,2,0.667,1,0.333,2,1,1,0.500");
        assertThat(out.toString()).contains("\"'\r=1+1\",3,").contains("\r\n'=1+1,3,")
                .contains("\r\n(all clinicians),3,2,0.667,");
    }
}
