package kz.oqytu.staffreport.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.staffreport.StaffReport;
import kz.oqytu.staffreport.StaffReport.Block;

/**
 * The staff report as a Word document with POI's XWPF: the title, numbered headings in the Heading 1
 * style (outline level 1, so Word and LibreOffice list them in the navigator), the coverage table,
 * findings with their reasons, and the page number in the footer. The draft says so in the footer.
 */
@Component
class StaffReportDocx {

	static final String FONT = "Times New Roman";

	private final MessageSource messages;

	StaffReportDocx(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(StaffReport report, Locale loc) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			styles(doc);
			for (Block b : report.blocks()) {
				switch (b.kind()) {
					case TITLE -> paragraph(doc, b.text(), ParagraphAlignment.CENTER, true, null, 14);
					case HEADING -> {
						XWPFParagraph p = paragraph(doc, b.text(), ParagraphAlignment.LEFT, true, "Heading1", 13);
						p.setSpacingBefore(240);
					}
					case TEXT -> paragraph(doc, b.text(), ParagraphAlignment.BOTH, false, null, 12).setIndentationFirstLine(567);
					case INTRO -> paragraph(doc, b.text(), ParagraphAlignment.LEFT, false, null, 12);
					case BULLET -> paragraph(doc, "– " + b.text(), ParagraphAlignment.BOTH, false, null, 12)
						.setIndentationLeft(567);
					case FINDING -> {
						XWPFParagraph p = paragraph(doc, "– " + b.text(), ParagraphAlignment.BOTH, false, null, 12);
						p.setIndentationLeft(567);
						if (b.reason() != null && !b.reason().isBlank()) {
							XWPFRun reason = p.createRun();
							font(reason, 10);
							reason.setItalic(true);
							reason.setText(" (" + msg(loc, "staffreport.doc.reason") + ": " + b.reason() + ")");
						}
					}
					case TABLE -> table(doc, report.table());
					case SIGNATURE -> {
						XWPFParagraph p = paragraph(doc, b.text(), ParagraphAlignment.LEFT, true, null, 12);
						p.setSpacingBefore(480);
					}
				}
			}
			footer(doc, report, loc);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void styles(XWPFDocument doc) {
		XWPFStyles styles = doc.createStyles();
		CTStyle ct = CTStyle.Factory.newInstance();
		ct.setStyleId("Heading1");
		ct.addNewName().setVal("heading 1");
		ct.setType(STStyleType.PARAGRAPH);
		ct.addNewBasedOn().setVal("Normal");
		ct.addNewQFormat();
		ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
		XWPFStyle style = new XWPFStyle(ct);
		style.setType(STStyleType.PARAGRAPH);
		styles.addStyle(style);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, String text, ParagraphAlignment align, boolean bold,
			String style, int size) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		if (style != null) {
			p.setStyle(style);
		}
		p.setSpacingAfter(120);
		XWPFRun run = p.createRun();
		font(run, size);
		run.setBold(bold);
		run.setText(text);
		return p;
	}

	private static void font(XWPFRun run, int size) {
		run.setFontFamily(FONT);
		run.setFontSize(size);
	}

	private static void table(XWPFDocument doc, StaffReport.Table t) {
		List<List<String>> rows = t.rows();
		XWPFTable table = doc.createTable(rows.size() + 1, t.header().size());
		table.setWidth("100%");
		cells(table.getRow(0), t.header(), true);
		for (int i = 0; i < rows.size(); i++) {
			cells(table.getRow(i + 1), rows.get(i), i == 1 || i == rows.size() - 1);
		}
	}

	private static void cells(XWPFTableRow row, List<String> values, boolean bold) {
		for (int c = 0; c < values.size(); c++) {
			XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
			p.setAlignment(c >= 2 ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
			XWPFRun run = p.createRun();
			font(run, 11);
			run.setBold(bold);
			run.setText(values.get(c));
		}
	}

	/** "Page N" centered in the footer (a PAGE field Word and LibreOffice fill in), and the standing. */
	private void footer(XWPFDocument doc, StaffReport report, Locale loc) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun standing = p.createRun();
		font(standing, 9);
		standing.setText(standing(report, loc) + " · ");
		p.getCTP().addNewFldSimple().setInstr("PAGE");
	}

	private String standing(StaffReport report, Locale loc) {
		if (report.frozen()) {
			return msg(loc, "staffreport.doc.approvedVersion", report.shown().number());
		}
		return report.shown() == null ? msg(loc, "staffreport.doc.draft")
				: msg(loc, "staffreport.doc.draftVersion", report.shown().number());
	}

	private String msg(Locale loc, String key, Object... args) {
		return messages.getMessage(key, args, loc);
	}
}
