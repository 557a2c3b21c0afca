"""Drives the running web application in headless Chromium as a user would; called by .ci/check-site.

Usage: check_site.py BASE_URL WORK_DIR
WORK_DIR holds axe.min.js and expected-themes.csv; screenshots are written there.
Fails (exit 1) on a console error, a missing element, an axe violation of impact serious or critical,
a download that differs from `compare --format csv`, or a hostile URL that is not refused.
"""

import pathlib
import sys
import urllib.error
import urllib.request

import browser
from browser import axe_violations, chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

base, work = sys.argv[1], pathlib.Path(sys.argv[2])
axe_source = (work / "axe.min.js").read_text(encoding="utf-8")
failures = []
step_number = 0

driver = chromium("1400,1800")


def fail(message):
    failures.append(f"{driver.current_url}: {message}")
    print(f"  FAIL {message}")


def one(css):
    """The first element matching css, or a recorded failure."""
    found = driver.find_elements(By.CSS_SELECTOR, css)
    if not found:
        fail(f"missing element {css}")
        return None
    return found[0]


def check_page(name, expected_status=None):
    """Console, axe and a screenshot for the page now shown; `expected_status` is a refusal we asked for."""
    global step_number
    step_number += 1
    driver.save_screenshot(str(work / f"{step_number:02d}-{name}.png"))
    for entry in driver.get_log("browser"):
        expected = expected_status and f"status of {expected_status}" in entry.get("message", "")
        if entry.get("level") == "SEVERE" and not expected:
            fail(f"console error: {entry.get('message')}")
    if not driver.find_elements(By.CSS_SELECTOR, "main#content h1"):
        fail("no h1 inside main#content")
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    if lang not in ("nl", "en"):
        fail(f"html lang is {lang!r}")
    violations = axe_violations(driver, axe_source)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    for violation in serious:
        fail(f"axe {violation['impact']}: {violation['id']} ({violation['help']}, {violation['nodes']} elements)")
    minor = [v["id"] for v in violations if v not in serious]
    print(f"ok {name}: axe found {len(serious)} serious or critical, {len(minor)} minor {minor}")


def follow(action):
    """Clicks, types Enter or submits, and waits until the next page has replaced this one."""
    browser.follow(driver, action, timeout=60)


