"""Reviews the fictional example draft in headless Chromium as a user would; called by .ci/check-review.

Usage: check_review.py BASE_URL WORK_DIR PLUGIN_FILE
WORK_DIR holds axe.min.js; screenshots are written there. Changes a theme with the picker, makes an item
from a pasted passage of the source, accepts every item with the keyboard alone (Tab to the button,
Enter), presses Klaar, and checks that a change without the session's token or from another origin is
refused. Fails (exit 1) on a console error, a missing
element, an axe violation of impact serious or critical, or a refusal that does not happen.
"""

import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

base, work, plugin = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
axe_source = (work / "axe.min.js").read_text(encoding="utf-8")
failures = []
step_number = 0
actions = 0

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1800"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(60)
driver.set_script_timeout(60)


def fail(message):
    failures.append(f"{driver.current_url}: {message}")
    print(f"  FAIL {message}")


def check_page(name, run_axe=True):
    """Console, axe and a screenshot for the page now shown."""
    global step_number
    step_number += 1
    driver.save_screenshot(str(work / f"{step_number:02d}-{name}.png"))
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            fail(f"console error: {entry.get('message')}")
    if not driver.find_elements(By.CSS_SELECTOR, "main#content h1"):
        fail("no h1 inside main#content")
    if not run_axe:
        return
    driver.execute_script(axe_source)
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))))"
        ".catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: 0}]));"
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    for violation in serious:
        fail(f"axe {violation['impact']}: {violation['id']} ({violation['help']}, {violation['nodes']} elements)")
    print(f"ok {name}: axe found {len(serious)} serious or critical, {len(violations) - len(serious)} minor")


def replaced(old):
    """True once `old` no longer belongs to the document shown (as in check_site.py)."""
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


def follow(action):
    """Clicks or presses Enter, and waits until the page the form answers with has replaced this one:
    without it, the next step may find the old page's elements while the browser is still navigating."""
    page = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 60).until(replaced(page))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


def post(path, fields, origin):
    """A POST as another page would send it; returns the status code."""
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(base + path, data=data, method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if origin:
        request.add_header("Origin", origin)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


try:
    driver.get(base + "/")
    check_page("start")
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "Actieplan Samen Havendam")
    if "16 na te kijken" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("the start page does not count the draft's 16 review marks")
    follow(link.click)
    actions += 1
    check_page("review")
    page = driver.current_url.split("#")[0]

    # Hostile changes, sent as another site would: refused, and the file unchanged.
    before = plugin.read_bytes()
    version = driver.find_element(By.CSS_SELECTOR, "input[name=version]").get_attribute("value")
    token = driver.find_element(By.CSS_SELECTOR, "input[name=token]").get_attribute("value")
    action = urllib.parse.urlparse(page).path + "/accept"
    if post(action, {"version": version, "path": "execution_lines/d-3"}, base) != 403:
        fail("a change without the token was not refused with 403")
    if post(action, {"token": token, "version": version, "path": "execution_lines/d-3"}, "http://evil.example") != 403:
        fail("a change from another origin was not refused with 403")
    if plugin.read_bytes() != before:
        fail("a refused change altered the plugin file")

    # The theme picker of item d-3: a new primary theme, by mouse.
    item = driver.find_element(By.ID, "item-d-3")
    item.find_element(By.CSS_SELECTOR, "details.picker summary").click()
    Select(item.find_element(By.CSS_SELECTOR, "select[name=primary]")).select_by_value("anti-discrimination-policy")
    follow(item.find_element(By.CSS_SELECTOR, "details.picker button[type=submit]").click)
    actions += 4
    check_page("theme-changed", run_axe=False)
    if "themes: [anti-discrimination-policy" not in plugin.read_text(encoding="utf-8"):
        fail("the chosen primary theme is not first in the plugin file")

    # A new item from a passage of the source, pasted as a user copies it out of the source text.
    passage = "Havendam wil een stad zijn waar iedereen mee kan doen."
    driver.find_element(By.ID, "new-quote").send_keys(passage)
    driver.find_element(By.ID, "new-title").send_keys("Een stad voor iedereen")
    driver.find_element(By.ID, "new-section").send_keys("1. Inleiding")
    Select(driver.find_element(By.ID, "new-primary")).select_by_value("inclusion-general")
    follow(driver.find_element(By.XPATH, "//button[normalize-space()='Onderdeel toevoegen']").click)
    actions += 5
    check_page("item-added", run_axe=False)
    if "- id: n-1" not in plugin.read_text(encoding="utf-8") or not driver.find_elements(By.ID, "item-n-1"):
        fail("the new item from a passage is not in the plugin file or not on the page")

    # Every item accepted with the keyboard: Tab until an Accept button has focus, then Enter.
    accepted = 0
    while accepted < 40:
        buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "form[action$='/accept'] button")]
        if not buttons:
            break
        driver.find_element(By.CSS_SELECTOR, "a.skip").send_keys("")
        presses = 0
        while driver.switch_to.active_element.get_attribute("outerHTML") != buttons[0].get_attribute("outerHTML") and presses < 400:
            driver.switch_to.active_element.send_keys(Keys.TAB)
            presses += 1
        outline = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
        if outline in ("none", ""):
            fail("the focused Accept button shows no focus outline")
        follow(lambda: driver.switch_to.active_element.send_keys(Keys.ENTER))
        accepted += 1
        actions += 1
    print(f"accepted {accepted} parts by keyboard")
    if accepted != 16:
        fail(f"expected to accept 16 parts (12 items, 3 budget lines, the programme), accepted {accepted}")
    check_page("all-accepted")

    follow(driver.find_element(By.XPATH, "//button[normalize-space()='Klaar']").click)
    actions += 1
    check_page("finished")
    done = driver.find_elements(By.CSS_SELECTOR, "p.done a")
    if not done or "/programmes/havendam/havendam-actieplan-2025-2027" not in done[0].get_attribute("href"):
        fail("Klaar did not link to the programme's page in serve")

    driver.get(page + "?lang=en")
    check_page("review-en")
    if "parts left to review" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("the English page is not in English")
finally:
    driver.quit()

print(f"review check: {actions} clicks, choices and key-presses on buttons to review the example (Tab presses not counted)")
if failures:
    print("\n".join(["check-review failed:"] + failures), file=sys.stderr)
    sys.exit(1)
print("check-review: all passed")
