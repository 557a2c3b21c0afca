#!/usr/bin/env python3
"""Writes one synthetic policy note with N items (one quote each) and its source text, to measure how
`inclusiebench validate` scales with the number of quotes (issue 8, item 3).

usage: .ci/quote-scale.py N OUT_DIR     then: inclusiebench validate --municipalities OUT_DIR --only schaal
The plugin folder carries its source in schaal/sources/, so no --sources is needed. Every quote is in the
source, wrapped over lines with typographic apostrophes, as a PDF export looks; one in a thousand quotes is
changed so that the not-found path (closest passage) is measured too.
"""
import os, shutil, sys, textwrap

count, out = int(sys.argv[1]), sys.argv[2]
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
folder = os.path.join(out, "schaal")
os.makedirs(os.path.join(folder, "sources"), exist_ok=True)
shutil.copy(os.path.join(repo, "municipalities", "taxonomy.yaml"), os.path.join(out, "taxonomy.yaml"))
words = ["gemeente", "inwoners", "samen", "ontmoeting", "gelijke", "kansen", "wijk", "school", "werk", "taal",
         "sport", "cultuur", "veiligheid", "toegankelijk", "netwerk", "partners", "iedereen", "mee", "doen", "d'r"]

def sentence(i):
    picked = [words[(i * 7 + k * 3) % len(words)] for k in range(8)]
    return f"Actie {i}: de " + " ".join(picked) + f" in jaar {2020 + i % 5}."

with open(os.path.join(folder, "municipality.yaml"), "w") as f:
    f.write("slug: schaal\nname: Schaal\npopulation:\n- reference_date: 2024-01-01\n  count: 100000\n  publisher: synthetisch\n")
sentences = [sentence(i) for i in range(count)]
source = textwrap.fill(" ".join(sentences), width=78).replace("'", "\u2019")
with open(os.path.join(folder, "sources", "schaal.txt"), "w") as f:
    f.write("Schaalproef\n\n" + source + "\n")
with open(os.path.join(folder, "schaal.yaml"), "w") as f:
    f.write("kind: policy-note\nid: schaal\ntitle: Schaalproef\nauthor: { type: municipality, name: Gemeente Schaal }\n"
            "adoption_status: council-proposal\nsource: schaal.txt\nevidence:\n- { quote: Schaalproef, section: Titel }\n"
            "budget:\n  none: geen\n  evidence:\n  - { quote: Schaalproef, section: Titel }\npolicy_themes:\n")
    for i, text in enumerate(sentences):
        quote = text.replace(" de ", " het ", 1) if i % 1000 == 999 else text
        f.write(f"- id: t-{i}\n  title: Thema {i}\n  themes: [safety]\n  evidence:\n  - quote: \"{quote}\"\n    section: Thema's\n")
print(f"{count} items, {count + 2} quotes, source {len(source) // 1024} KiB in {folder}")
