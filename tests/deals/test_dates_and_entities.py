from __future__ import annotations

import datetime as dt

import pytest

from flows.deals.dates import announced_on
from flows.deals.entities import find_entities, name_key, normalise_name
from flows.deals.sentences import split_sentences

THURSDAY = dt.date(2024, 11, 14)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The company said on Tuesday it raised $5 million.", dt.date(2024, 11, 12)),
        ("It raised $5 million yesterday.", dt.date(2024, 11, 13)),
        ("It raised a $230 million round in April 2022.", dt.date(2022, 4, 1)),
        ("The deal closed on March 3.", dt.date(2024, 3, 3)),
        ("The deal closed on December 3.", dt.date(2023, 12, 3)),
        ("It raised money last spring.", dt.date(2024, 4, 15)),
        ("It raised money last month.", dt.date(2024, 10, 1)),
        ("It first raised money in 2021.", dt.date(2021, 1, 1)),
        ("It announced the deal on November 5, 2024.", dt.date(2024, 11, 5)),
        ("No date here.", THURSDAY),
    ],
)
def test_announced_date_resolves_against_published(sentence: str, expected: dt.date):
    assert announced_on(sentence, THURSDAY) == expected


def test_names_with_aliases_and_legal_forms_meet():
    assert normalise_name("Microsoft Corp.") == "Microsoft"
    assert normalise_name("Meta Platforms") == "Meta"
    assert normalise_name("Acme Robotics Inc.") == "Acme Robotics"
    assert name_key("Meta Platforms Inc.") == name_key("meta")


def test_entities_tell_organisations_places_and_people_apart():
    sentence = (
        "Satya Nadella, Microsoft's chief executive, said Northwind Ventures and Bank of "
        "America will back Kestrel Partners in Germany."
    )
    found = [(e.name, e.kind, e.category == "person") for e in find_entities(sentence)]
    # A person the gazetteer knows stays a name (people invest, lend and borrow) but is
    # marked as a person: never what "it" or "the company" means.
    assert found == [
        ("Satya Nadella", "org", True),
        ("Microsoft", "org", False),
        ("Northwind Ventures", "org", False),
        ("Bank of America", "org", False),
        ("Kestrel Partners", "org", False),
        ("Germany", "country", False),
    ]
    unknown = "Halvard Lind, Orbis's chief executive, said Kestrel Partners will back it."
    assert [e.name for e in find_entities(unknown)] == ["Orbis", "Kestrel Partners"]


def test_round_labels_and_months_are_not_organisations():
    names = [e.name for e in find_entities("In March, the Series B round was led by Accel.")]
    assert names == ["Accel"]


def test_sentences_end_at_full_stops_line_breaks_and_stripped_markup_gaps():
    text = (
        "Mr. Lind said Orbis Inc. raised $5 million. It will hire.\n"
        "Transfer news     City end interest over £95m price tag | Town signed Cotter from "
        "Limerick."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Lind said Orbis Inc. raised $5 million.",
        "It will hire.",
        "Transfer news",
        "City end interest over £95m price tag",
        "Town signed Cotter from Limerick.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
