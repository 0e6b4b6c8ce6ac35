package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The app as a planner uses it, in a real headless Chromium (Debian's chromium and chromedriver; paths from the
 * system properties {@code bedsim.chromium} and {@code bedsim.chromedriver}, never downloaded): open the app, open
 * the single-hospital example, introduce an error and see it flagged at its line, fix it, run, watch the progress
 * reach the end, open the report, download the CSV and the workbook and check their contents, compare two runs.
 * Screenshots of each page go to {@code target/screenshots/}.
 */
class BrowserFlowTest {
    @TempDir
    static Path tmp;
    static Server server;
    static WebDriver driver;
    static Path downloads;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws IOException {
        String chromium = System.getProperty("bedsim.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("bedsim.chromedriver", "/usr/bin/chromedriver");
        assertTrue(Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver)),
                "browser tests need Chromium and ChromeDriver (Debian: apt-get install chromium chromium-driver; "
                        + ".ci/run installs them); or set -Dbedsim.chromium=... -Dbedsim.chromedriver=...");
        server = TestServers.local(tmp.resolve("workspace"));
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        Files.createDirectories(SHOTS);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-quic", "--window-size=1280,1000",
                "--user-data-dir=" + tmp.resolve("chromium-profile").toAbsolutePath());
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Puts the cursor after the first occurrence of {@code text} and types {@code keys}, as a person would. */
    private static void typeAfter(String text, String keys) {
        js("var cm = document.getElementById('editor').CodeMirrorInstance;"
                + "var c = cm.getSearchCursor ? null : null; var v = cm.getValue(); var i = v.indexOf(arguments[0]);"
                + "cm.focus(); cm.setCursor(cm.posFromIndex(i + arguments[0].length));", text);
        driver.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(keys);
    }

    private static void removeAfter(String text, int chars) {
        js("var cm = document.getElementById('editor').CodeMirrorInstance; var v = cm.getValue();"
                + "var i = v.indexOf(arguments[0]) + arguments[0].length;"
                + "cm.focus(); cm.setCursor(cm.posFromIndex(i));", text);
        WebElement area = driver.findElement(By.cssSelector(".CodeMirror textarea"));
        for (int k = 0; k < chars; k++) {
            area.sendKeys(org.openqa.selenium.Keys.DELETE);
        }
    }

    private static String summary() {
        return driver.findElement(By.id("summary")).getText();
    }

    @Test
    void planner_editsRunsAndDownloads_inARealBrowser() throws Exception {
        String base = TestServers.base(server);
        driver.get(base + "/");
        assertTrue(driver.getTitle().startsWith("Scenarios"), driver.getTitle());
        shot("1-scenarios-empty");

        // open the single-hospital example: it is copied into the workspace and opened in the editor
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("example")))
                .selectByValue("examples/single-hospital.yaml");
        driver.findElement(By.cssSelector("#open-example button")).click();
        waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Can run"));
        assertTrue(Files.isRegularFile(tmp.resolve("workspace/scenarios/single-hospital.yaml")));
        shot("2-editor-ok");

        // introduce an error: a negative length of stay; the validator flags it at its line, as the CLI would
        String wrongLine = "acute: {family: lognormal, mean: 8.5";
        int line = 1 + (int) Files.readAllLines(tmp.resolve("workspace/scenarios/single-hospital.yaml")).stream()
                .takeWhile(l -> !l.contains(wrongLine)).count();
        typeAfter("acute: {family: lognormal, mean: ", "-");
        waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Cannot run"));
        WebElement problem = driver.findElement(By.cssSelector("#problems li.error"));
        assertEquals(Integer.toString(line), problem.getAttribute("data-line"), problem.getText());
        assertTrue(problem.getText().startsWith("single-hospital.yaml:" + line + ":"), problem.getText());
        assertTrue(problem.getText().contains("cohorts[0].los.acute.mean: found -8.5"), problem.getText());
        // the editor marks that very line: a lint marker in its gutter and the line's background
        Object marker = js("var cm = document.getElementById('editor').CodeMirrorInstance;"
                + "var info = cm.lineInfo(arguments[0] - 1); return !!(info.gutterMarkers"
                + " && info.gutterMarkers['CodeMirror-lint-markers']) && (info.bgClass || '').indexOf('bad-line') >= 0;",
                line);
        assertEquals(Boolean.TRUE, marker, "gutter marker and highlight at line " + line);
        Object otherLine = js("var cm = document.getElementById('editor').CodeMirrorInstance;"
                + "return !!(cm.lineInfo(arguments[0]).gutterMarkers);", line + 2);
        assertEquals(Boolean.FALSE, otherLine, "no marker on a good line");
        shot("3-editor-error-at-line");

        // schema-driven completion: Ctrl-Space after "when_f" offers when_full
        typeAfter("kind: acute", "\n    when_f");
        driver.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(
                org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.SPACE));
        WebElement hint = waiting(10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".CodeMirror-hints li")));
        assertEquals("when_full", hint.getText());
        shot("3b-editor-completion");
        driver.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        js("var cm = document.getElementById('editor').CodeMirrorInstance;"
                + "for (var i = 1; i < cm.lineCount(); i++) { if (cm.getLine(i).trim() === 'when_f') {"
                + "cm.replaceRange('', CodeMirror.Pos(i - 1, cm.getLine(i - 1).length), CodeMirror.Pos(i,"
                + " cm.getLine(i).length)); break; } }");

        // fix it, and make the run quick (4 replications): the problem goes away
        removeAfter("acute: {family: lognormal, mean: ", 1);
        removeAfter("replications: ", 2);
        typeAfter("replications: ", "4");
        waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Can run"));
        assertEquals(0, driver.findElements(By.cssSelector("#problems li.error")).size());

        // run (the editor saves first), and watch the progress reach the end
        driver.findElement(By.id("run-run")).click();
        waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.id("run")));
        String runUrl = driver.getCurrentUrl();
        assertTrue(runUrl.contains("/runs/"), runUrl);
        assertTrue(Files.readString(tmp.resolve("workspace/scenarios/single-hospital.yaml")).contains("replications: 4"),
                "saved before the run");
        shot("4-run-progress");
        waiting(120).until(ExpectedConditions.presenceOfElementLocated(By.id("report-link")));
        assertEquals("succeeded", driver.findElement(By.id("status")).getText());
        String progressLog = (String) js("return document.body.innerText;");
        assertTrue(progressLog.contains("Key figures"), progressLog);
        Job job = server.runs().list().get(0);
        assertEquals("4/4 succeeded", js("return sessionStorage.getItem('bedsim-progress-' + arguments[0]);", job.id),
                "the page's progress stream reached the end");
        assertEquals(4, job.done(), "progress reached the end");
        assertEquals(4, job.total());
        // the key figures are the run's own: beds required for the acute site, read from its settings.csv
        WebElement figures = driver.findElement(By.id("key-figures"));
        assertTrue(figures.getText().contains("beds required (as run), percentile method")
                && figures.getText().contains("beds required (demand), percentile method"), figures.getText());
        assertTrue(figures.findElement(By.xpath(".//tr[td[1]='acute']")).isDisplayed(), figures.getText());
        shot("5-run-finished");

        // the report opens (a new tab), with its results
        driver.findElement(By.id("report-link")).click();
        List<String> tabs = List.copyOf(driver.getWindowHandles());
        driver.switchTo().window(tabs.get(tabs.size() - 1));
        waiting(15).until(d -> d.getTitle() != null && !d.getTitle().isEmpty());
        assertTrue(driver.getPageSource().contains("single-hospital"), driver.getTitle());
        shot("6-report");
        driver.close();
        driver.switchTo().window(tabs.get(0));

        // download the settings table (CSV) and the workbook, and read them
        driver.findElement(By.linkText("settings.csv")).click();
        Path csv = waitForDownload("settings.csv");
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("setting,kpi,unit,mean,ci95_low,ci95_high,replications", rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("acute,beds_required_percentile,beds,")
                && r.endsWith(",4")), "4 replications");
        driver.findElement(By.id("workbook-link")).click();
        Path xlsx = waitForDownload(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
            List<String> expected = new java.util.ArrayList<>(List.of("about"));
            for (Path t : Workbook.tables(server.runs().list().get(0).out())) {
                expected.add(t.toString().replace(".csv", ""));
            }
            assertEquals(expected, sheets, "one sheet per CSV table of the run");
            assertTrue(sheets.contains("settings") && sheets.contains("census"), sheets.toString());
            List<Row> settings = wb.findSheet("settings").orElseThrow().read();
            assertEquals(rows.size(), settings.size(), "every CSV row is a sheet row");
            Row acute = settings.stream().filter(r -> r.getCellText(0).equals("acute")
                    && r.getCellText(1).equals("beds_required_percentile")).findFirst().orElseThrow();
            String csvMean = rows.stream().filter(r -> r.startsWith("acute,beds_required_percentile,"))
                    .findFirst().orElseThrow().split(",")[3];
            assertEquals(Double.parseDouble(csvMean), acute.getCellAsNumber(3).orElseThrow().doubleValue(), 1e-9,
                    "numbers are numbers, equal to the CSV's");
        }

        // a second run of the same file, then the two side by side
        driver.get(base + "/scenarios/single-hospital.yaml");
        waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Can run"));
        removeAfter("seed: ", 4);
        typeAfter("seed: ", "7");
        driver.findElement(By.id("save")).click();
        waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-state"), "saved"));
        driver.findElement(By.id("run-run")).click();
        waiting(120).until(ExpectedConditions.presenceOfElementLocated(By.id("report-link")));
        driver.get(base + "/runs");
        shot("7-runs");
        driver.get(base + "/compare");
        List<Job> two = server.runs().list();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("compare-a"))).selectByValue(two.get(1).id);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("compare-b"))).selectByValue(two.get(0).id);
        driver.findElement(By.cssSelector("#compare-form button")).click();
        WebElement table = waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
        assertTrue(table.getText().contains("acute / beds required (as run), percentile method"), table.getText());
        assertTrue(table.getText().contains(" pp"), "differences of shares in percentage points");
        shot("8-compare");
    }

    private static Path waitForDownload(String suffix) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            try (Stream<Path> s = Files.list(downloads)) {
                var found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download ending in " + suffix);
    }
}
