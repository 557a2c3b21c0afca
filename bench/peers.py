"""Issue 13's pandas side: each comparison view done the way an analyst would do it with pandas.

`python peers.py VIEW DATABASE` writes the view as CSV (`;`, decimal comma) to standard output. Each
script reads the tables it needs with `read_sql` and does the grouping in pandas; they compute the same
facts as `inclusiebench compare VIEW`, in pandas' own layout (the bytes differ, the work is the same).
"""
import re
import sqlite3
import sys
import unicodedata

import numpy as np
import pandas as pd


def out(frame):
    frame.to_csv(sys.stdout, sep=";", decimal=",")


def coverage(con, facet, label_table):
    rows = pd.read_sql(
        f"SELECT t.label_nl AS entry, i.programme_key AS programme, "
        f"coalesce(i.number || '. ', '') || i.title AS title, m.position = 0 AS is_primary "
        f"FROM item_{facet} m JOIN local_item i ON i.id = m.item_id JOIN {label_table} t ON t.id = m.{facet}_id "
        f"ORDER BY i.programme_key, i.position", con)
    rows = rows.sort_values("is_primary", ascending=False, kind="stable")
    matrix = rows.pivot_table(index="entry", columns="programme", values="title", aggfunc="; ".join)
    matrix["programmes covering"] = matrix.notna().sum(axis=1)
    out(matrix)


def roles(con):
    rows = pd.read_sql(
        "SELECT i.programme_key AS programme, m.role_id AS role, m.position = 0 AS is_primary "
        "FROM item_role m JOIN local_item i ON i.id = m.item_id", con)
    items = pd.read_sql("SELECT programme_key AS programme, count(*) AS items FROM local_item GROUP BY 1", con)
    with_role = rows.groupby("programme")["role"].size().rename("items with a role")
    profile = rows.groupby(["programme", "role"]).agg(items=("role", "size"), primary=("is_primary", "sum"))
    profile = profile.join(with_role, on="programme")
    profile["share"] = (profile["items"] / profile["items with a role"]).round(3)
    out(profile.reset_index().merge(items, on="programme", suffixes=("", " in programme")))


def budgets(con):
    amounts = pd.read_sql(
        "SELECT l.programme_key AS programme, p.municipality_slug AS municipality, a.year, l.kind, l.block, "
        "a.amount_cents FROM budget_amount a JOIN budget_line l ON l.id = a.budget_line_id "
        "JOIN programme p ON p.key = l.programme_key", con)
    population = pd.read_sql(
        "SELECT municipality_slug AS municipality, count AS inhabitants FROM population_figure", con)
    population = population.groupby("municipality").last()
    totals = amounts.groupby(["programme", "municipality", "year"]).agg(
        total_cents=("amount_cents", "sum"), not_stated=("amount_cents", lambda values: values.isna().any()))
    by_kind = amounts.pivot_table(
        index=["programme", "municipality", "year"], columns="kind", values="amount_cents", aggfunc="sum")
    table = totals.join(by_kind).reset_index().join(population, on="municipality")
    table["per_inhabitant_cents"] = (table["total_cents"] / table["inhabitants"]).round()
    out(table)


# The four levels of `ProposalCoverage` (issue 34), as an analyst would port them: the pairs that share a
# theme by merges, then the level per pair by vectorised conditions, and the proposal's concrete words
# (`MeasureTerms`: whole words by a light Dutch stem) held against each candidate item's words by sets.
FUNCTION_WORDS = set("""aan als alle alleen allemaal ander andere bij binnen buiten daar daarom dan dat deze die dit
door dus een eigen elk elke en er geen haar heeft hebben hen het hier hoe hun ieder iedere jij kan komt komen krijgt
krijgen kunnen maar meer met minder moet moeten mogen naar niet nog ons onze ook om omdat onder over per sinds tegen
toch tot tussen uit van vanaf veel via voor waar wat wel welke wie wil willen wij wordt worden zal zelf zich zij zijn
zodat zonder zoals zullen the and for with bieden biedt blijft blijven doen doet gaat geeft geven hangen hangt houdt
laat laten maakt neemt nemen staan staat vinden vindt voeren voert weet weten zeggen zegt zorgt""".split())
GENERAL_WORDS = """gemeente gemeentelijk college raad beleid inwoner inwoners iedereen mensen mens stad samenleving
aandacht zorgen zorg extra goed goede beter nieuw nieuwe jaar jaarlijks samen actief voldoende snel mogelijk belangrijk
stimuleren bevorderen ondersteunen ondersteuning steun aanpak plan maatregel helpen hulp rekening houden maken gaan
zetten bijzonder probleem problemen diversiteit divers diverse inclusie inclusief inclusieve inclusiviteit discriminatie
racisme emancipatie gelijkwaardig gelijkwaardigheid gelijke gelijk kansen kans acceptatie participatie meedoen
uitsluiting""".split()
FOLD = str.maketrans("áàâäéèêëíìîïóòôöúùûü", "aaaaeeeeiiiioooouuuu")
VOWELS = set("aeiouy")


