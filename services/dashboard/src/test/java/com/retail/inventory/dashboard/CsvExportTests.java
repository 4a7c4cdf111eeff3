package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTests {

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasBecomeText() {
		assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(CsvCells.neutralise("+1")).isEqualTo("'+1");
		assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
		assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
		assertThat(CsvCells.neutralise("Echo = Dot")).isEqualTo("Echo = Dot");
		assertThat(CsvCells.neutralise("12")).isEqualTo("12");
		assertThat(CsvCells.neutralise("")).isEmpty();
		assertThat(CsvCells.neutralise(null)).isEmpty();
	}

	@Test
	void writesAHeaderAndQuotedRowsThatReadBackTheSame() throws Exception {
		CsvExport<String[]> export = CsvExport.of(String[].class)
			.column("store", (r) -> r[0])
			.column("item", (r) -> r[1]);
		byte[] csv = export.write(List.of(new String[] { "Berlin", "Echo, \"Dot\"" },
				new String[] { "Pusan", "=cmd|' /C calc'!A0" }, new String[] { "Köln", null }));
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("store,item\r\n");

		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
		assertThat(records).hasSize(3);
		assertThat(records.get(0).get("item")).isEqualTo("Echo, \"Dot\"");
		assertThat(records.get(1).get("item")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(records.get(2).get("store")).isEqualTo("Köln");
		assertThat(records.get(2).get("item")).isEmpty();
	}

}
