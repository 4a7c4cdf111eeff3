package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.UploadReport.RowError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedRowsFileTests {

	@Test
	void writesTheFileColumnsPlusLineAndReasonWithFormulasNeutralised() throws Exception {
		Path path;
		try (RejectedRowsFile file = new RejectedRowsFile()) {
			file.header(List.of("store", "item", "count"));
			file.row(List.of("Berlin", "=HYPERLINK(\"http://x\")", "-3"),
					new RowError(3, 2, "count '-3' is not a whole number", "Berlin,..."));
			file.row(List.of("@Hamburg", "Echo, Dot", "+1"), new RowError(4, 3, "=reason", null));
			file.flush();
			path = file.path();
			assertThat(Files.readString(path)).isEqualTo("""
					store,item,count,line,reason
					Berlin,"'=HYPERLINK(""http://x"")",'-3,3,count '-3' is not a whole number
					'@Hamburg,"Echo, Dot",'+1,4,'=reason
					""");
			assertThat(file.rows()).isEqualTo(2);
			assertThat(file.truncated()).isFalse();
		}
		assertThat(path).doesNotExist();
	}

	@Test
	void onlyCellsAFormulaCouldStartWithChange() {
		assertThat(RejectedRowsFile.neutralised("Echo-Dot")).isEqualTo("Echo-Dot");
		assertThat(RejectedRowsFile.neutralised("")).isEmpty();
		assertThat(RejectedRowsFile.neutralised("\t=1")).isEqualTo("'\t=1");
	}

}
