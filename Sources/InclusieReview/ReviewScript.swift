/// The review page's one script, served as `/review.js` under `script-src 'self'` (never inline).
///
/// It only adds to forms that work without it: a passage selected in the source text fills the new-item
/// form (quote, the heading above it as section, a first title), so the quote is verbatim by construction;
/// single keys press the focused item's buttons; focusing an item scrolls the source to its quote; and a
/// search box narrows each picker's list to the labels that contain what is typed.
enum ReviewScript {
    static let source = #"""
        "use strict";
        (function () {
          const source = document.querySelector(".source-text");
          const quote = document.getElementById("new-quote");
          const section = document.getElementById("new-section");
          const title = document.getElementById("new-title");
          const status = document.getElementById("selection-status");
          const english = document.documentElement.lang === "en";
          const say = (nl, en) => (english ? en : nl);
          let current = null;
          let filled = { section: "", title: "" };

          const items = () => Array.from(document.querySelectorAll("article.item"));

          // The passage selected inside the source text, or "" when the selection is elsewhere.
          function selectedRange() {
            const selection = window.getSelection();
            if (!source || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
            const range = selection.getRangeAt(0);
            return source.contains(range.commonAncestorContainer) ? range : null;
          }

          // The heading a passage stands under: the nearest line above it with blank lines around it,
          // not indented, short, and not ending like a sentence.
          function headingBefore(range) {
            const before = document.createRange();
            before.setStart(source, 0);
            before.setEnd(range.startContainer, range.startOffset);
            const lines = before.toString().split("\n");
            for (let i = lines.length - 2; i >= 0; i--) {
              const line = lines[i];
              const blankAround = (i === 0 || lines[i - 1].trim() === "") && lines[i + 1].trim() === "";
              if (blankAround && /^\S/.test(line) && line.trim().length <= 80 && !/[.,;:]$/.test(line.trim())) {
                return line.trim().replace(/^#{1,6}\s+/, "");
              }
            }
            return "";
          }

          function takeSelection() {
            const range = selectedRange();
            if (!range || !quote) return;
            const passage = range.toString().trim();
            if (passage === "" || passage.length > 2000) return;
            quote.value = passage;
            const heading = headingBefore(range);
            if (section && heading && (section.value === "" || section.value === filled.section)) {
              section.value = heading;
              filled.section = heading;
            }
            const words = passage.split(/\s+/).slice(0, 8).join(" ");
            if (title && (title.value === "" || title.value === filled.title)) {
              title.value = words;
              filled.title = words;
            }
            if (status) {
              status.textContent = say(
                "Passage overgenomen (" + passage.length + " tekens). Pas de titel aan en kies Onderdeel toevoegen (n), of Citaat toevoegen bij een onderdeel (q).",
                "Passage taken (" + passage.length + " characters). Adjust the title and choose Add item (n), or Add quote to an item (q).");
            }
          }

          // Scrolls the source text, not the page, to the item's first quote and outlines it.
          function showQuote(item) {
            document.querySelectorAll(".source-text mark.current").forEach((mark) => mark.classList.remove("current"));
            const link = item && item.querySelector(".quotes a[href^='#src-']");
            const mark = link && document.getElementById(link.getAttribute("href").slice(1));
            if (!mark || !source) return;
            mark.classList.add("current");
            source.scrollTop = Math.max(0, mark.offsetTop - source.offsetTop - source.clientHeight / 3);
          }

          function focusItem(item) {
            if (!item) return;
            current = item;
            item.focus();
            showQuote(item);
          }

          function press(selector) {
            const button = current && current.querySelector(selector);
            if (button && !button.disabled) button.click();
          }

          document.addEventListener("selectionchange", takeSelection);
          document.addEventListener("focusin", (event) => {
            const item = event.target.closest && event.target.closest("article.item");
            if (item && item !== current) {
              current = item;
              showQuote(item);
            }
          });

          document.addEventListener("keydown", (event) => {
            if (event.ctrlKey || event.metaKey || event.altKey) return;
            // Enter in a choice list saves its form, as Enter in a text field does.
            if (event.key === "Enter" && event.target.tagName === "SELECT" && event.target.form) {
              event.preventDefault();
              event.target.form.requestSubmit();
              return;
            }
            if (event.target.closest && event.target.closest("input, textarea, select, summary, [contenteditable]")) return;
            const all = items();
            const index = current ? all.indexOf(current) : -1;
            switch (event.key) {
              case "j": focusItem(all[Math.min(all.length - 1, index + 1)]); break;
              case "k": focusItem(all[Math.max(0, index - 1)]); break;
              case "a": press("button[data-key='a']"); break;
              case "x": press("button[data-key='x']"); break;
              case "t": {
                const picker = current && current.querySelector("details.picker[data-facet='themes']");
                if (!picker) return;
                picker.open = true;
                picker.querySelector("select").focus();
                break;
              }
              case "s": {
                const select = current && current.querySelector(".status-form select");
                if (!select) return;
                select.focus();
                break;
              }
              case "n":
                if (!quote || quote.value.trim() === "") return;
                (title || quote).focus();
                break;
              case "q": {
                const target = document.getElementById("new-path");
                const button = document.getElementById("add-quote-button");
                if (!current || !target || !button || !quote || quote.value.trim() === "") return;
                target.value = current.dataset.path;
                if (target.value !== current.dataset.path) return;
                button.click();
                break;
              }
              case "u": {
                const undo = document.querySelector("#undo button");
                if (!undo || undo.disabled) return;
                undo.click();
                break;
              }
              case "g": {
                const finish = document.getElementById("finish-button");
                if (!finish) return;
                finish.focus();
                break;
              }
              default:
                return;
            }
            event.preventDefault();
          });

          // Each picker's list of choices gets a search box: typing part of a label, in Dutch or English,
          // with or without accents, leaves the choices that contain it. Without script the list is whole.
          const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
          document.querySelectorAll("details.picker fieldset.choices").forEach((choices, index) => {
            const field = document.createElement("div");
            field.className = "field picker-search";
            const label = document.createElement("label");
            const input = document.createElement("input");
            input.type = "search";
            input.id = "picker-search-" + index;
            label.htmlFor = input.id;
            label.textContent = say("Zoek in de lijst", "Search the list");
            field.append(label, input);
            choices.before(field);
            const rows = Array.from(choices.querySelectorAll(".choice")).map((row) => [row, fold(row.textContent)]);
            input.addEventListener("input", () => {
              const wanted = fold(input.value.trim());
              for (const [row, text] of rows) row.hidden = wanted !== "" && !text.includes(wanted);
            });
            // Enter in the search box must not save the form half chosen.
            input.addEventListener("keydown", (event) => {
              if (event.key === "Enter") event.preventDefault();
            });
          });

          // Back from a change at an item's anchor: that item is the current one.
          if (location.hash.startsWith("#item-")) focusItem(document.getElementById(location.hash.slice(1)));
        })();
        """#
}
