package nl.zorgpad.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver (never a downloaded browser).
 * Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;

  public Browser() throws IOException {
    profile = Files.createTempDirectory("zorgpad-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--user-data-dir=" + profile,
        "--window-size=1400,1000",
        "--lang=nl-NL");
    // the page's console (errors, failed requests) is kept so that a wait that times out can
    // say what the page was doing
    options.setCapability(
        "goog:loggingPrefs", java.util.Map.of("browser", "ALL", "performance", "OFF"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
  }

  /**
   * How long a wait lasts: long enough for the Tasklist's first load on a loaded 2-core CI
   * machine (its AngularJS bundle and every form file), short enough to fail a hung page.
   */
  private static final Duration WAIT = Duration.ofSeconds(45);

  private static final java.util.concurrent.atomic.AtomicInteger FAILURES =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Waits for the condition; when it does not come, keeps a screenshot, the page's HTML and its
   * console in {@code target/browser-failures/} and throws a timeout that names the URL, the
   * page's title and its last console errors (the test report then says what the page did).
   */
  private <T> T await(String what, org.openqa.selenium.support.ui.ExpectedCondition<T> until) {
    try {
      return wait.until(until);
    } catch (org.openqa.selenium.TimeoutException timedOut) {
      throw new org.openqa.selenium.TimeoutException(
          "waited " + WAIT.toSeconds() + " s for " + what + "; " + diagnose(), timedOut);
    }
  }

  /** What the page shows and said, kept on disk; answers a one-paragraph summary. */
  public String diagnose() {
    StringBuilder summary = new StringBuilder();
    String name = "failure-" + ProcessHandle.current().pid() + "-" + FAILURES.incrementAndGet();
    try {
      // the page's own words first: CI keeps the first few hundred characters of a line
      String body = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
      summary.append("page text: ").append(body, 0, Math.min(400, body.length()));
      summary.append("; title «").append(driver.getTitle()).append('»');
      Path dir = Path.of("target", "browser-failures");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
      StringBuilder console = new StringBuilder();
      java.util.List<String> problems = new java.util.ArrayList<>();
      for (org.openqa.selenium.logging.LogEntry entry :
          driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
        console.append(entry).append('\n');
        if (entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          problems.add(entry.getMessage());
        }
      }
      Files.writeString(dir.resolve(name + ".console.txt"), console);
      summary.append("; kept as target/browser-failures/").append(name).append(".*");
      int from = Math.max(0, problems.size() - 5);
      summary.append("; console problems: ").append(problems.subList(from, problems.size()));
      summary.append("; page ").append(driver.getCurrentUrl());
    } catch (RuntimeException | IOException unreadable) {
      summary.append("; (page not readable: ").append(unreadable.getMessage()).append(')');
    }
    System.out.println("Browser: " + summary);
    return summary.toString();
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * From now on every page records the Content-Security-Policy violations it reports (the
   * {@code securitypolicyviolation} event), read with {@link #cspViolations()}. The listener is
   * installed through the DevTools protocol before the page's own scripts run, outside the page's
   * policy.
   */
  public void recordCspViolations() {
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        java.util.Map.of(
            "source",
            "window.__zpCsp = []; document.addEventListener('securitypolicyviolation', e =>"
                + " window.__zpCsp.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at '"
                + " + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));"));
  }

  /** The violations the current page reported since it loaded. */
  @SuppressWarnings("unchecked")
  public java.util.List<String> cspViolations() {
    Object found = driver.executeScript("return window.__zpCsp || ['(not recording)'];");
    return (java.util.List<String>) found;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement visible(By by) {
    return await(by + " to be visible", ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return await(by + " to be clickable", ExpectedConditions.elementToBeClickable(by));
  }

  /**
   * Clicks the first match that is shown and enabled (a view the Tasklist re-rendered can leave a
   * hidden copy of the same element before it).
   */
  public void click(By by) {
    await(
        by + " to click",
        d -> {
          for (WebElement element : d.findElements(by)) {
            try {
              if (element.isDisplayed() && element.isEnabled()) {
                element.click();
                return true;
              }
            } catch (org.openqa.selenium.StaleElementReferenceException
                | org.openqa.selenium.ElementClickInterceptedException rerendered) {
              return false;
            }
          }
          return false;
        });
  }

  public void waitForText(By by, String text) {
    await("«" + text + "» in " + by, ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    await("a condition", condition::apply);
  }

  public Path screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Logs in on Zorgpad's login page (the one login for pages, Tasklist and API). */
  public void login(String base, String user, String password) {
    open(base + "/login");
    visible(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    // wait for the answer to the login: a page opened while the login is still in flight is
    // requested without the session, saved by Spring Security and opened again after the login
    // as ".../?continue" — without its #fragment (the Tasklist then lost the task or filter it
    // was opened on, or stayed on the login page)
    await(
        "the login of " + user + " to finish",
        d -> {
          String url = d.getCurrentUrl();
          if (url.contains("/login?")) { // ?error, ?wachten: refused
            throw new AssertionError("login of " + user + " refused: " + diagnose());
          }
          return !url.contains("/login")
              && "complete"
                  .equals(
                      ((org.openqa.selenium.JavascriptExecutor) d)
                          .executeScript("return document.readyState"));
        });
  }

  @Override
  public void close() {
    driver.quit();
  }

  /**
   * Opens a task of a case from the Camunda Tasklist's list (filter "Taken voor mijn
   * discipline"). The list re-renders while it refreshes: retried until the click lands on a
   * live element.
   */
  public void openTask(String caseNumber, String taskName) {
    By task =
        By.xpath(
            "//ol[contains(@class,'tasks-list')]/li[contains(.,'"
                + caseNumber
                + "') and contains(.,'"
                + taskName
                + "')]//h4/a");
    waitUntil(driver -> clickTaskInList(driver, task));
    visible(
        By.xpath(
            "//h2[contains(.,'"
                + taskName
                + "')] | //div[contains(@class,"
                + "'task-details')]//*[contains(.,'"
                + taskName
                + "')]"));
  }

  /**
   * Claims the open task ("Oppakken") and waits until the Tasklist shows it claimed: a click
   * that lands while the task view re-renders (after it was opened by its link) is repeated.
   */
  public void claim() {
    By claim = By.cssSelector("button.claim");
    waitUntil(
        d -> {
          var buttons = d.findElements(claim);
          if (buttons.isEmpty()) {
            return true;
          }
          try {
            if (buttons.get(0).isDisplayed() && buttons.get(0).isEnabled()) {
              buttons.get(0).click();
            }
          } catch (org.openqa.selenium.StaleElementReferenceException
              | org.openqa.selenium.ElementClickInterceptedException rerendered) {
            // the view re-rendered: the next round finds the new button
          }
          return false;
        });
    // the Tasklist shows the claimed task's form read-only until the task view is loaded again
    driver.navigate().refresh();
    visible(By.cssSelector(".task-details, .fjs-form"));
  }

  private static boolean clickTaskInList(WebDriver driver, By task) {
    try {
      var found = driver.findElements(task);
      if (found.isEmpty()) {
        driver.findElement(By.partialLinkText("Taken voor mijn")).click();
        return false;
      }
      found.get(0).click();
      return true;
    } catch (org.openqa.selenium.StaleElementReferenceException
        | org.openqa.selenium.ElementClickInterceptedException
        | org.openqa.selenium.NoSuchElementException rerendered) {
      return false;
    }
  }

  /** The text the page shows. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Runs a script in the page and returns its result. */
  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Whether the element is shown whole inside the window (not scrolled away). */
  public boolean inView(WebElement element) {
    return Boolean.TRUE.equals(
        driver.executeScript(
            "const r = arguments[0]"
                + ".getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.left >= 0"
                + " && r.bottom <= window.innerHeight && r.right <= window.innerWidth;",
            element));
  }

  /**
   * Opens a task of a case in the Tasklist by searching the list ("Mijn werk", the filter it
   * opens on) for the case number ({@code searchQuery} on the process variable
   * {@code caseNumber}, as the search box would put it in the URL), so that other cases' tasks
   * cannot push it off the list's first page.
   */
  public void openTaskOfCase(String base, String caseNumber, String taskName) {
    String search =
        "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\""
            + caseNumber
            + "\",\"name\":\"caseNumber\"}]";
    boolean inTasklist = driver.getCurrentUrl().contains("/camunda/app/tasklist/");
    open(
        base
            + "/camunda/app/tasklist/default/#/?searchQuery="
            + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    if (inTasklist) {
      // only the fragment changed: load the Tasklist again so that it reads the search
      driver.navigate().refresh();
    }
    By task =
        By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(.,'" + taskName + "')]//h4/a");
    try {
      click(task);
    } catch (org.openqa.selenium.TimeoutException notListedYet) {
      // the list can be drawn before the search from the URL applies (seen on a loaded
      // machine at 390 px): load it once more
      driver.navigate().refresh();
      click(task);
    }
    visible(By.xpath("//h2[contains(@class,'task')][contains(.,'" + taskName + "')]"));
    waitForText(By.cssSelector(".task-card .zorgpad-case"), caseNumber);
  }

  /**
   * Gives pages a viewport of this size (e.g. 390 × 844 for a phone, 1280 × 800): emulated
   * through the DevTools protocol, because headless Chromium keeps a window at least 500 px
   * wide; below 600 px as a mobile device (the pages' viewport meta applies).
   */
  public void size(int width, int height) {
    driver
        .manage()
        .window()
        .setSize(new org.openqa.selenium.Dimension(Math.max(width, 500), height + 100));
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of(
            "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /**
   * How far the current page is wider than its viewport, in CSS pixels
   * ({@code document.documentElement.scrollWidth - innerWidth}); 0 or less when nothing sticks
   * out sideways.
   */
  public long overflowX() {
    Object found =
        driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    return ((Number) found).longValue();
  }

  /**
   * Runs axe-core (the npm package, copied to {@code target/axe/axe.min.js} by the front-end
   * build) on the current page against WCAG 2.1 A and AA, and answers its violations of impact
   * serious or critical, one line each: rule, impact, help text and the offending elements.
   * The script is injected through WebDriver, outside the page's Content-Security-Policy.
   */
  @SuppressWarnings("unchecked")
  public java.util.List<String> seriousAccessibilityViolations() throws IOException {
    Object loaded = driver.executeScript("return typeof window.axe !== 'undefined';");
    if (!Boolean.TRUE.equals(loaded)) {
      driver.executeScript(Files.readString(axeScript()));
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object result =
        driver.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
          .then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
              + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' '
                + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));
        """);
    return (java.util.List<String>) result;
  }

  private static Path axeScript() {
    for (Path candidate :
        java.util.List.of(
            Path.of("target", "axe", "axe.min.js"),
            Path.of("src", "main", "frontend", "node_modules", "axe-core", "axe.min.js"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "axe-core not found: build the front end (npm run build)"
            + " so that target/axe/axe.min.js exists");
  }

  /** form-js 1.8 selects are a custom drop-down: open it and click the option. */
  public void chooseFormOption(String key, String optionText) {
    click(By.xpath("//input[contains(@id,'-Field_" + key + "')]/.."));
    click(
        By.xpath(
            "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                + optionText
                + "']"));
  }
}
