package io.serviceproof.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.UnprocessableDocumentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Buyers' lists as they come: titled columns in four languages, a form header above the table,
 * cover sheets, no titles at all, GBK-encoded CSV, numbered pasted lines; and hostile or broken
 * files, each refused whole with where and why.
 */
class RequirementListReaderTests {

    private static RequirementList xlsx(Workbooks.SheetRows... sheets) {
        return RequirementListReader.read(TenderFormat.XLSX, Workbooks.xlsx(sheets));
    }

    @Test
    void aVietnameseSheetUnderAFormHeaderKeepsItsNumberingAndGetsAnswerColumnsAfterItsOwn() {
        RequirementList list = xlsx(new Workbooks.SheetRows(
                "Yêu cầu kỹ thuật",
                List.of(
                        List.of("GÓI THẦU: Dây chuyền CNC"),
                        List.of(),
                        List.of("STT", "Yêu cầu kỹ thuật", "Ghi chú của bên mời thầu"),
                        List.of("1", "Nhà thầu phải cung cấp nhật ký kiểm toán không thể chỉnh sửa", "bắt buộc"),
                        List.of("2", "Thời gian phản hồi sự cố trong vòng 4 giờ", ""))));

        assertThat(list.clauses())
                .extracting(RequirementList.Listed::number, RequirementList.Listed::row)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", 3), org.assertj.core.groups.Tuple.tuple("2", 4));
        SheetLayout layout = list.sheets().get(0);
        assertThat(layout.headerRow()).isEqualTo(2);
        assertThat(layout.textColumn()).isEqualTo(1);
        assertThat(layout.numberColumn()).isEqualTo(0);
        // "Ghi chú" is the buyer's remarks column: answers go there, the others are added after it.
        assertThat(layout.remarksColumn()).isEqualTo(2);
        assertThat(layout.answerColumn()).isEqualTo(3);
        assertThat(layout.referenceColumn()).isEqualTo(4);
        assertThat(layout.added()).isTrue();
    }

    @Test
    void theBuyersOwnComplianceAndReferenceColumnsAreUsedNotDuplicated() {
        RequirementList list = xlsx(new Workbooks.SheetRows(
                "Spec",
                List.of(
                        List.of(
                                "Req. No.",
                                "Requirement description",
                                "Compliance (Y/N)",
                                "Reference / evidence",
                                "Remarks"),
                        List.of("3.1", "The supplier shall provide 24/7 remote support", "", "", ""))));

        SheetLayout layout = list.sheets().get(0);
        assertThat(layout)
                .extracting(
                        SheetLayout::numberColumn,
                        SheetLayout::textColumn,
                        SheetLayout::answerColumn,
                        SheetLayout::referenceColumn,
                        SheetLayout::remarksColumn,
                        SheetLayout::added)
                .containsExactly(0, 1, 2, 3, 4, false);
        assertThat(list.clauses())
                .singleElement()
                .extracting(RequirementList.Listed::text)
                .isEqualTo("The supplier shall provide 24/7 remote support");
    }

    @Test
    void chineseAndThaiTitlesAreRecognised() {
        RequirementList chinese = xlsx(new Workbooks.SheetRows(
                "技术要求", List.of(List.of("序号", "技术要求", "响应情况", "证明材料"), List.of("1", "提供远程运维服务", "", ""))));
        assertThat(chinese.sheets().get(0))
                .extracting(
                        SheetLayout::numberColumn,
                        SheetLayout::textColumn,
                        SheetLayout::answerColumn,
                        SheetLayout::referenceColumn)
                .containsExactly(0, 1, 2, 3);

        RequirementList thai = xlsx(new Workbooks.SheetRows(
                "TOR",
                List.of(
                        List.of("ลำดับ", "ข้อกำหนด", "การปฏิบัติตาม"),
                        List.of("1", "ผู้ขายต้องมีการสำรองข้อมูลทุกวัน", ""))));
        assertThat(thai.sheets().get(0))
                .extracting(SheetLayout::numberColumn, SheetLayout::textColumn, SheetLayout::answerColumn)
                .containsExactly(0, 1, 2);
    }

    @Test
    void aCoverSheetOfProseIsSkippedWhenOtherSheetsAreTitled() {
        RequirementList list = xlsx(
                new Workbooks.SheetRows(
                        "Instructions", List.of(List.of("Please answer every clause of the next sheet carefully."))),
                new Workbooks.SheetRows(
                        "Security", List.of(List.of("No", "Requirement"), List.of("S1", "Encrypt data at rest"))),
                new Workbooks.SheetRows(
                        "Service", List.of(List.of("No", "Requirement"), List.of("V1", "Availability of 99.5 %"))));

        assertThat(list.clauses()).extracting(RequirementList.Listed::sheet).containsExactly("Security", "Service");
        assertThat(list.sheets()).extracting(SheetLayout::sheet).containsExactly("Security", "Service");
    }

