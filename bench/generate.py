#!/usr/bin/env python3
"""Writes a seeded flat batch CSV (format 1) with N rows: python3 generate.py N OUT.csv [SEED]."""
import csv
import random
import sys

SECTORS = ["municipality", "district", "other-government", "housing-corporation", "welfare", "care",
           "education", "business", "fund", "residents-organisation", "cooperative", "religious"]
COMMITMENTS = ["idea", "in-talks", "letter-of-intent", "agreement"]
GROUP_TYPES = ["residents-organisation", "self-managed-community-centre", "bewonersbedrijf",
               "cooperative", "tenants-association", "other"]
RELATIONS = ["member", "co-owner", "joint-delivery", "housing", "referral", "contact"]
REVENUE_TYPES = ["social-tender", "right-to-challenge", "municipal-contract", "housing-contract",
                 "sales", "rent", "membership", "service-fee", "subsidy", "fund-grant", "donation"]
STATUSES = ["idea", "in-talks", "applied", "letter-of-intent", "forecast", "contract", "realised"]
PAYERS = ["Gemeente Den Haag", "Stadsdeel Escamp", "Haag Wonen", "Fonds 1818", "various", ""]
TENURES = ["ownership", "leasehold", "community-transfer", "management", "self-management", "rent",
           "loan", "occasional"]
THEMES = ["work", "participation", "liveability", "poverty", "health"]
NEIGHBOURHOODS = ["Moerwijk", "Bouwlust", "Vrederust", "Morgenstond", "Transvaal", "Schilderswijk",
                  "Laak", "Duindorp", "Mariahoeve", "Regentessekwartier"]
HEADER = ["id", "name", "neighbourhood", "district", "stage", "legal_form", "founders",
          "founders_resident", "residents_involved", "members", "consultation_participants",
          "board_seats", "board_resident_seats", "members_meeting", "profit_reinvested",
          "connector_hours", "connector_paid", "connector_employer", "connector_reports_to",
          "partners", "resident_groups", "public_task_provider", "public_task_current_cost",
          "public_task_price", "public_task_jobs", "revenue", "costs", "plan_years",
          "residents_hired", "entry_jobs", "guidance", "asset_tenure", "asset_term_years",
          "impact_indicators", "impact_themes", "risk_mitigated", "region"]


def row(r, i):
    founders = r.randint(1, 6)
    seats = r.randint(0, 7)
    yes = lambda: r.choice(["yes", "no"])
    partners = "; ".join(f"{r.choice(SECTORS)}:{r.choice(COMMITMENTS)}" for _ in range(r.randint(0, 5)))
    groups = "; ".join(f"{r.choice(GROUP_TYPES)}:{r.choice(RELATIONS)}" for _ in range(r.randint(0, 4)))
    revenue = "; ".join(
        f"{r.choice(REVENUE_TYPES)}:{r.randrange(1000, 150000, 500)}:{r.choice(STATUSES)}:{r.choice(PAYERS)}"
        for _ in range(r.randint(1, 5)))
    cost = r.randrange(20000, 300000, 1000)
    has_task = r.random() < 0.6
    return [f"R{i:07d}", f"Wijkonderneming {i}", r.choice(NEIGHBOURHOODS), "Escamp",
            r.choice(["idea", "founding", "operating"]), r.choice(["cooperative", "association", "foundation"]),
            founders, r.randint(0, founders), r.randint(0, 120), r.randint(0, 400), r.randint(0, 200),
            seats, r.randint(0, seats), yes(), yes(),
            r.choice(["", 8, 12, 16, 24, 32]), yes(), r.choice(["self", "partner", "volunteer"]),
            r.choice(["board", "partner", "none"]), partners, groups,
            "contractor" if has_task else "", r.randrange(20000, 100000, 1000) if has_task else "",
            r.randrange(20000, 100000, 1000) if has_task else "", r.randint(0, 8) if has_task else "",
            revenue, cost, r.randint(1, 3), r.randint(0, 15), r.randint(0, 6), yes(),
            r.choice(TENURES), r.randint(1, 25), r.randint(0, 5),
            "; ".join(r.sample(THEMES, r.randint(1, 3))), yes(), f"region-{i % 7}"]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    r = random.Random(seed)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(1, n + 1):
            w.writerow(row(r, i))


if __name__ == "__main__":
    main()
