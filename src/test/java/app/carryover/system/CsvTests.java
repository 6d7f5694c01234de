package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV cells that a spreadsheet would run or split, and the quoting of RFC 4180 (issue 15 item 9, issue 20 item 6). */
class CsvTests {

    @Test
    void cellsAFormulaCouldStartWithGetAnApostropheNumbersDoNot() throws Exception {
        StringBuilder out = new StringBuilder();
        Csv csv = Csv.withHeader(out, "name", "count");
        String[] hostile = {"=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=cmd|' /C calc'!A0", "\r=HYPERLINK(\"x\")",
            "Dr Lee, PhD", "say \"hi\"", "two\nlines", "plain"};
        for (String name : hostile) {
            csv.row(name, -3);
        }
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(hostile.length + 1);
        for (int i = 0; i < hostile.length; i++) {
            String cell = records.get(i + 1).get(0);
            boolean risky = "=+-@\t\r".indexOf(hostile[i].charAt(0)) >= 0;
            assertThat(cell).as("cell %d", i).isEqualTo(risky ? "'" + hostile[i] : hostile[i]);
            assertThat(records.get(i + 1).get(1)).isEqualTo("-3");
        }
        assertThat(out.toString()).startsWith("name,count\r\n").contains("\"Dr Lee, PhD\"", "\"say \"\"hi\"\"\"");
    }
}
