#!/usr/bin/env python3
"""Reference: the seed's two targets per commune with pandas + XlsxWriter.

What a careful analyst would write instead of nhanluc, on a generated roster
(`nhanluc generate`): T1 "trên 65% cán bộ cấp xã" and T2 "trên 95% công chức
cấp xã" at trung cấp or above, per commune (unit) and overall, with the
shortfall (fewest more qualified people to pass, exact integers) and the list
of people below the level. Used by benches/run.sh for the side-by-side
figure; not part of the tool or its tests.

    python3 benches/pandas_report.py ROSTER.csv OUT.xlsx
"""

import sys

import pandas as pd

ROSTER, OUT = sys.argv[1], sys.argv[2]

# Education at or above trung cấp, in every spelling the generator writes.
QUALIFIED = {
    "Trung cấp", "Trung cấp Kế toán", "TC", "Cao đẳng", "CĐ Sư phạm", "Đại học",
    "Đại học Sư phạm", "ĐH Luật", "Cử nhân Kinh tế", "Thạc sĩ", "ThS", "Tiến sĩ",
}
TARGETS = [
    ("T1", "Cán bộ", 65),
    ("T2", "Công chức", 95),
]

df = pd.read_csv(
    ROSTER,
    usecols=["Họ và tên", "Đơn vị", "Mã đơn vị", "Cấp", "Loại", "Trình độ chuyên môn"],
    dtype="string",
    engine="pyarrow",
)
commune = df["Cấp"].str.casefold().eq("xã") | df["Loại"].str.contains("cấp xã", na=False)
df["q"] = df["Trình độ chuyên môn"].isin(QUALIFIED)


def shortfall(n, q, pct):
    # Fewest more qualified so that q * 100 > pct * n ("trên pct%").
    need = (pct * n) // 100 + 1
    return (need - q).clip(lower=0)


with pd.ExcelWriter(OUT, engine="xlsxwriter") as xw:
    rows = []
    for tid, cat, pct in TARGETS:
        pop = df[commune & df["Loại"].str.startswith(cat, na=False)]
        # Units by code: many communes share a name across provinces.
        g = (
            pop.groupby(["Mã đơn vị", "Đơn vị"], sort=True)["q"]
            .agg(n="size", q="sum")
            .reset_index()
        )
        g["share"] = g["q"] / g["n"]
        g["met"] = g["q"] * 100 > pct * g["n"]
        g["shortfall"] = shortfall(g["n"], g["q"], pct)
        g.insert(0, "target", tid)
        rows.append(g)
        n, q = len(pop), int(pop["q"].sum())
        rows.append(
            pd.DataFrame(
                [[tid, None, "Toàn bộ", n, q, q / n if n else None, q * 100 > pct * n,
                  max(0, (pct * n) // 100 + 1 - q)]],
                columns=g.columns,
            )
        )
        pop[~pop["q"]].assign(target=tid).to_excel(
            xw, sheet_name=f"Cần đào tạo {tid}", index=False
        )
    pd.concat(rows).to_excel(xw, sheet_name="Theo đơn vị", index=False)
