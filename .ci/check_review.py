"""The issue's scenario in headless Chromium, as a user would do it; called by .ci/check-review.

Usage: check_review.py review BASE_URL WORK_DIR DRAFTS_DIR DOCUMENT
       check_review.py serve SERVE_URL WORK_DIR
WORK_DIR holds axe.min.js; screenshots are written there.

review: uploads the fictional example document on the start page and creates its municipality, changes a
suggested theme with the picker, selects a passage in the source with the mouse and makes an item of it,
fixes the problem validation shows for that item, accepts every part left with the keyboard (the page's
keys), undoes and redoes one change, and presses Klaar. On the way it reads the draft again as another kind
and undoes that, changes a budget line's kind, and checks that changes without the session's token or from
another origin are refused. serve: finds the imported programme in `inclusiebench serve`'s pages.
Fails (exit 1) on a console error, a missing element, an axe violation of impact serious or critical, or a
refusal that does not happen. Counts the actions (clicks, choices, filled fields and key presses).
"""

import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request

import browser
from browser import axe_violations, chromium
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

mode, base, work = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
axe_source = (work / "axe.min.js").read_text(encoding="utf-8")
failures = []
step_number = 0
actions = 0

driver = chromium("1400,1000")


def fail(message):
    failures.append(f"{driver.current_url}: {message}")
    print(f"  FAIL {message}")


def act(count=1):
    global actions
    actions += count


def check_page(name, run_axe=True):
    """Console, axe and a screenshot for the page now shown."""
    global step_number
    step_number += 1
    driver.save_screenshot(str(work / f"{mode}-{step_number:02d}-{name}.png"))
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            fail(f"console error: {entry.get('message')}")
    if not driver.find_elements(By.CSS_SELECTOR, "main h1"):
        fail("no h1 inside main")
    if not run_axe:
        return
    violations = axe_violations(driver, axe_source)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    for violation in serious:
        fail(f"axe {violation['impact']}: {violation['id']} ({violation['help']}, {violation['nodes']} elements)")
    print(f"ok {name}: axe found {len(serious)} serious or critical, {len(violations) - len(serious)} minor")


def follow(action):
    """Does `action` and waits until the page the form answers with has replaced this one."""
    browser.follow(driver, action, timeout=120)


def key(letter, counted=True):
    """A key of the page's own, pressed where the page has focus (outside any field)."""
    ActionChains(driver).send_keys(letter).perform()
    if counted:
        act()


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


def select_with_mouse(passage):
    """Drags the mouse over `passage` in the source text, from its first character to its last."""
    rects = driver.execute_script(
        """
        const [pre, passage] = arguments;
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        let text = "", nodes = [];
        while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
        const start = text.indexOf(passage);
        if (start < 0) return null;
        function at(offset) {
          for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
        }
        function rect(offset) {
          const [node, inner] = at(offset);
          const range = document.createRange();
          range.setStart(node, inner); range.setEnd(node, inner + 1);
          return range.getBoundingClientRect();
        }
        const first = rect(start);
        pre.scrollTop += first.top - pre.getBoundingClientRect().top - 40;
        const a = rect(start), b = rect(start + passage.length - 1), box = pre.getBoundingClientRect();
        return {x1: a.left + 1 - box.left, y1: a.top + a.height / 2 - box.top, x2: b.right - 1 - box.left, y2: b.top + b.height / 2 - box.top,
                width: box.width, height: box.height};
        """,
        driver.find_element(By.CSS_SELECTOR, ".source-text"), passage)
    if rects is None:
        fail(f"the passage is not in the source text: {passage}")
        return
    pre = driver.find_element(By.CSS_SELECTOR, ".source-text")
    left, top = -rects["width"] / 2, -rects["height"] / 2
    (ActionChains(driver)
        .move_to_element_with_offset(pre, int(left + rects["x1"]), int(top + rects["y1"]))
        .click_and_hold()
        .move_to_element_with_offset(pre, int(left + rects["x2"]), int(top + rects["y2"]))
        .release()
        .perform())
    act()


def marks_left(plugin):
    return sum(1 for line in plugin.read_text(encoding="utf-8").splitlines() if line.strip() == "review: suggested")


