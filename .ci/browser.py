"""What the browser checks (check_site.py, check_review.py) share: headless Chromium as Debian ships it,
axe-core's verdict on the page shown, and waiting until a click or a form has brought the next page."""

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def chromium(window):
    """Debian's chromium and chromedriver, headless, with the browser console kept for the checks."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={window}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def axe_violations(driver, axe_source):
    """axe-core's violations on the page shown, each with id, impact, help and number of elements; an axe
    that fails to run counts as a critical violation."""
    driver.execute_script(axe_source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))))"
        ".catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: 0}]));"
    )


def replaced(old):
    """`staleness_of`, also when Chromium, asked in the middle of a navigation, answers that the old node no
    longer belongs to the document (a WebDriverException, not a StaleElementReferenceException)."""
    def check(_):
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return check


def follow(driver, action, timeout=60):
    """Does `action` (a click, Enter, a submit) and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, timeout).until(replaced(page))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")