def tokens(text):
    words, current, digit = [], [], False
    for character in (text or "").lower() + " ":
        if character.isalpha():
            current.append(character.translate(FOLD))
        elif character.isnumeric():
            current.append(character)
            digit = True
        elif unicodedata.category(character) == "Mn":
            continue
        else:
            if current and not digit:
                words.append("".join(current))
            current, digit = [], False
    return words


def base_form(s):
    if len(s) < 3:
        return s
    last, before = s[-1], s[-2]
    if last == before and last not in VOWELS:
        return s[:-1]
    s = s[:-1] + {"v": "f", "z": "s"}.get(last, last)
    if last not in VOWELS and before in "aeou" and s[-3] not in VOWELS and not (last == "r" and before in "eo"):
        s = s[:-2] + before + s[-2:]
    return s


def stem(word):
    n = len(word)
    if n > 7 and word.endswith("heden"):
        return word[:-5]
    if n > 6 and word.endswith("heid"):
        return word[:-4]
    if n >= 5 and word.endswith("en") and word[-3] not in VOWELS:
        return base_form(word[:-2])
    if n >= 6 and word.endswith("jes"):
        return word[:-2]
    if n >= 5 and word[-1] == "s" and word[-2] not in VOWELS and word[-2] not in "sj":
        return word[:-1]
    if n >= 5 and word[-1] == "e" and word[-2] not in VOWELS:
        return word[:-1] if word[-2] == "j" else base_form(word[:-1])
    return word


GENERAL_STEMS = {stem(word) for word in GENERAL_WORDS}


def content_stems(text):
    return {stem(word) for word in tokens(text) if len(word.encode()) >= 3 and word not in FUNCTION_WORDS}


def proposals(con):
    items = pd.read_sql(
        "SELECT i.id, i.programme_key AS programme, p.municipality_slug AS municipality, m.name AS place, "
        "p.author_type, p.adoption_status, i.native_type_nl AS type, i.status, i.title, i.position AS item_position "
        "FROM local_item i JOIN programme p ON p.key = i.programme_key JOIN municipality m ON m.slug = p.municipality_slug", con)
    themes = pd.read_sql(
        "SELECT m.item_id AS id, m.theme_id AS theme, m.position, t.label_nl, t.label_en "
        "FROM item_theme m JOIN theme t ON t.id = m.theme_id", con)
    groups = pd.read_sql(
        "SELECT m.item_id AS id, m.target_group_id AS target_group, t.label_nl, t.label_en "
        "FROM item_target_group m JOIN target_group t ON t.id = m.target_group_id", con)
    evidence = pd.read_sql("SELECT item_id AS id, quote FROM evidence WHERE item_id IS NOT NULL ORDER BY item_id, position", con)
    primary = themes[themes.position == 0][["id", "theme"]]
    proposals = items[(items.author_type == "party") & (items.type == "programmapunt")].merge(primary, on="id")
    policy = items[items.adoption_status.isin(["adopted", "council-proposal", "working-document", "adoption-not-stated"])]
    # Candidates: the item has the proposal's primary theme, or its primary theme is a secondary one of the proposal.
    pairs = proposals[["id", "programme", "municipality", "theme"]].merge(
        policy[["id", "programme", "municipality", "status", "type", "item_position"]], on="municipality", suffixes=("", "_item"))
    has_primary = pairs.merge(themes[["id", "theme"]].rename(columns={"id": "id_item"}), on=["id_item", "theme"])
    secondary = themes[themes.position > 0][["id", "theme"]].rename(columns={"theme": "secondary"})
    item_primary = primary.rename(columns={"id": "id_item", "theme": "item_primary"})
    by_secondary = pairs.merge(item_primary, on="id_item").merge(
        secondary, left_on=["id", "item_primary"], right_on=["id", "secondary"])[pairs.columns]
    candidates = pd.concat([has_primary, by_secondary]).drop_duplicates(["id", "id_item", "programme_item"])
    candidates = candidates.merge(item_primary, on="id_item", how="left")
    item_themes = themes.groupby("id")["theme"].agg(set)
    group_sets = groups.groupby("id")["target_group"].agg(set)
    empty = set()
    proposal_groups = candidates.id.map(group_sets).apply(lambda g: g if isinstance(g, set) else empty)
    item_groups = candidates.id_item.map(group_sets).apply(lambda g: g if isinstance(g, set) else empty)
    shared = [a & b for a, b in zip(proposal_groups, item_groups)]
    specific = pd.Series([bool(s - {"everyone"}) for s in shared], index=candidates.index)
    everyone = lambda sets: pd.Series([not s or "everyone" in s for s in sets], index=candidates.index)
    same_people = pd.Series([bool(s) for s in shared], index=candidates.index) | everyone(proposal_groups) | everyone(item_groups)
    item_has_primary = pd.Series(
        [t in item_themes.get(i, empty) for t, i in zip(candidates.theme, candidates.id_item)], index=candidates.index)
    commits = (candidates.item_primary == candidates.theme) & specific & candidates.status.isin(["commitment", "existing-policy"])
    mentions = (item_has_primary & same_people) | (~item_has_primary & specific)
    candidates["level"] = np.select([commits, mentions], [1, 2], default=9)
    candidates = candidates[candidates.level < 9]
    # Same measure: a matching item, not a role or background, names one of the proposal's concrete words.
    labels = pd.concat([themes[["id", "label_nl", "label_en"]], groups[["id", "label_nl", "label_en"]]])
    subject = (labels.label_nl + " " + labels.label_en).groupby(labels.id).agg(" ".join)
    terms = {
        row.id: content_stems(row.title) - GENERAL_STEMS - content_stems(subject.get(row.id, "")) - content_stems(row.place)
        for row in proposals.itertuples()}
    texts = evidence.groupby("id")["quote"].agg(" ".join)
    words = {}
    measurable = (candidates.type != "rol") & (candidates.status != "context")
    for i in candidates.id_item[measurable].unique():
        words[i] = content_stems(items.title[items.id == i].iloc[0] + " " + texts.get(i, ""))
    same = [m and bool(terms[p] & words[i]) for p, i, m in zip(candidates.id, candidates.id_item, measurable)]
    candidates.loc[same, "level"] = 0
    candidates.loc[~measurable, "level"] = 2
    names = np.array(["same-measure", "commits-to-subject", "mentions-subject"])
    best = candidates.groupby(["id", "programme_item"]).agg(level=("level", "min"), matches=("id_item", "size")).reset_index()
    best["verdict"] = names[best.level.clip(upper=2).to_numpy()]
    quotes = evidence.drop_duplicates("id")
    against = proposals[["id", "programme", "municipality", "title", "theme"]].merge(
        policy[["programme", "municipality"]].drop_duplicates(), on="municipality", suffixes=("", "_against"))
    table = against.merge(best, left_on=["id", "programme_against"], right_on=["id", "programme_item"], how="left")
    table["verdict"] = table["verdict"].fillna("not-found")
    table["matches"] = table["matches"].fillna(0).astype(int)
    table = table.merge(quotes, on="id", how="left")
    out(table[["programme", "programme_against", "title", "theme", "verdict", "matches", "quote"]])


