"""Issue 13's pandas side: each comparison view done the way an analyst would do it with pandas.

`python peers.py VIEW DATABASE` writes the view as CSV (`;`, decimal comma) to standard output. Each
script reads the tables it needs with `read_sql` and does the grouping in pandas; they compute the same
facts as `inclusiebench compare VIEW`, in pandas' own layout (the bytes differ, the work is the same).
"""
import sqlite3
import sys

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


def proposals(con):
    items = pd.read_sql(
        "SELECT i.id, i.programme_key AS programme, p.municipality_slug AS municipality, p.author_type, "
        "p.adoption_status, i.native_type_nl AS type, i.status, i.title FROM local_item i "
        "JOIN programme p ON p.key = i.programme_key", con)
    themes = pd.read_sql("SELECT item_id AS id, theme_id AS theme, position FROM item_theme", con)
    groups = pd.read_sql("SELECT item_id AS id, target_group_id AS target_group FROM item_target_group", con)
    quotes = pd.read_sql(
        "SELECT item_id AS id, quote FROM evidence WHERE item_id IS NOT NULL AND position = 0", con)
    primary = themes[themes.position == 0][["id", "theme"]]
    proposals = items[(items.author_type == "party") & (items.type == "programmapunt")].merge(primary, on="id")
    policy = items[(items.author_type == "municipality") & items.adoption_status.isin(
        ["adopted", "council-proposal", "working-document"])]
    candidates = proposals.merge(policy, on="municipality", suffixes=("", "_item"))
    candidates = candidates.merge(themes.rename(columns={"id": "id_item", "theme": "theme_item"}), on="id_item")
    candidates = candidates[candidates.theme == candidates.theme_item]
    specific = groups[groups.target_group != "everyone"]
    pairs = candidates[["id", "id_item"]].drop_duplicates().merge(specific, on="id")
    shared = pairs.merge(specific.rename(columns={"id": "id_item"}), on=["id_item", "target_group"])
    shared = shared[["id", "id_item"]].drop_duplicates().assign(shares_group=True)
    candidates = candidates.merge(shared, on=["id", "id_item"], how="left")
    covered = (candidates.position == 0) & candidates.shares_group.fillna(False).astype(bool) & candidates.status_item.isin(
        ["commitment", "existing-policy"])
    candidates["verdict"] = np.where(covered, "covered", "partly-covered")
    best = candidates.sort_values("verdict").groupby("id").agg(
        verdict=("verdict", "first"), matches=("id_item", "size"))
    table = proposals.join(best, on="id").merge(quotes, on="id", how="left")
    table["verdict"] = table["verdict"].fillna("not-covered")
    out(table[["programme", "title", "theme", "verdict", "matches", "quote"]])


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
