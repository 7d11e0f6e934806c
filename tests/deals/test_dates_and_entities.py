from __future__ import annotations

import datetime as dt

import pytest

from flows.deals.dates import announced_on
from flows.deals.entities import find_entities, name_key, normalise_name, same_company
from flows.deals.sentences import split_sentences, unwrap_lines

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


def test_initials_do_not_end_a_sentence():
    text = "The round was led by J.P. Morgan and the bid by E.F. Hutton LBO Inc. failed. It fell."
    assert [s.text for s in split_sentences(text)] == [
        "The round was led by J.P. Morgan and the bid by E.F. Hutton LBO Inc. failed.",
        "It fell.",
    ]
    assert "E.F. Hutton LBO" in [e.name for e in find_entities(text)]


def test_hard_wrapped_wire_text_reads_as_paragraphs_at_the_same_offsets():
    text = (
        "Equity investment company <Battery\n"
        "Group Ltd> said it had agreed to buy <Occidental Life Insurance\n"
        "Co of Australia Ltd> from TransAmerica Corp <TA> of the U.S.\n"
        "for 105 mln Australian dlrs.\n"
        "    The acquisition has been made possible by the efforts of\n"
        "its major shareholder, Battery Group said in a statement.\n"
    )
    flat = unwrap_lines(text)
    assert len(flat) == len(text)
    assert [s.text for s in split_sentences(flat)] == [
        "Equity investment company  Battery Group Ltd  said it had agreed to buy  Occidental "
        "Life Insurance Co of Australia Ltd  from TransAmerica Corp (TA) of the U.S. for 105 "
        "mln Australian dlrs.",
        "The acquisition has been made possible by the efforts of its major shareholder, "
        "Battery Group said in a statement.",
    ]


def test_text_whose_lines_are_paragraphs_is_not_joined():
    headlines = "Nvidia Invests In Mistral\nOpenAI Raises $40 Billion\nAMD Buys ZT Systems\nEnd"
    assert unwrap_lines(headlines) == headlines
    page = "A paragraph that runs long. " * 5 + "\nshort next line\n" * 3
    assert unwrap_lines(page) == page


def test_tickers_in_brackets_are_not_names():
    text = "Heinz (HNZ.N) and Nvidia (NASDAQ: NVDA) met Siemens AG (SIEG.F) and Piedmont (PIE)."
    assert [e.name for e in find_entities(text)] == ["Heinz", "Nvidia", "Siemens", "Piedmont"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Piedmont", "Piedmont Aviation Inc", True),
        ("USAir Group", "USAir", True),
        ("Microsoft Corp.", "Microsoft", True),
        ("Tata Sons", "Tata Motors", False),
        ("Kinder Morgan", "Kinder Morgan Canada", False),  # a country's arm is another company
        ("Alphabet", "Google DeepMind", False),
    ],
)
def test_same_company_reads_one_name_starting_the_other(a: str, b: str, same: bool):
    assert same_company(a, b) is same


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Wichita Industries Inc agreed to buy Fountain Oil and Gas Inc.",
            ["Wichita Industries", "Fountain Oil and Gas"],
        ),
        ("Bell and Howell Co said it sold the unit.", ["Bell and Howell"]),
        ("Saatchi and Saatchi Co Plc said it was buying", ["Saatchi and Saatchi"]),
        # two companies, or the end of a list, stay apart
        ("Microsoft and Nvidia Corp. said", ["Microsoft", "Nvidia"]),
        ("Acme Inc and Beta Inc said", ["Acme", "Beta"]),
        (
            "Disney acquired Pixar, Marvel Entertainment and Lucasfilm Ltd.",
            ["Disney", "Pixar", "Marvel Entertainment", "Lucasfilm"],
        ),
    ],
)
def test_and_inside_a_name_closed_by_its_legal_form(sentence: str, names: list[str]):
    assert [e.name for e in find_entities(sentence)] == names


def test_a_sentence_ends_after_an_abbreviation_when_a_new_one_opens():
    text = "Acme expanded in the U.S. The company said so. The U.S. Department of Commerce agreed."
    assert [s.text for s in split_sentences(text)] == [
        "Acme expanded in the U.S.",
        "The company said so.",
        "The U.S. Department of Commerce agreed.",
    ]


def test_towns_told_by_their_state_are_places_not_companies():
    kinds = {
        e.name: e.kind
        for e in find_entities(
            "Great American agreed to acquire Capital Savings Bank, Olympia, Wash., and "
            "Falmouth, Maine-based Harbor Shoe Co."
        )
    }
    assert kinds["Olympia"] == kinds["Falmouth"] == "city"
    assert kinds["Capital Savings Bank"] == kinds["Harbor Shoe"] == "org"
