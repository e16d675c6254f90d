package dev.rcidentity.cli;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The console as the browser test reads it: go to a view, wait for what it shows, read values by their data names. */
final class ConsolePage {
    private static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final URI base;

    ConsolePage(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Loads the console at a view ({@code "#/owner/42"}). */
    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    /** Waits until {@code condition} gives a value (not null, not false); elements replaced meanwhile are looked up again. */
    <T> T await(Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    WebElement awaitElement(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Waits for the view's message of that kind, and returns its text. */
    String awaitMessage(String kind) {
        return awaitElement("main .message." + kind).getText();
    }

    /** The text of the {@code data-field} element under {@code scope}. */
    String field(String scope, String name) {
        return driver.findElement(By.cssSelector(scope + " [data-field='" + name + "']")).getText();
    }

    /** The exact ISO time a field shows. */
    String fieldTime(String scope, String name) {
        return driver.findElement(By.cssSelector(scope + " [data-field='" + name + "'] time")).getAttribute("datetime");
    }

    List<String> attributes(String css, String attribute) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    void type(String css, String text) {
        WebElement input = driver.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }
}
