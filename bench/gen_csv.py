#!/usr/bin/env python3
"""Writes an N-row action list in the shape of a real wiki action table (for import benchmarks).

usage: gen_csv.py N [OUT.csv]   (default: stdout)

Columns: Item #, Action, Owner, Date of Request, Anticipated Completion, Status, Progress Notes,
Category. Rows mix quoted cells with commas and line breaks, several owners, diacritics,
relative and absolute dates, and statuses in the words people use. Deterministic (seeded).
"""
import random
import sys

VERBS = ["Draft", "Review", "Share", "Schedule", "Circulate", "Research", "Confirm", "Send",
         "Prepare", "Consolidate", "Distribute", "Provide"]
OBJECTS = ["the SSR2 work plan", "the non-disclosure form", "briefing requests",
           "the Johannesburg agenda", "the statement of work", "SSR1 implementation notes",
           "links on threat mitigation", "the progress report for SO/ACs", "observer input guidelines",
           "the ITHI project timeline"]
OWNERS = ["ICANN Org", "SSR2-RT", "Co-Chairs", "James Gannon", "Boban Krsic", "Denise Michel",
          "Cathy Handley", "Emily Taylor", "Kerry-Ann Barrett", "Régis Massé", "Guðrun Poulsen",
          "Danko Jevtović"]
DUES = ["TBD", "30 May", "22 June", "6/20", "2017-07-14", "end of June", "25th June", "1 July 2017", ""]
STATUSES = ["In progress", "Not started", "Completed", "Waiting on ICANN Legal", "On hold", "Open",
            "Cancelled", ""]
NOTES = ["", "Draft with RT for review.", "Followed up 6/2, no reply yet",
         "Troubleshooting steps provided, copied SSR2-coordination.\nNext call 6/22."]
CATEGORIES = ["", "briefing", "tools; outreach", "work plan"]


def cell(text):
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def main():
    n = int(sys.argv[1])
    out = open(sys.argv[2], "w", encoding="utf-8", newline="") if len(sys.argv) > 2 else sys.stdout
    rng = random.Random(2017)
    out.write("Item #,Action,Owner,Date of Request,Anticipated Completion,Status,Progress Notes,Category\r\n")
    for i in range(1, n + 1):
        action = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} (item {i})"
        if rng.random() < 0.2:
            action += ", then report back to the RT"
        owners = ", ".join(rng.sample(OWNERS, rng.choice([1, 1, 1, 2, 3])))
        requested = f"{rng.randint(1, 28)} May 2017"
        row = [str(i), action, owners, requested, rng.choice(DUES), rng.choice(STATUSES),
               rng.choice(NOTES), rng.choice(CATEGORIES)]
        out.write(",".join(cell(c) for c in row) + "\r\n")


if __name__ == "__main__":
    main()