def review(drafts, document):
    plugin = drafts / "havendam" / "havendam-actieplan-2025-2027.yaml"
    driver.get(base + "/")
    check_page("start")

    # Upload the document and create its municipality: choose the file, fill six fields, submit.
    driver.find_element(By.ID, "document").send_keys(str(document.resolve()))
    act()
    if Select(driver.find_element(By.ID, "municipality")).first_selected_option.get_attribute("value") != "new":
        fail("with no municipality yet, a new one is not the choice")
    for field, value in (("new_name", "Havendam"), ("new_slug", "havendam"), ("new_cbs_code", "GM9901"),
                         ("new_population", "48200"), ("new_reference_date", "2025-01-01")):
        driver.find_element(By.ID, field).send_keys(value)
        act()
    Select(driver.find_element(By.ID, "new_province")).select_by_value("Zeeland")
    act()
    follow(driver.find_element(By.ID, "upload-button").click)
    act()
    check_page("review")
    if not plugin.exists() or not (drafts / "havendam" / "municipality.yaml").exists():
        fail("the upload did not write the plugin and municipality.yaml")
        return
    drafted = marks_left(plugin)
    print(f"the draft has {drafted} parts to review")
    if f"{drafted} onderdelen nog na te kijken" not in driver.find_element(By.ID, "review-status").text:
        fail("the review page does not count the draft's review marks")
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

    # Another kind, with every form of the programme and a budget line open for axe: the draft is read
    # again as a policy note, and undo (u) brings the upload's bytes back. Not counted: no part of the
    # scenario, a check that the page can take it back.
    driver.execute_script("document.querySelectorAll('#kind, #item-programme details, #item-b-1 details').forEach(d => d.open = true)")
    check_page("forms-open")
    if "worden vervangen" not in driver.find_element(By.ID, "kind-warning").text:
        fail("the page does not say before that another kind replaces the edits")
    Select(driver.find_element(By.ID, "kind-choice")).select_by_value("policy-note")
    follow(driver.find_element(By.CSS_SELECTOR, "#kind button[type=submit]").click)
    if "kind: policy-note" not in plugin.read_text(encoding="utf-8"):
        fail("choosing another kind did not draft the document again as that kind")
    check_page("kind-changed", run_axe=False)
    follow(lambda: key("u", counted=False))
    if plugin.read_bytes() != before:
        fail("undo after another kind did not bring back the draft as uploaded")

    # A budget line's kind of money, from its form (not counted either: the scenario accepts the guess).
    line = driver.find_element(By.ID, "item-b-1")
    line.find_element(By.CSS_SELECTOR, "form[action$='/budget-line']").find_element(By.XPATH, "..").find_element(By.TAG_NAME, "summary").click()
    Select(line.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_value("subsidy-to-partner")
    follow(line.find_element(By.CSS_SELECTOR, "form[action$='/budget-line'] button[type=submit]").click)
    if "kind: subsidy-to-partner" not in plugin.read_text(encoding="utf-8"):
        fail("the budget line's chosen kind is not in the plugin file")

    # Change a suggestion: item d-3's primary theme, with the picker and the mouse.
    item = driver.find_element(By.ID, "item-d-3")
    item.find_element(By.CSS_SELECTOR, "details.picker[data-facet=themes] summary").click()
    # The picker's search box narrows its list, accents and case aside; cleared again, the list is whole.
    search = item.find_element(By.CSS_SELECTOR, "details.picker[data-facet=themes] .picker-search input")
    search.send_keys("DISCRIM")
    rows = item.find_elements(By.CSS_SELECTOR, "details.picker[data-facet=themes] .choice")
    shown = [row.text for row in rows if row.is_displayed()]
    if not shown or len(shown) == len(rows) or not all("discrim" in text.lower() for text in shown):
        fail(f"the picker's search for 'DISCRIM' shows {len(shown)} of {len(rows)} choices: {shown[:3]}")
    search.clear()
    search.send_keys(" ")
    search.send_keys(Keys.BACKSPACE)
    if sum(row.is_displayed() for row in rows) != len(rows):
        fail("the picker's list is not whole again after the search is cleared")
    Select(item.find_element(By.CSS_SELECTOR, "select[name=primary]")).select_by_value("anti-discrimination-policy")
    follow(item.find_element(By.CSS_SELECTOR, "details.picker[data-facet=themes] button[type=submit]").click)
    act(3)
    check_page("theme-changed", run_axe=False)
    if "themes: [anti-discrimination-policy" not in plugin.read_text(encoding="utf-8"):
        fail("the chosen primary theme is not first in the plugin file")

    # A new item from a passage selected with the mouse: n goes to its title (filled from the passage),
    # Enter adds it. Its quote is the selection.
    passage = "Dit actieplan beschrijft wat de gemeente de komende drie jaar doet tegen discriminatie en voor een toegankelijke stad."
    select_with_mouse(passage)
    if driver.find_element(By.ID, "new-quote").get_attribute("value") != passage:
        fail(f"the selection did not fill the quote: {driver.find_element(By.ID, 'new-quote').get_attribute('value')!r}")
    if driver.find_element(By.ID, "new-section").get_attribute("value") != "1. Inleiding":
        fail("the section was not taken from the heading above the passage")
    check_page("passage-selected")
    key("n")
    if driver.switch_to.active_element.get_attribute("id") != "new-title":
        fail("n did not move to the new item's title")
    follow(lambda: driver.switch_to.active_element.send_keys(Keys.ENTER))
    act()
    check_page("item-added", run_axe=False)
    new_item = driver.current_url.split("#")[-1]
    if not driver.find_elements(By.ID, new_item) or f'quote: "{passage}"' not in plugin.read_text(encoding="utf-8"):
        fail("the new item from the selection is not on the page or not in the file")
        return
    if driver.find_elements(By.CSS_SELECTOR, f"#{new_item}-problems li"):
        fail("the new item shows a problem as it is made")

    # Give the new item a theme: t opens its theme picker, a choice, Enter saves.
    key("t")
    Select(driver.switch_to.active_element).select_by_value("inclusion-general")
    act()
    follow(lambda: driver.switch_to.active_element.send_keys(Keys.ENTER))
    act()
    check_page("theme-chosen", run_axe=False)
    if "themes: [inclusion-general]" not in plugin.read_text(encoding="utf-8"):
        fail("the new item's theme is not in the file")

    # Fix a problem validation shows: item d-3's first quote is only its heading, which pins down no
    # place in the source; it has a second, longer quote, so the heading goes with one click.
    problems = driver.find_elements(By.CSS_SELECTOR, "#item-d-3-problems li")
    if not any("2. Discriminatie" in p.text for p in problems):
        fail("validation shows no problem beside d-3 for its heading-only quote")
    remove = driver.find_element(By.CSS_SELECTOR, "#item-d-3 .quotes form[action$='/remove-quote'] button")
    follow(remove.click)
    act()
    check_page("problem-fixed", run_axe=False)
    if driver.find_elements(By.CSS_SELECTOR, "#item-d-3-problems li"):
        fail("d-3 still shows a problem after its weak quote went")

    # Accept every part left with the page's key a: the page opens at the next part still to review
    # (here d-3, the item just fixed), where a accepts again.
    accepted = 0
    while marks_left(plugin) > 0 and accepted < 60:
        follow(lambda: key("a"))
        accepted += 1
    print(f"accepted {accepted} parts with the key a")
    if accepted != drafted:
        fail(f"expected to accept {drafted} parts, accepted {accepted}")
    check_page("all-accepted")

    # Undo the last accept (u), and accept it again (a): the file comes back to the same bytes.
    reviewed = plugin.read_bytes()
    follow(lambda: key("u", counted=False))
    if marks_left(plugin) != 1:
        fail("undo did not bring back the last review mark")
    check_page("undone", run_axe=False)
    follow(lambda: key("a", counted=False))
    if plugin.read_bytes() != reviewed:
        fail("accepting again after undo did not give the same file")

    # Klaar: g goes to the button, Enter presses it.
    key("g")
    follow(lambda: driver.switch_to.active_element.send_keys(Keys.ENTER))
    act()
    check_page("finished")
    done = driver.find_elements(By.CSS_SELECTOR, "p.done a")
    if not done or "/programmes/havendam/havendam-actieplan-2025-2027" not in done[0].get_attribute("href"):
        fail("Klaar did not link to the programme's page in serve")

    driver.get(page + "?lang=en")
    check_page("review-en")
    if "parts left to review" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("the English page is not in English")
    print(f"review check: {actions} actions (clicks, choices, filled fields, key presses) from document to Klaar, "
          f"{drafted} parts drafted; the undo and redo (2 keys), another kind and its undo, and the budget line's kind are not counted")


def serve():
    driver.get(base + "/programmes/havendam/havendam-actieplan-2025-2027")
    check_page("serve-programme")
    if "Actieplan Samen Havendam" not in driver.find_element(By.TAG_NAME, "h1").text:
        fail("serve does not show the reviewed programme")
    driver.get(base + "/")
    check_page("serve-home", run_axe=False)
    if "Havendam" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("serve's home page does not list Havendam")


try:
    if mode == "review":
        review(pathlib.Path(sys.argv[4]), pathlib.Path(sys.argv[5]))
    else:
        serve()
finally:
    driver.quit()

if failures:
    print("\n".join(["check-review failed:"] + failures), file=sys.stderr)
    sys.exit(1)
print(f"check-review {mode}: all passed")
