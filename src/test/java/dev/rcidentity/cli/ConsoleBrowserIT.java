package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.rcidentity.cli.ConsoleStory.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in headless Chromium against a real instance (embedded broker, topology, API with API_TOKEN set):
 * what each view shows is what the API answers, a name holding markup stays text, and each view is saved as a
 * screenshot under target/console-screenshots.
 */
class ConsoleBrowserIT {
    private static final String TOKEN = "console-token-1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static TestInstance api;
    static ChromeDriver driver;
    static ConsolePage page;

    @BeforeAll
    static void start() throws Exception {
        driver = HeadlessChromium.start(dir.resolve("chromium-profile"));
        kafka = KafkaTestCluster.start(dir, 3);
        new ConsoleStory().publish(kafka);
        api = TestInstance.start(kafka.bootstrapServers(), dir, "console-it", Map.of(SettingKeys.API_TOKEN.key(), TOKEN))
                .checkedAgainstOpenApi();
        for (String owner : List.of(ConsoleStory.CAROL, ConsoleStory.EVE)) {
            assertEquals(200, api.getUntil("/v1/identities/" + owner,
                    r -> r.status() == 200 && r.body().contains(ConsoleStory.COMPANY), WAIT).status());
        }
        assertTrue(api.getUntil("/v1/extensions/" + ConsoleStory.CAROL + "/history",
                r -> r.body().contains("NUMBER_CHANGED"), WAIT).body().contains("NUMBER_CHANGED"));
        page = new ConsolePage(driver, api.base());
        page.open("#/owner");
        page.type("#api-token", TOKEN);
        page.click("#token-form button[type=submit]");
        page.await(d -> d.findElement(By.id("token-state")).getText().equals("token set for this tab"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static JsonNode json(String path) throws Exception {
        TestInstance.Response response = api.get(path);
        assertEquals(200, response.status(), path + ": " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void anOwnerIdShowsTheIdentityCardTheApiAnswers() throws Exception {
        page.open("#/owner");
        page.type("#f-ownerId", ConsoleStory.CAROL);
        page.click("main form.lookup button");
        page.awaitElement(".identity [data-field=name]");
        JsonNode identity = json("/v1/identities/" + ConsoleStory.CAROL);
        for (String name : List.of("name", "extensionId", "extensionNumber", "type", "status", "resolution", "accountId",
                "loginCount", "extensionNumberAtLogin")) {
            assertEquals(identity.path(name).asText(), page.field(".identity", name), name);
        }
        assertEquals(identity.path("account").path("companyName").asText(), page.field(".identity", "companyName"));
        assertEquals(identity.path("admin").asBoolean() ? "yes" : "no", page.field(".identity", "admin"));
        assertEquals(identity.path("accountRoot").asBoolean() ? "yes" : "no", page.field(".identity", "accountRoot"));
        assertEquals(identity.path("lastLoginAt").asText(), page.fieldTime(".identity", "lastLoginAt"));
        assertEquals(identity.path("firstLoginAt").asText(), page.fieldTime(".identity", "firstLoginAt"));
        HeadlessChromium.screenshot(driver, "owner");

        page.open("#/owner/999999");
        assertTrue(page.awaitMessage("warn").contains("no identity for owner 999999"));
    }

    @Test
    void withoutTheTokenTheConsoleSaysSoAndSendsItOnceGiven() {
        page.open("#/owner/" + ConsoleStory.CAROL);
        page.awaitElement(".identity");
        page.click("#forget-token");
        assertTrue(page.awaitMessage("error").contains("Enter the token"), "a 401 becomes a message");
        page.type("#api-token", TOKEN);
        page.click("#token-form button[type=submit]");
        page.awaitElement(".identity [data-field=name]");
        assertTrue(driver.getCurrentUrl().endsWith("#/owner/" + ConsoleStory.CAROL), "the token never enters the URL");
    }

    @Test
    void anAccountShowsItsCountsAndPagesThroughItsExtensions() throws Exception {
        page.open("#/account/" + ACCOUNT);
        page.awaitElement(".account [data-field=companyName]");
        JsonNode account = json("/v1/accounts/" + ACCOUNT);
        assertEquals(ConsoleStory.COMPANY, page.field(".account", "companyName"));
        account.path("extensionCounts").properties().forEach(count -> assertEquals(count.getValue().asText(),
                driver.findElement(By.cssSelector(".chip[data-status='" + count.getKey() + "'] b")).getText(), count.getKey()));

        new Select(driver.findElement(By.id("filter-perPage"))).selectByValue("25");
        page.click("form.filters button");
        page.await(d -> d.getCurrentUrl().contains("perPage=25") && !d.findElements(By.cssSelector(".pager[data-page='1']")).isEmpty());
        assertEquals(apiPage("perPage=25&page=1"), shownIds());
        HeadlessChromium.screenshot(driver, "account");

        page.click(".pager a[rel=next]");
        page.awaitElement(".pager[data-page='2']");
        assertEquals(apiPage("perPage=25&page=2"), shownIds());

        new Select(driver.findElement(By.id("filter-status"))).selectByValue("Disabled");
        page.click("form.filters button");
        page.await(d -> d.getCurrentUrl().contains("status=Disabled") && !d.findElements(By.cssSelector(".pager[data-page='1']")).isEmpty());
        assertEquals(apiPage("status=Disabled&perPage=25&page=1"), shownIds());
    }

    private static List<String> apiPage(String query) throws Exception {
        List<String> ids = new ArrayList<>();
        json("/v1/accounts/" + ACCOUNT + "/extensions?" + query).path("records").forEach(r -> ids.add(r.path("extensionId").asText()));
        assertTrue(!ids.isEmpty(), query);
        return ids;
    }

    private static List<String> shownIds() {
        return page.attributes("table.extensions tbody tr", "data-extension-id");
    }

    @Test
    void anExtensionsHistoryIsATimelineOfItsVersions() throws Exception {
        JsonNode rows = json("/v1/extensions/" + ConsoleStory.ALICE + "/history").path("rows");
        List<String> changes = new ArrayList<>();
        rows.forEach(row -> changes.add(row.path("change").asText()));
        assertEquals(List.of("CREATED", "STATUS_CHANGED", "DELETED"), changes, "the whole story was processed");
        page.open("#/history/" + ConsoleStory.ALICE);
        page.await(d -> d.findElements(By.cssSelector(".timeline li.version")).size() == rows.size());
        for (JsonNode row : rows) {
            String version = ".version[data-version='" + row.path("version").asText() + "']";
            assertEquals(row.path("change").asText(), driver.findElement(By.cssSelector(version)).getAttribute("data-change"));
            for (String name : List.of("extensionNumber", "name", "status")) {
                assertEquals(row.path(name).asText(), page.field(version, name), version + " " + name);
            }
        }
        HeadlessChromium.screenshot(driver, "history");
    }

    @Test
    void aNumbersTimelineShowsEachHolderWhenTheApiSaysTheyHeldIt() throws Exception {
        page.open("#/number/" + ACCOUNT + "/" + ConsoleStory.NUMBER);
        page.await(d -> d.findElements(By.cssSelector("svg.holders g.lane")).size() == 3);
        assertEquals(List.of(ConsoleStory.ALICE, ConsoleStory.BOB, ConsoleStory.CAROL),
                page.attributes("svg.holders g.lane", "data-extension-id"));
        for (String holder : List.of(ConsoleStory.ALICE, ConsoleStory.BOB, ConsoleStory.CAROL)) {
            String holding = "svg.holders g.lane[data-extension-id='" + holder + "'] g.holding";
            Instant from = Instant.parse(page.attributes(holding, "data-from").get(0));
            String to = page.attributes(holding, "data-to").get(0);
            Instant inside = to.isEmpty() ? Instant.now() : from.plus(Duration.between(from, Instant.parse(to)).dividedBy(2));
            JsonNode holderThen = json("/v1/accounts/" + ACCOUNT + "/extension-numbers/" + ConsoleStory.NUMBER + "?at=" + inside);
            assertEquals(holder, holderThen.path("extensionId").asText(), "the API's holder at " + inside);
            TestInstance.Response before = api.get("/v1/accounts/" + ACCOUNT + "/extension-numbers/" + ConsoleStory.NUMBER
                    + "?at=" + from.minusMillis(1));
            assertTrue(before.status() == 404 || !before.body().contains("\"extensionId\":\"" + holder + "\""),
                    holder + " did not hold it before " + from);
        }
        HeadlessChromium.screenshot(driver, "number");
    }

    @Test
    void aNameHoldingMarkupIsShownAsText() {
        page.open("#/owner/" + ConsoleStory.EVE);
        page.awaitElement(".identity [data-field=name]");
        assertEquals(ConsoleStory.EVE_NAME, page.field(".identity", "name"));
        page.open("#/account/" + ACCOUNT + "?perPage=250");
        String row = "table.extensions tr[data-extension-id='" + ConsoleStory.EVE + "'] td.name";
        assertEquals(ConsoleStory.EVE_NAME, page.awaitElement(row).getText());
        assertEquals(0, driver.findElements(By.cssSelector("main script, main img")).size());
        assertEquals(Boolean.TRUE, driver.executeScript("return window.pwned === undefined"));
    }

    @Test
    void connectionsAskForTheAdminTokenAndSayWhenTheRoutesAreMissing() throws Exception {
        page.open("#/connections");
        assertTrue(page.awaitMessage("info").contains("admin token"));
        page.type("#admin-token", "admin-secret");
        page.click("main form.lookup button");
        assertTrue(page.awaitMessage("warn").contains("/v1/connections"));
        HeadlessChromium.screenshot(driver, "connections");
    }
}
