package org.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.config.CustodyHome;
import org.custody.server.TestServer;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in a real browser (Debian's chromium through its chromedriver, headless, nothing
 * downloaded): sign in, screen a name, open a unit, work a case from open to confirmed, dismiss a vetting
 * finding, on the bundled lists and the demo ledger and evidence. Every page is checked for browser console
 * errors. With {@code -Dcustody.screenshots=DIR} (scripts/screenshots.sh) it also saves the main pages as PNGs.
 */
@Tag("db")
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path home;
    static Database db;
    static CliContext cli;
    static TestServer server;
    static WebDriver browser;
    static WebDriverWait wait;
    static String user;
    static long vettingRequest;
    static final Path SHOTS = System.getProperty("custody.screenshots") == null ? null : Path.of(System.getProperty("custody.screenshots"));

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.fresh();
        cli = new CliContext(new CustodyHome(home), db);
        // the demo's material, step by step as the README runs it (without its report and screening examples)
        run("lists", "import", "--bundled");
        run("ledger", "import", "data/demo/ledger-iraq.json");
        run("ledger", "import", "data/demo/ledger/units");
        run("ingest", "data/demo/evidence");
        ingestPhotoPosts();
        run("detect", "--as-of", "2015-08-01");
        run("vet", "affiliation", "add", "--from", "unit:IQ-34BDE", "--relation", "part_of", "--to-org", "Kata'ib Hizballah",
                "--source", "PMF brigade numbering");
        run("vet", "request", "--unit", "IQ-34BDE", "--purpose", "training", "--for", "armour course", "--as-of", "2016-01-10");
        vettingRequest = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT max(id) FROM vetting_request"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        server = new TestServer(db, home, cli::screener, LoginThrottle.standard());
        user = server.user(Role.SUPERVISOR);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-GB",
                "--window-size=1366," + (SHOTS == null ? 900 : 1500));
        o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (db != null) db.close();
    }

    /** The photo post and its re-post ({@link CasePhotoFixture}), ingested one after the other. */
    private static void ingestPhotoPosts() throws Exception {
        for (Path post : CasePhotoFixture.write(home.resolve("photo-posts"))) run("ingest", post.toString());
    }

    private static void run(String... args) {
        int code = CustodyCommand.execute(cli, args);
        if (code != 0) throw new IllegalStateException("custody " + String.join(" ", args) + " exited " + code);
    }

    private static void open(String path) {
        browser.get(server.base + path);
    }

    private static WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static String text(String css) {
        return find(css).getText();
    }

    /** Fails on any error the browser's console recorded since the last call (scripts, failed loads, CSP). */
    private static void noConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        assertThat(errors).as("browser console errors on " + browser.getCurrentUrl()).isEmpty();
    }

    /** Audit entries of the test's user whose action starts with the prefix. */
    private static long audited(String actionPrefix) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE actor = ? AND action LIKE ?")) {
                ps.setString(1, user);
                ps.setString(2, actionPrefix + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void shot(String name) throws Exception {
        if (SHOTS == null) return;
        Files.createDirectories(SHOTS);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void signInWithTheKeyboardAndSeeTheDashboard() throws Exception {
        open("/login?next=/");
        find("#username").sendKeys(user);
        find("#password").sendKeys(TestServer.PASSWORD + Keys.ENTER);   // Enter submits the form
        wait.until(ExpectedConditions.titleContains("Dashboard"));
        assertThat(text("header.top")).contains("Signed in as " + user).contains("(supervisor)");
        assertThat(text("#h-cases")).isEqualTo("Open cases by score");
        assertThat(text("main")).contains("KATA'IB HIZBALLAH (also known as Kata'ib Hezbollah) holds M1A1 Abrams").contains("Recent evidence")
                .contains("armour course");
        shot("dashboard");
        // the first Tab reaches the skip link, which is then visible
        find("body").sendKeys(Keys.TAB);
        WebElement active = browser.switchTo().activeElement();
        assertThat(active.getText()).isEqualTo("Skip to content");
        assertThat(active.isDisplayed()).isTrue();
        noConsoleErrors();
    }

    @Test
    @Order(2)
    void screenANameAndReadWhyItMatched() throws Exception {
        find("header.top nav a[href='/screen']").click();
        WebElement q = find("#q");
        new Select(find("#schema")).selectByValue("organization");
        q.sendKeys("Kataib Hezbollah" + Keys.ENTER);
        wait.until(ExpectedConditions.titleContains("Screening: Kataib Hezbollah"));
        WebElement first = find("ol.hits li.hit");
        assertThat(first.getText()).contains("ALERT").contains("KATA'IB HIZBALLAH").contains("ofac-sdn");
        first.findElement(By.tagName("summary")).click();
        assertThat(first.getText()).contains("Features of the score").contains("Which names matched how");
        assertThat(text("p.meta")).contains("ofac-sdn v1").contains("un-sc v1");
        noConsoleErrors();
        shot("screening");
    }

    @Test
    @Order(3)
    void openAUnitFromTheHierarchy() throws Exception {
        find("header.top nav a[href='/units']").click();
        find("a[href='/units/IQ-9AD']").click();
        wait.until(ExpectedConditions.titleContains("IQ-9AD"));
        assertThat(text("h1")).contains("9th Armoured Division");
        String main = text("main");
        assertThat(main).contains("Commanders over time").contains("Vetting history").contains("Deliveries")
                .contains("Inventories").contains("M1A1 Abrams");
        assertThat(text("nav.crumbs")).contains("IQ-MOD").contains("IQ-ARMY");
        noConsoleErrors();
        shot("unit");
    }

    @Test
    @Order(4)
    void workACaseFromOpenToConfirmedWithMapAndTimeline() throws Exception {
        find("header.top nav a[href='/cases']").click();
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("table tbody tr")).stream()
                .filter(r -> r.getText().contains("Abrams") && r.getText().contains("open")).findFirst().orElse(null));
        row.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.titleContains("Case "));
        String caseUrl = browser.getCurrentUrl();
        // the map draws the country outlines, places, the sighting and the unit's area; the timeline its lanes
        wait.until(d -> d.findElements(By.cssSelector("#map path.leaflet-interactive")).size() > 20);
        assertThat(browser.findElements(By.cssSelector("details summary")).stream().map(WebElement::getText))
                .anySatisfy(t -> assertThat(t).contains("points on the map as a list"));
        assertThat(browser.findElements(By.cssSelector("svg.timeline circle"))).isNotEmpty();
        assertThat(text("main")).contains("Score breakdown").contains("Candidate deliveries").contains("Evidence")
                .contains("History");
        // the case's picture: its thumbnail loads through the signed-in route, with its facts and re-post family
        WebElement thumb = find("section[aria-labelledby=h-photos] img.thumb");
        // thumbnails load lazily: scroll to the pictures as a reader would, then the image must arrive and decode
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", thumb);
        wait.until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", thumb)).intValue() > 0);
        assertThat(thumb.getAttribute("src")).matches(".*/web/images/[0-9a-f]{64}/thumbnail");
        String photos = text("section[aria-labelledby=h-photos]");
        assertThat(photos).contains(CasePhotoFixture.CAMERA).contains("2015-06-08 16:05").contains("GPS 34.39000, 41.01000")
                .contains("2 posts carry it").contains(CasePhotoFixture.EARLIEST_POSTER);
        shot("case-photos");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        shot("case");

        new Select(find("#move-status")).selectByValue("under_review");
        find("#move-reason").sendKeys("sighting with a ledger serial: reviewing" + Keys.ENTER);
        assertThat(text("p.notice")).contains("is now under_review");
        find("#note").sendKeys("asked the Anbar team for the photographs" + Keys.ENTER);
        assertThat(text("p.notice")).isEqualTo("Note added.");
        new Select(find("#move-status")).selectByValue("confirmed");
        find("#move-reason").sendKeys("serial AB1A-10042 seen with the militia by our own team" + Keys.ENTER);
        assertThat(text("p.notice")).contains("is now confirmed");
        assertThat(browser.findElements(By.id("move-form"))).as("confirmed is final").isEmpty();
        assertThat(text("#h-history").isEmpty()).isFalse();
        String history = text("main");
        assertThat(history).contains(user).contains("asked the Anbar team for the photographs");
        assertThat(browser.getCurrentUrl()).startsWith(caseUrl.replaceAll("\\?.*", ""));
        noConsoleErrors();

        // the audit log has the moves with the signed-in user as actor
        long audited = audited("diversion.case");
        assertThat(audited).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(5)
    void runAVettingCheckAndDismissAFinding() throws Exception {
        find("header.top nav a[href='/vetting']").click();
        find("a[href='/vetting/" + vettingRequest + "']").click();
        wait.until(ExpectedConditions.titleContains("Vetting request " + vettingRequest));
        find("#check-form button").click();
        assertThat(text("p.notice")).startsWith("Checked:");
        WebElement finding = find("li.finding");
        assertThat(finding.getText()).contains("open").contains("KATA'IB HIZBALLAH");
        shot("vetting");
        WebElement reason = finding.findElement(By.cssSelector(".dismiss-form input[name=reason]"));
        reason.sendKeys("test data: the affiliation was recorded to exercise the form" + Keys.ENTER);
        assertThat(text("p.notice")).startsWith("Dismissed the hit");
        assertThat(text("li.finding h3")).startsWith("dismissed");
        assertThat(text("li.finding")).contains("dismissed by " + user);
        noConsoleErrors();
    }

    @Test
    @Order(6)
    void aDocumentShowsItsClaimsInTheText() throws Exception {
        open("/");
        find("#h-evidence");
        WebElement doc = browser.findElements(By.cssSelector("section[aria-labelledby=h-evidence] a")).stream()
                .filter(a -> a.getText().toLowerCase().contains("abrams") || a.getText().toLowerCase().contains("al-qa"))
                .findFirst().orElse(browser.findElement(By.cssSelector("section[aria-labelledby=h-evidence] a")));
        doc.click();
        find("article.doc-text");
        assertThat(browser.findElements(By.cssSelector("article.doc-text mark.claim"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("article.doc-text mark.mention"))).isNotEmpty();
        noConsoleErrors();
        shot("document");
    }

    @Test
    @Order(7)
    void uploadEvidenceAndWatchTheJobFinish() throws Exception {
        Path file = home.resolve("upload").resolve("report-2015-07-03.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Militia convoy near Tikrit\n\nTIKRIT, July 3, 2015 - Fighters of Asa'ib Ahl al-Haq were seen "
                + "driving two M1151 HMMWV near Tikrit on Friday, a local reporter said.\n");
        open("/");
        find("a[href='/evidence/upload']").click();
        find("#files").sendKeys(file.toString());
        find("#ingest-form button").click();
        wait.until(ExpectedConditions.textToBe(By.id("job-state"), "done"));
        assertThat(text("#job-summary")).isEqualTo("1 file(s), 1 document(s) stored, 0 unchanged, 0 refused");
        assertThat(text("#job-count")).isEqualTo("1 of 1 file(s)");
        assertThat(text("#job-lines")).contains("report-2015-07-03.txt").contains("new");
        noConsoleErrors();
        long audited = audited("evidence.");
        assertThat(audited).as("the upload is audited as the user who made it").isPositive();
    }

    @Test
    @Order(8)
    void theMapPageAndAMissingPage() throws Exception {
        find("header.top nav a[href='/map']").click();
        wait.until(d -> d.findElements(By.cssSelector("#map path.leaflet-interactive")).size() > 20);
        noConsoleErrors();
        shot("map");
        open("/lists/update");
        assertThat(find("#lists-form").isDisplayed()).isTrue();
        noConsoleErrors();   // the page's job script (shared with the upload page) loads and registers cleanly
        open("/cases/999999");
        assertThat(text("h1")).isEqualTo("404");
        assertThat(text("main")).contains("no diversion case 999999");
        browser.manage().logs().get(LogType.BROWSER);   // the 404 itself is logged by the browser, as it should be
    }
}
