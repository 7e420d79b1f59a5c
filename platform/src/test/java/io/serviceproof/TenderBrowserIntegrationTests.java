package io.serviceproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 20 in a real browser: a buyer's workbook imported, matched, answered and downloaded filled. */
class TenderBrowserIntegrationTests extends BrowserJourney {

    /**
     * Issue 20 as the compliance manager does it: import a buyer's workbook, watch its clauses being
     * matched, pick what answers the first clause and confirm, and download the buyer's workbook with
     * the answer written into it.
     */
    @Test
    void aComplianceManagerAnswersABuyersWorkbookAndDownloadsItFilled() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Path workbook = Files.createTempFile("HSMT-", ".xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("Yêu cầu kỹ thuật");
            String[][] rows = {
                {"STT", "Yêu cầu kỹ thuật", "Ghi chú"},
                {"1", "Hệ thống phải lưu nhật ký kiểm toán mọi phiên truy cập từ xa, có khả năng chống giả mạo.", ""},
                {"2", "Máy phải được sơn màu RAL 7035.", ""}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            try (var out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
        signIn(wait, "compliance@demo.serviceproof.io");
        browser.get("http://localhost:" + port + "/tenders?lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-form")));
        browser.findElement(By.id("title")).sendKeys("HP-2026-18 browser tender");
        browser.findElement(By.id("buyer")).sendKeys("Hai Phong Auto Parts");
        browser.findElement(By.id("file")).sendKeys(workbook.toAbsolutePath().toString());
        click(By.cssSelector("#tender-form button[type=submit]"));

        // The page polls while the clauses are matched, and reloads itself when they are.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".answer-form")));
        String tender = browser.getCurrentUrl().replaceAll("[?#].*$", "");
        assertThat(browser.findElement(By.id("tender-progress")).getText()).contains("2 of 2 clauses matched");
        assertThat(browser.findElements(By.cssSelector(".no-match")))
                .as("the paint clause is a gap")
                .hasSize(1);
        screenshot("tender-matched.png");

        WebElement first =
                browser.findElements(By.cssSelector("article.clause")).get(0);
        WebElement pick = first.findElement(By.cssSelector(".suggestion.strong input[type=checkbox]"));
        String picked =
                first.findElement(By.cssSelector(".suggestion.strong label")).getText();
        click(By.id(pick.getAttribute("id")));
        click(By.cssSelector("#" + first.getAttribute("id") + " .answer-form button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.clause .answer-badge")));
        WebElement answered =
                browser.findElements(By.cssSelector("article.clause")).get(0);
        assertThat(answered.findElement(By.cssSelector(".answer-badge")).getText())
                .isEqualTo("Partially comply");
        assertThat(answered.findElement(By.cssSelector(".flags")).getText()).contains("no approved evidence linked");
        screenshot("tender-answered.png");

        // In Chinese, every reason and flag on the page is said in Chinese (recorded in English).
        browser.get(tender + "?lang=zh-CN");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.clause .answer-badge")));
        List<String> said =
                browser.findElements(By.cssSelector("ul.reasons li, ul.flags li, ul.suggestion-flags li")).stream()
                        .map(li -> li.getAttribute("textContent").strip())
                        .toList();
        assertThat(said).isNotEmpty().allMatch(text -> text.matches("(?s).*\\p{IsHan}.*"), "said in Chinese");
        assertThat(browser.findElement(By.cssSelector("article.clause .flags")).getText())
                .contains("未关联已批准的证据");

        // The download is the buyer's workbook with the answer in a column after theirs.
        assertThat(browser.findElement(By.id("export")).getAttribute("href")).isEqualTo(tender + "/export");
        var script = (org.openqa.selenium.JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        String base64 = (String) script.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                    let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });
                """, tender + "/export");
        try (var exported = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)))) {
            var sheet = exported.getSheet("Yêu cầu kỹ thuật");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Mức độ đáp ứng");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Đáp ứng một phần");
            String reference = sheet.getRow(1).getCell(4).getStringCellValue();
            assertThat(reference).isNotBlank();
            // A requirement is cited by its framework and clause id, as its label starts.
            assertThat(picked).contains(reference.split(";")[0].strip());
            assertThat(sheet.getRow(2).getCell(3)).isNull();
        }
    }
}
