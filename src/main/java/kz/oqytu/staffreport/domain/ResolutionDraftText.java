package kz.oqytu.staffreport.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.NumberFormats;
import kz.oqytu.staffreport.ResolutionDraft;
import kz.oqytu.staffreport.ResolutionDraft.Item;

/**
 * The resolution's text as resolution No. 9 is written: the preamble, "1. take the report into account",
 * the numbered items and sub-items with "Responsible: … Deadline: …", and the control item; as plain
 * text (the adopted resolution's body) and as a Word document (XWPF, as the staff report).
 */
@Component
class ResolutionDraftText {

	/** Where the signer's name is still to be written by hand. */
	static final String SIGN_HERE = "____________________";

	private final MessageSource messages;

	ResolutionDraftText(MessageSource messages) {
		this.messages = messages;
	}

	/** The paragraphs after the title, in order. */
	List<String> paragraphs(ResolutionDraft d, Locale loc) {
		List<String> out = new ArrayList<>();
		out.add(d.preamble());
		out.add("1. " + msg(loc, "resdraft.doc.takeNote"));
		for (Item i : d.items()) {
			StringBuilder line = new StringBuilder(i.number()).append(". ").append(i.text());
			if (i.owner() != null) {
				line.append(' ').append(msg(loc, "resdraft.doc.owner", i.owner()));
			}
			if (i.deadline() != null) {
				line.append(' ').append(msg(loc, "resdraft.doc.deadline", NumberFormats.date(i.deadline())));
			}
			out.add(line.toString());
		}
		if (d.controlBy() != null) {
			out.add(msg(loc, "resdraft.doc.control", String.valueOf(d.controlNumber()), d.controlBy()));
		}
		return out;
	}

	String body(ResolutionDraft d, Locale loc) {
		return String.join("\n", paragraphs(d, loc));
	}

	byte[] docx(ResolutionDraft d, Locale loc) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(doc, msg(loc, "resdraft.doc.committee"), ParagraphAlignment.CENTER, true);
			paragraph(doc, msg(loc, "resdraft.doc.kind"), ParagraphAlignment.CENTER, true);
			if (d.frozen()) {
				String number = d.adoption().item() == null ? msg(loc, "resolutions.numberOnly", d.adoption().number())
						: msg(loc, "resolutions.numberAndItem", d.adoption().number(), d.adoption().item());
				paragraph(doc, NumberFormats.date(d.adoption().adoptedOn()) + "    " + number, ParagraphAlignment.LEFT, false);
			}
			else {
				paragraph(doc, msg(loc, "resdraft.doc.project"), ParagraphAlignment.RIGHT, true);
			}
			paragraph(doc, d.title(), ParagraphAlignment.CENTER, true);
			List<String> paragraphs = paragraphs(d, loc);
			for (int k = 0; k < paragraphs.size(); k++) {
				XWPFParagraph p = paragraph(doc, paragraphs.get(k), ParagraphAlignment.BOTH, false);
				if (k == 0 || k > 1 && k - 2 < d.items().size() && d.items().get(k - 2).level() == 1) {
					p.setIndentationFirstLine(567);
				}
				else if (k > 1 && k - 2 < d.items().size()) {
					p.setIndentationLeft(567);
				}
			}
			signature(doc, d);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The signature block, as resolution No. 9 ends: the signer's title on the left, the name on the right
	 * (a line to sign on when no name was typed), in a table without borders so both keep to their side
	 * in Word and LibreOffice alike. Nothing when neither was typed.
	 */
	private static void signature(XWPFDocument doc, ResolutionDraft d) {
		if (d.signerTitle() == null && d.signerName() == null) {
			return;
		}
		paragraph(doc, "", ParagraphAlignment.LEFT, false);
		XWPFTable table = doc.createTable(1, 2);
		table.removeBorders();
		table.setWidth("100%");
		cell(table.getRow(0).getCell(0), d.signerTitle() == null ? "" : d.signerTitle(), ParagraphAlignment.LEFT);
		cell(table.getRow(0).getCell(1), d.signerName() == null ? SIGN_HERE : d.signerName(), ParagraphAlignment.RIGHT);
	}

	private static void cell(XWPFTableCell cell, String text, ParagraphAlignment align) {
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setAlignment(align);
		XWPFRun run = p.createRun();
		run.setFontFamily(StaffReportDocx.FONT);
		run.setFontSize(12);
		run.setBold(true);
		run.setText(text);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, String text, ParagraphAlignment align, boolean bold) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		p.setSpacingAfter(120);
		XWPFRun run = p.createRun();
		run.setFontFamily(StaffReportDocx.FONT);
		run.setFontSize(12);
		run.setBold(bold);
		run.setText(text);
		return p;
	}

	private String msg(Locale loc, String key, Object... args) {
		return messages.getMessage(key, args, loc);
	}
}