def status_of(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


try:
    # Home: the programmes as cards; the first Tab reaches the skip link.
    driver.get(base + "/")
    cards = driver.find_elements(By.CSS_SELECTOR, "ul.cards > li.card")
    if len(cards) < 5:
        fail(f"expected at least 5 programme cards, saw {len(cards)}")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    if "skip" not in (driver.switch_to.active_element.get_attribute("class") or ""):
        fail("the first Tab does not reach the skip link")
    check_page("home")

    # A filter narrows the cards.
    Select(driver.find_element(By.ID, "filter-kind")).select_by_value("party-programme")
    follow(driver.find_element(By.CSS_SELECTOR, "form#filters button[type=submit]").click)
    if "kind=party-programme" not in driver.current_url or len(driver.find_elements(By.CSS_SELECTOR, "li.card")) != 1:
        fail("the kind filter did not leave the one party programme")
    check_page("home-filtered")

    # Programme: items, budget and peers.
    driver.get(base + "/")
    link = next((a for a in driver.find_elements(By.CSS_SELECTOR, "a.programme-link") if "actieprogramma" in a.get_attribute("href")), None)
    if link is None:
        fail("no card links to Almere's action programme")
    else:
        follow(link.click)
    for css in ("section#items li[id^=item-]", "section#budget table caption", "section#peers li a", "blockquote", "a.code-theme"):
        one(css)
    check_page("programme")

    # Theme: every programme's items on that theme, side by side.
    theme = one("a.code-theme")
    if theme is not None:
        follow(theme.click)
        if "/themes/" not in driver.current_url:
            fail("the theme link did not open a theme page")
        one("section.programme-column")
        check_page("theme")

    # A filtered view, chosen in its form; its CSV download equals `compare --format csv` on the same data.
    driver.get(base + "/compare/themes")
    Select(driver.find_element(By.ID, "filter-only")).select_by_value("almere")
    follow(driver.find_element(By.CSS_SELECTOR, "form#view-filters button[type=submit]").click)
    if "only=almere" not in driver.current_url:
        fail("the view form did not put only=almere in the address")
    one("table caption")
    check_page("view-themes-almere")
    download = one("a#download-csv")
    if download is not None:
        with urllib.request.urlopen(download.get_attribute("href"), timeout=60) as response:
            served = response.read()
        expected = (work / "expected-themes.csv").read_bytes()
        if served != expected:
            fail(f"the CSV download ({len(served)} bytes) differs from compare --format csv ({len(expected)} bytes)")
        else:
            print(f"ok download: {len(served)} bytes, the same as compare themes --format csv --only almere")

    # The party proposals against the programme: the four levels, each match with why it matches.
    driver.get(base + "/compare/proposals")
    one("table caption")
    if "noemt het onderwerp" not in driver.page_source or "Waarom" not in driver.page_source:
        fail("the proposals view does not show its verdicts and why")
    check_page("view-proposals")

    # Search, typed into the box: a highlighted hit.
    driver.get(base + "/search")
    box = driver.find_element(By.ID, "q")
    box.send_keys("discriminatie")
    follow(lambda: box.send_keys(Keys.ENTER))
    marks = driver.find_elements(By.CSS_SELECTOR, "ol#hits mark")
    if not marks:
        fail("no highlighted hit in ol#hits")
    one("aside#facets a")
    check_page("search")

    # English: the same page in the other language.
    follow(driver.find_element(By.ID, "switch-language").click)
    if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en":
        fail("the language switch did not give an English page")
    if not driver.find_elements(By.CSS_SELECTOR, "ol#hits mark"):
        fail("the English search page lost its hits")
    check_page("search-english")

    # The search box in the header of every page: typed into on a view page, it leads to the hits.
    driver.get(base + "/compare/roles")
    box = driver.find_element(By.ID, "site-search-q")
    box.send_keys("discriminatie")
    follow(lambda: box.send_keys(Keys.ENTER))
    if "/search" not in driver.current_url or not driver.find_elements(By.CSS_SELECTOR, "ol#hits mark"):
        fail("the header's search box did not lead to highlighted hits")

    # Every picture, with the table of its numbers.
    pictures = {
        "/compare/themes": ("figure#figure-heat-map svg.chart", "table#view-table-1"),
        "/compare/instruments": ("figure#figure-heat-map svg.chart", "table#view-table-1"),
        "/compare/budgets": ("figure#figure-budget-per-inhabitant svg.chart", "figure#figure-budget-per-inhabitant table caption"),
        "/compare/roles": ("figure#figure-role-profiles svg.chart", "figure#figure-role-profiles table caption"),
        "/compare/timeline": ("figure[id^=figure-timeline-] svg.chart", "table#view-table-1"),
    }
    for path, (picture, numbers) in pictures.items():
        driver.get(base + path)
        svg = one(picture)
        one(numbers)
        if svg is not None and svg.size["width"] < 100:
            fail(f"the picture {picture} is drawn {svg.size['width']} px wide")
        check_page("picture-" + path.rsplit("/", 1)[1])

    # The heat map's cells lead to the programme's items and quotes on the theme's page.
    driver.get(base + "/compare/themes")
    cell = one("figure#figure-heat-map svg a")
    if cell is not None:
        # An SVG link's href is an SVGAnimatedString as a property: read the attribute as written.
        driver.get(base + cell.get_dom_attribute("href"))
        if "/themes/" not in driver.current_url or not driver.find_elements(By.CSS_SELECTOR, "section.programme-column blockquote"):
            fail("a heat map cell did not lead to a theme page with quotes")

    # The page against its peers, for every bundled programme.
    driver.get(base + "/")
    programme_links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.programme-link")]
    for href in programme_links:
        driver.get(href + "/peers")
        for css in ("section#nearest", "section#gaps", "section#unique", "section#peer-budget svg.chart", "section#peer-roles svg.chart",
                    "section#peer-roles table caption"):
            one(css)
        check_page("peers-" + href.rstrip("/").rsplit("/", 1)[1])

    # Side by side: two programmes picked in the form, items aligned by theme with quotes; the CSV download
    # is what `compare side-by-side --only …` writes.
    driver.get(base + "/compare/side-by-side")
    Select(driver.find_element(By.ID, "filter-programme1")).select_by_value("almere/actieprogramma-2020-2022")
    Select(driver.find_element(By.ID, "filter-programme2")).select_by_value("arnhem/veranderprogramma-inclusie-2018")
    follow(driver.find_element(By.CSS_SELECTOR, "form#view-filters button[type=submit]").click)
    if len(driver.find_elements(By.CSS_SELECTOR, "table#view-table-1 thead th")) != 4:
        fail("side by side does not show two programme columns next to domain and theme")
    one("table#view-table-1 ul.aligned-items blockquote")
    check_page("side-by-side")
    download = one("a#download-csv")
    if download is not None:
        with urllib.request.urlopen(download.get_attribute("href"), timeout=60) as response:
            served = response.read()
        expected = (work / "expected-side-by-side.csv").read_bytes()
        if served != expected:
            fail(f"the side-by-side CSV ({len(served)} bytes) differs from compare side-by-side --format csv ({len(expected)} bytes)")
        else:
            print(f"ok side-by-side download: {len(served)} bytes, the same as the command line")

    # No page scrolls sideways, on a laptop or on a phone; wide tables and pictures scroll in their own region.
    # Screenshots of the peer page and the heat map at both widths, for the eye.
    wide_pages = ["/", "/compare/themes", "/compare/themes?compact=1", "/compare/budgets", "/compare/roles", "/compare/timeline",
                  "/programmes/almere/actieprogramma-2020-2022", "/programmes/almere/actieprogramma-2020-2022/peers", "/search?q=inclusie",
                  "/compare/side-by-side?only=almere/actieprogramma-2020-2022,arnhem"]
    for width in (1280, 390):
        driver.set_window_size(width, 1800)
        failures_before = len(failures)
        for path in wide_pages:
            driver.get(base + path)
            scroll, client = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if scroll > client:
                fail(f"at {width} px the page scrolls sideways: {scroll} px of content in {client} px")
        driver.get(base + "/programmes/almere/actieprogramma-2020-2022/peers")
        driver.save_screenshot(str(work / f"peer-page-{width}.png"))
        driver.get(base + "/compare/themes")
        heat = one("figure#figure-heat-map")
        if heat is not None:
            driver.execute_script("arguments[0].scrollIntoView()", heat)
        driver.save_screenshot(str(work / f"heat-map-{width}.png"))
        if len(failures) == failures_before:
            print(f"ok no sideways page scroll at {width} px on {len(wide_pages)} pages")
    driver.set_window_size(1400, 1800)

    # Refused and unknown addresses get the site's own pages.
    for path, expected_status in (("/?colour=red", 400), ("/search?q=%01", 400), ("/nowhere", 404)):
        status = status_of(path)
        if status != expected_status:
            fail(f"{path} answered {status}, expected {expected_status}")
    driver.get(base + "/?colour=red")
    check_page("bad-request", expected_status=400)
finally:
    driver.quit()

if failures:
    print(f"check-site: {len(failures)} problems", file=sys.stderr)
    for failure in failures:
        print(f"  {failure}", file=sys.stderr)
    sys.exit(1)
print(f"check-site: every step passed; screenshots in {work}")