def similarity(con, peers=5):
    rows = pd.read_sql(
        "SELECT DISTINCT i.programme_key AS programme, m.theme_id AS theme "
        "FROM item_theme m JOIN local_item i ON i.id = m.item_id", con)
    programmes = pd.read_sql("SELECT key AS programme, municipality_slug AS municipality FROM programme ORDER BY position", con)
    matrix = pd.crosstab(rows.programme, rows.theme).reindex(programmes.programme, fill_value=0).clip(upper=1)
    values = matrix.to_numpy(dtype=np.int32)
    shared = values @ values.T
    counts = values.sum(axis=1)
    combined = counts[:, None] + counts[None, :] - shared
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(combined > 0, shared / combined, np.nan)
    municipality = programmes.municipality.to_numpy()
    jaccard[municipality[:, None] == municipality[None, :]] = -1
    order = np.argsort(-np.nan_to_num(jaccard, nan=-1), axis=1, kind="stable")[:, :peers]
    keys = programmes.programme.to_numpy()
    table = pd.DataFrame({
        "programme": np.repeat(keys, peers),
        "rank": np.tile(np.arange(1, peers + 1), len(keys)),
        "peer": keys[order].ravel(),
        "similarity": np.take_along_axis(jaccard, order, axis=1).ravel().round(3),
        "shared": np.take_along_axis(shared, order, axis=1).ravel(),
    })
    out(table.set_index(["programme", "rank"]))


def timeline(con):
    rows = pd.read_sql(
        "SELECT i.programme_key AS programme, i.native_type_nl AS type, i.number, i.title, y.year "
        "FROM item_year y JOIN local_item i ON i.id = y.item_id ORDER BY i.programme_key, i.position", con)
    rows["active"] = "x"
    out(rows.pivot_table(index=["programme", "type", "number", "title"], columns="year", values="active",
                         aggfunc="first", sort=False))


VIEWS = {
    "themes": lambda con: coverage(con, "theme", "theme"),
    "instruments": lambda con: coverage(con, "instrument", "instrument"),
    "roles": roles,
    "budgets": budgets,
    "proposals": proposals,
    "similarity": similarity,
    "timeline": timeline,
}

if __name__ == "__main__":
    VIEWS[sys.argv[1]](sqlite3.connect(sys.argv[2]))