    @Test
    void withoutTitlesTheLongestTextColumnIsTheClauseAndANumberingColumnIsFound() {
        RequirementList list = xlsx(new Workbooks.SheetRows(
                "Sheet1",
                List.of(
                        List.of("1.1", "The system shall log every operator action with a timestamp", "M"),
                        List.of("1.2", "Backups shall be restored and tested every quarter", "M"))));

        SheetLayout layout = list.sheets().get(0);
        assertThat(layout.headerRow()).isEqualTo(-1);
        assertThat(layout.textColumn()).isEqualTo(1);
        assertThat(layout.numberColumn()).isEqualTo(0);
        assertThat(list.clauses()).extracting(RequirementList.Listed::row).containsExactly(0, 1);
    }

    @Test
    void csvFromExcelInAChineseLocaleIsReadAsGb18030WithItsSemicolons() {
        String csv = "序号;技术要求;备注\r\n1;支持7x24小时远程技术支持;\r\n2;\"数据存储在中国境内; 不出境\";\r\n";
        RequirementList list = RequirementListReader.read(TenderFormat.CSV, csv.getBytes(Charset.forName("GBK")));

        assertThat(list.charset()).isEqualTo("GB18030");
        assertThat(list.clauses())
                .extracting(RequirementList.Listed::text)
                .containsExactly("支持7x24小时远程技术支持", "数据存储在中国境内; 不出境");
    }

    @Test
    void utf8CsvWithAByteOrderMarkReadsItsHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body =
                "No,Requirement\n1,Provide API documentation under version control\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, 3);
        System.arraycopy(body, 0, csv, 3, body.length);

        RequirementList list = RequirementListReader.read(TenderFormat.CSV, csv);

        assertThat(list.sheets().get(0).headerRow()).isZero();
        assertThat(list.clauses())
                .singleElement()
                .extracting(RequirementList.Listed::number)
                .isEqualTo("1");
    }

    @Test
    void pastedLinesSplitTheirNumbersAndSkipBlankLines() {
        RequirementList list = RequirementListReader.read(
                TenderFormat.TEXT,
                "4.2.1 The supplier shall train local technicians\n\n  5) Incidents are answered within 2 hours\nNo number here\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(list.clauses())
                .extracting(RequirementList.Listed::number, RequirementList.Listed::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4.2.1", "The supplier shall train local technicians"),
                        org.assertj.core.groups.Tuple.tuple("5)", "Incidents are answered within 2 hours"),
                        org.assertj.core.groups.Tuple.tuple(null, "No number here"));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithWhy() {
        assertThatThrownBy(() ->
                        RequirementListReader.read(TenderFormat.XLSX, "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e).problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("not a readable XLSX workbook")));
    }

    @Test
    void aZipBombNamedXlsxIsRefusedBeforeItFillsMemory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> RequirementListReader.read(TenderFormat.XLSX, out.toByteArray()))
                .isInstanceOf(UnprocessableDocumentException.class);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefusedNotGuessed() {
        byte[] broken = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFE};
        assertThatThrownBy(() -> RequirementListReader.read(TenderFormat.CSV, broken))
                .isInstanceOf(UnprocessableDocumentException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void anEmptyListAndAnOversizedClauseAreRefusedNamingWhere() {
        assertThatThrownBy(
                        () -> RequirementListReader.read(TenderFormat.TEXT, "\n \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e)
                                .problems()
                                .get(0)
                                .message())
                        .contains("no clause found"));

        String huge = "x".repeat(RequirementListReader.MAX_CLAUSE_CHARS + 1);
        assertThatThrownBy(() -> RequirementListReader.read(
                        TenderFormat.TEXT, ("ok clause\n" + huge).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e)
                                .problems()
                                .get(0)
                                .location())
                        .isEqualTo("row 2"));
    }

    @Test
    void moreClausesThanALimitAreRefusedAndNothingIsTruncatedSilently() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= RequirementListReader.MAX_CLAUSES; i++) {
            lines.add("clause number " + i);
        }
        assertThatThrownBy(() -> RequirementListReader.read(
                        TenderFormat.TEXT, String.join("\n", lines).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e)
                                .problems()
                                .get(0)
                                .message())
                        .contains("split it into several tenders"));
    }
}
