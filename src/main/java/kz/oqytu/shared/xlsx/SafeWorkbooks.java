package kz.oqytu.shared.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens uploaded .xlsx files defensively: the type is checked by content (a ZIP holding a workbook
 * part, no macros), the archive is walked with limits before POI sees it, and POI's own zip-bomb
 * guards are tightened, never disabled.
 */
public final class SafeWorkbooks {

	/** Largest upload accepted, in bytes. */
	public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;

	static final long MAX_TOTAL_BYTES = 120L * 1024 * 1024;

	static final int MAX_ENTRIES = 500;

	static final double MIN_INFLATE_RATIO = 0.01;

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		ZipSecureFile.setMaxTextSize(20_000_000L);
		ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
	}

	private SafeWorkbooks() {
	}

	/** Opens the workbook, or throws {@link SpreadsheetRejectedException} with a reason for the user. */
	public static Workbook open(byte[] content) {
		check(content);
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(content));
		}
		catch (IOException | RuntimeException ex) {
			throw new SpreadsheetRejectedException("import.error.fileMalformed", ex);
		}
	}

	/** The checks that need no parsing: size, ZIP signature, entries, workbook part, no macros. */
	public static void check(byte[] content) {
		if (content == null || content.length == 0) {
			throw new SpreadsheetRejectedException("import.error.fileEmpty");
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new SpreadsheetRejectedException("import.error.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024));
		}
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
			throw new SpreadsheetRejectedException("import.error.notXlsx");
		}
		boolean workbookPart = false;
		int entries = 0;
		long total = 0;
		byte[] buffer = new byte[16 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw new SpreadsheetRejectedException("import.error.fileTooComplex");
				}
				String name = entry.getName();
				if (name.equals("xl/workbook.xml")) {
					workbookPart = true;
				}
				if (name.endsWith("vbaProject.bin")) {
					throw new SpreadsheetRejectedException("import.error.macros");
				}
				long size = 0;
				int read;
				while ((read = zip.read(buffer)) > 0) {
					size += read;
					total += read;
					if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
						throw new SpreadsheetRejectedException("import.error.fileTooComplex");
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new SpreadsheetRejectedException("import.error.notXlsx", ex);
		}
		if (!workbookPart) {
			throw new SpreadsheetRejectedException("import.error.notXlsx");
		}
	}
}
