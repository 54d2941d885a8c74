"""What a correct parse of each fixture gives, counted by hand (see tests/fixtures/README.md).

Plain data, no pytest. All indices are 0-based and global to the file, like reader.core.model:
paragraphs and turns are numbered straight through a file that holds several calls.

Definitions used for every number here:

- ``turns``: speaker turns. Every fixture starts with a speaker line, so this is the number of
  speaker lines (a bilingual speaker line is the *pair* of lines, counted once).
- ``paragraphs``: content paragraphs, i.e. English paragraph lines (with their Chinese line). The
  disclaimer header and the speaker lines are not paragraphs.
- ``speakers``: distinct speaker names in the file (``Operator`` counts as one; the same name in
  two calls counts once).
- ``qa_start``: index of the first paragraph of the operator turn that opens the questions of the
  *first* call (an operator turn that reads out shareholder-submitted questions counts).
  ``(Operator Instructions)`` inside the operator's opening welcome does not open the Q&A.
  ``call_list[i]["qa_start"]`` gives it per call.
- ``exchanges``: question exchanges: one per operator announcement of an analyst (an analyst
  announced twice gives two), one per submitted question the operator reads out. Follow-up
  questions inside the same exchange do not count.
- ``speaker_list``: ``(name, title, role)`` in order of first appearance; ``Operator`` has title
  ``""``; IR counts as management.
- ``exchange_list``: ``(asker, firm, submitted, answerers)``; a submitted question is asked by
  ``"Operator"`` with firm ``None``; answerers in order of first answer.
- ``call_list``: per call ``company``, ``period`` (normalised like ``"Q3 2025"``), turn range
  ``[first_turn, end_turn)``, paragraph range ``[first, end)``, ``qa_start``, ``exchanges``.
- ``transcript``: False for files that are not transcripts (the parser must raise
  ``TranscriptError``); their counts are None.
"""

from __future__ import annotations

from typing import Any

DISCLAIMER_TRADITIONAL = "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"
DISCLAIMER_SIMPLIFIED = "使用警语:中文译文来源为 Google 翻译,仅供参考,实际内容请以英文原文为主"

OPERATOR = ("Operator", "", "operator")

EXPECTED: dict[str, dict[str, Any]] = {
    "basic.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 61,
        "header": DISCLAIMER_TRADITIONAL,
        "languages": ["en", "zh"],
        "script": "traditional",
        "calls": 1,
        "turns": 13,
        "paragraphs": 17,
        "speakers": 5,
        "qa_start": 6,
        "exchanges": 2,
        "speaker_list": [
            OPERATOR,
            ("Elena Varga", "Chief Executive Officer", "management"),
            ("Raymond Kwok", "Chief Financial Officer", "management"),
            ("Sophie Lam", "Analyst", "analyst"),
            ("Daniel Osei", "Analyst", "analyst"),
        ],
        "firms": {"Sophie Lam": "Harrow & Finch Securities", "Daniel Osei": "Crestline Research"},
        "exchange_list": [
            ("Sophie Lam", "Harrow & Finch Securities", False, ["Elena Varga"]),
            ("Daniel Osei", "Crestline Research", False, ["Raymond Kwok"]),
        ],
        "call_list": [
            {
                "company": "Corvane Robotics",
                "period": "Q2 2025",
                "first_turn": 0,
                "end_turn": 13,
                "first": 0,
                "end": 17,
                "qa_start": 6,
                "exchanges": 2,
            },
        ],
    },
    "submitted_questions.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 83,
        "header": DISCLAIMER_TRADITIONAL,
        "languages": ["en", "zh"],
        "script": "traditional",
        "calls": 1,
        "turns": 19,
        "paragraphs": 22,
        "speakers": 6,
        "qa_start": 6,
        "exchanges": 5,
        "speaker_list": [
            OPERATOR,
            ("Nora Castillo", "Vice President, Investor Relations", "management"),
            ("David Brandt", "President, Chief Executive Officer, Director", "management"),
            ("Meera Iyer", "Chief Financial Officer", "management"),
            ("Priya Raman", "Analyst", "analyst"),
            ("Tom Becker", "Analyst", "analyst"),
        ],
        "firms": {"Priya Raman": "Westfield Capital", "Tom Becker": "Granite Peak Securities"},
        "exchange_list": [
            ("Operator", None, True, ["David Brandt"]),
            ("Operator", None, True, ["Meera Iyer"]),
            ("Priya Raman", "Westfield Capital", False, ["David Brandt"]),
            ("Tom Becker", "Granite Peak Securities", False, ["Meera Iyer"]),
            ("Priya Raman", "Westfield Capital", False, ["David Brandt"]),
        ],
        "call_list": [
            {
                "company": "Quillon Energy",
                "period": "Q1 2025",
                "first_turn": 0,
                "end_turn": 19,
                "first": 0,
                "end": 22,
                "qa_start": 6,
                "exchanges": 5,
            },
        ],
    },
    "english_only.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 26,
        "header": None,
        "languages": ["en"],
        "script": None,
        "calls": 1,
        "turns": 11,
        "paragraphs": 15,
        "speakers": 6,
        "qa_start": 7,
        "exchanges": 2,
        "speaker_list": [
            OPERATOR,
            ("Kevin Marsh", "Director of Investor Relations", "management"),
            ("Laura Chen", "Chief Executive Officer", "management"),
            ("Sam Patel", "Executive Vice President, Chief Financial Officer", "management"),
            ("Ingrid Olsen", "Analyst", "analyst"),
            ("Marco Rossi", "Analyst", "analyst"),
        ],
        "firms": {"Ingrid Olsen": "Fjord Street Capital", "Marco Rossi": "Bellhaven Partners"},
        "exchange_list": [
            ("Ingrid Olsen", "Fjord Street Capital", False, ["Laura Chen"]),
            ("Marco Rossi", "Bellhaven Partners", False, ["Sam Patel"]),
        ],
        "call_list": [
            {
                "company": "Brightwater Semiconductor",
                "period": "Q4 2024",
                "first_turn": 0,
                "end_turn": 11,
                "first": 0,
                "end": 15,
                "qa_start": 7,
                "exchanges": 2,
            },
        ],
    },
    "simplified.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 51,
        "header": DISCLAIMER_SIMPLIFIED,
        "languages": ["en", "zh"],
        "script": "simplified",
        "calls": 1,
        "turns": 10,
        "paragraphs": 15,
        "speakers": 6,
        "qa_start": 7,
        "exchanges": 2,
        "speaker_list": [
            ("Helen Zhou", "IR", "management"),
            ("Zhang Hao", "Chairman, Chief Executive Officer", "management"),
            ("Fiona Liu", "Chief Financial Officer", "management"),
            OPERATOR,
            ("Kelvin Ng", "Analyst", "analyst"),
            ("Amy Sun", "Analyst", "analyst"),
        ],
        "firms": {"Kelvin Ng": "Pinecrest Securities", "Amy Sun": "Redwood Asia Research"},
        "exchange_list": [
            ("Kelvin Ng", "Pinecrest Securities", False, ["Zhang Hao"]),
            ("Amy Sun", "Redwood Asia Research", False, ["Fiona Liu"]),
        ],
        "call_list": [
            {
                "company": "Jadeport Logistics",
                "period": "Q2 2025",
                "first_turn": 0,
                "end_turn": 10,
                "first": 0,
                "end": 15,
                "qa_start": 7,
                "exchanges": 2,
            },
        ],
    },
    "translated_titles.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 53,
        "header": DISCLAIMER_TRADITIONAL,
        "languages": ["en", "zh"],
        "script": "traditional",
        "calls": 1,
        "turns": 12,
        "paragraphs": 14,
        "speakers": 6,
        "qa_start": 6,
        "exchanges": 2,
        "speaker_list": [
            OPERATOR,
            ("Ivy Tan", "Vice President, Investor Relations", "management"),
            ("Robert Hale", "Chief Executive Officer", "management"),
            ("Dana Wu", "Chief Financial Officer", "management"),
            ("Xiao Chen", "Analyst", "analyst"),
            ("Julia Brooks", "Analyst", "analyst"),
        ],
        # The Chinese speaker line of each speaker (the title translated; names kept).
        "speaker_lines_zh": {
            "Operator": "操作員",
            "Ivy Tan - Vice President, Investor Relations": "Ivy Tan - 投資者關係副總裁",
            "Robert Hale - Chief Executive Officer": "Robert Hale - 執行長",
            "Dana Wu - Chief Financial Officer": "Dana Wu - 財務長",
            "Xiao Chen - Analyst": "Xiao Chen - 分析師",
            "Julia Brooks - Analyst": "Julia Brooks - 分析師",
        },
        "firms": {"Xiao Chen": "Summit Lane Research", "Julia Brooks": "Alder Bay Capital"},
        "exchange_list": [
            ("Xiao Chen", "Summit Lane Research", False, ["Robert Hale"]),
            ("Julia Brooks", "Alder Bay Capital", False, ["Dana Wu"]),
        ],
        "call_list": [
            {
                "company": "Tidewell Therapeutics",
                "period": "Q3 2025",
                "first_turn": 0,
                "end_turn": 12,
                "first": 0,
                "end": 14,
                "qa_start": 6,
                "exchanges": 2,
            },
        ],
    },
    "multi_call.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 82,  # line 1 and line 46 are the disclaimer
        "header": DISCLAIMER_TRADITIONAL,
        "languages": ["en", "zh"],
        "script": "traditional",
        "calls": 2,
        "turns": 19,
        "paragraphs": 21,
        "speakers": 8,
        "qa_start": 4,
        "exchanges": 3,
        "speaker_list": [
            OPERATOR,
            ("Felix Moreau", "Chief Executive Officer", "management"),
            ("Grace Lindqvist", "Chief Financial Officer", "management"),
            ("Omar Haddad", "Analyst", "analyst"),
            ("Ruth Adeyemi", "Analyst", "analyst"),
            ("Chloe Ramirez", "Chief Executive Officer, Director", "management"),
            ("Victor Lam", "Chief Financial Officer", "management"),
            ("Ben Kessler", "Analyst", "analyst"),
        ],
        "firms": {
            "Omar Haddad": "Tallgrass Securities",
            "Ruth Adeyemi": "Northgate Research",
            "Ben Kessler": "Oakmont Partners",
        },
        "exchange_list": [
            ("Omar Haddad", "Tallgrass Securities", False, ["Felix Moreau"]),
            ("Ruth Adeyemi", "Northgate Research", False, ["Grace Lindqvist"]),
            ("Ben Kessler", "Oakmont Partners", False, ["Victor Lam"]),
        ],
        "call_list": [
            {
                "company": "Orbis Drone Systems",
                "period": "Q1 2025",
                "first_turn": 0,
                "end_turn": 10,
                "first": 0,
                "end": 12,
                "qa_start": 4,
                "exchanges": 2,
            },
            {
                "company": "Pennant Foods",
                "period": "Q4 2024",
                "first_turn": 10,
                "end_turn": 19,
                "first": 12,
                "end": 21,
                "qa_start": 15,
                "exchanges": 1,
            },
        ],
    },
    "identical_pairs.txt": {
        "transcript": True,
        "encoding": "utf-8",
        "lines": 43,
        "header": DISCLAIMER_TRADITIONAL,
        "languages": ["en", "zh"],
        "script": "traditional",
        "calls": 1,
        "turns": 8,
        "paragraphs": 13,
        "speakers": 5,
        "qa_start": 8,
        "exchanges": 1,
        "speaker_list": [
            OPERATOR,
            ("Grace Ho", "Head of Investor Relations", "management"),
            ("Mei Lin", "Chairwoman of the Board, Chief Executive Officer", "management"),
            ("Arjun Mehta", "Chief Financial Officer", "management"),
            ("Sung-min Park", "Analyst", "analyst"),
        ],
        # Identical English/Chinese pairs that are paragraphs, not speaker lines:
        # paragraph index -> text (lines 10-11 and 14-15 of the file).
        "identical_paragraphs": {2: "www.example-ir.com/results", 4: "NASDAQ: LMRA"},
        "firms": {"Sung-min Park": "Kestrel Capital"},
        "exchange_list": [
            ("Sung-min Park", "Kestrel Capital", False, ["Mei Lin"]),
        ],
        "call_list": [
            {
                "company": "Lumora Mobility",
                "period": "Q2 2025",
                "first_turn": 0,
                "end_turn": 8,
                "first": 0,
                "end": 13,
                "qa_start": 8,
                "exchanges": 1,
            },
        ],
    },
    "not_a_transcript.txt": {
        "transcript": False,
        "encoding": "utf-8",
        "lines": 12,
        "header": None,
        "languages": None,
        "script": None,
        "calls": None,
        "turns": None,
        "paragraphs": None,
        "speakers": None,
        "qa_start": None,
        "exchanges": None,
        "speaker_list": None,
    },
    "unrelated.csv": {
        "transcript": False,
        "encoding": "utf-8",
        "lines": 7,  # ends with a newline, as CSV files do
        "header": None,
        "languages": None,
        "script": None,
        "calls": None,
        "turns": None,
        "paragraphs": None,
        "speakers": None,
        "qa_start": None,
        "exchanges": None,
        "speaker_list": None,
    },
}

# resources/sample-transcript.txt: the file the app opens with no argument (Lumora Mobility,
# Q3 2025). Same keys as EXPECTED, plus the one deliberate figure mistranslation.
SAMPLE: dict[str, Any] = {
    "transcript": True,
    "encoding": "utf-8",
    "lines": 137,
    "header": DISCLAIMER_TRADITIONAL,
    "languages": ["en", "zh"],
    "script": "traditional",
    "calls": 1,
    "turns": 24,
    "paragraphs": 44,
    "speakers": 9,
    "qa_start": 21,
    "exchanges": 4,
    "speaker_list": [
        OPERATOR,
        ("Grace Ho", "Head of Investor Relations", "management"),
        ("Mei Lin", "Chairwoman of the Board, Chief Executive Officer", "management"),
        ("Arjun Mehta", "Chief Financial Officer", "management"),
        ("Vivian Tsai", "Analyst", "analyst"),
        ("Marcus Feld", "Analyst", "analyst"),
        ("Owen Zhao", "Chief Technology Officer", "management"),
        ("Li Wei", "Analyst", "analyst"),
        ("Hannah Okafor", "Analyst", "analyst"),
    ],
    "firms": {
        "Vivian Tsai": "Harbor Ridge Securities",
        "Marcus Feld": "Kestrel Capital",
        "Li Wei": "Eastgate Securities",
        "Hannah Okafor": "Northbridge Partners",
    },
    "exchange_list": [
        ("Vivian Tsai", "Harbor Ridge Securities", False, ["Arjun Mehta", "Mei Lin"]),
        ("Marcus Feld", "Kestrel Capital", False, ["Owen Zhao"]),
        ("Li Wei", "Eastgate Securities", False, ["Mei Lin"]),
        ("Hannah Okafor", "Northbridge Partners", False, ["Arjun Mehta"]),
    ],
    "call_list": [
        {
            "company": "Lumora Mobility",
            "period": "Q3 2025",
            "first_turn": 0,
            "end_turn": 24,
            "first": 0,
            "end": 44,
            "qa_start": 21,
            "exchanges": 4,
        },
    ],
    # The only figure that differs between English and Chinese: paragraph 16 (CFO), file
    # line 42 (English) / 43 (Chinese): "R&D ... up 18% year-over-year" vs "研發 ... 年增 13%".
    "figure_mismatches": [{"paragraph": 16, "line": 42, "en": "18%", "zh": "13%"}],
}

# The same two calls without the second disclaimer line: one line fewer, the same parse.
EXPECTED["multi_call_noheader.txt"] = {**EXPECTED["multi_call.txt"], "lines": 81}

# tests/fixtures/layouts/: one fictional file in the shape of each source layout (see the
# README there). Counted by hand: turns are speaker lines in the text (participant lists, headings,
# `[n]` numbers and tails are not turns); paragraphs as the source separates them (blank lines,
# one line each, or hard-wrapped lines joined back); qa_start is the first paragraph after the
# source's Q&A heading.
LAYOUT_EXPECTED: dict[str, dict[str, Any]] = {
    "lseg.txt": {
        "layout": "lseg",
        "languages": ["en"],
        "turns": 11,
        "paragraphs": 15,
        "qa_start": 7,
        "exchanges": 2,
        "company": "Halvorsen Marine",
        "period": "Q3 2025",
        "title": "Q3 2025 Halvorsen Marine ASA Earnings Call",
        "speaker_list": [
            ("Operator", "", "operator", None),
            ("Ingrid Solheim", "Head of Investor Relations", "management", "Halvorsen Marine ASA"),
            ("Magnus Eide", "Chief Executive Officer", "management", "Halvorsen Marine ASA"),
            ("Sofie Brekke", "Chief Financial Officer", "management", "Halvorsen Marine ASA"),
            ("Priya Nair", "Analyst", "analyst", "Cobalt Ridge Securities"),
            ("Tomas Berg", "Analyst", "analyst", "Lindgren & Co."),
        ],
        "turn_speakers": [
            "Operator",
            "Ingrid Solheim",
            "Magnus Eide",
            "Sofie Brekke",
            "Operator",
            "Priya Nair",
            "Magnus Eide",
            "Operator",
            "Tomas Berg",
            "Sofie Brekke",
            "Operator",
        ],
        "last_paragraph": "That concludes today's call. Thank you for joining.",
    },
    "capiq.txt": {
        "layout": "capiq",
        "languages": ["en"],
        "turns": 11,
        "paragraphs": 16,
        "qa_start": 8,
        "exchanges": 2,
        "company": "Fennimore Tools",
        "period": "Q2 FY2026",
        "title": "Fennimore Tools Inc. NYSE:FNMT FQ2 2026 Earnings Call Transcripts",
        "speaker_list": [
            ("Operator", "", "operator", None),
            ("Rachel Dunmore", "VP of Investor Relations", "management", "Fennimore Tools Inc."),
            ("Colin Ashby", "President, CEO & Director", "management", "Fennimore Tools Inc."),
            ("Nadia Petrov", "CFO", "management", "Fennimore Tools Inc."),
            ("Derek Hollis", "Analyst", "analyst", "Marlow Brothers & Co., Research Division"),
            ("Yuki Tanabe", "Analyst", "analyst", "Greyfield Partners LLC"),
        ],
        "turn_speakers": [
            "Operator",
            "Rachel Dunmore",
            "Colin Ashby",
            "Nadia Petrov",
            "Operator",
            "Derek Hollis",
            "Colin Ashby",
            "Operator",
            "Yuki Tanabe",
            "Nadia Petrov",
            "Operator",
        ],
        # Hard-wrapped at 140 columns: these paragraphs span several lines of the file.
        "paragraph_starts": {
            3: "Thanks, Rachel. Fiscal second quarter sales were $812 million",
            4: "We opened our new distribution center in Ohio on schedule.",
            5: "We are raising our full year sales outlook",
            13: "It assumes today's tariff rates stay in place",
        },
        "last_paragraph": (
            "There are no further questions at this time. This concludes today's conference call. "
            "You may now disconnect."
        ),
    },
    "fool.txt": {
        "layout": "fool",
        "languages": ["en"],
        "turns": 10,
        "paragraphs": 11,
        "qa_start": 4,
        "exchanges": 2,
        "company": "Quarrystone Foods",
        "period": "Q1 2026",
        "title": "Quarrystone Foods (QSFD -2.10%) Q1 2026 Earnings Call",
        "speaker_list": [
            ("Operator", "", "operator", None),
            ("Owen Tuckett", "Chief Executive Officer", "management", None),
            ("Helena Marsh", "Chief Financial Officer", "management", None),
            ("Lucas Ferrand", "Analyst", "analyst", "Stonebridge Capital"),
            ("Mei Okada", "Analyst", "analyst", "Harbor Lane Research"),
        ],
        "turn_speakers": [
            "Operator",
            "Owen Tuckett",
            "Helena Marsh",
            "Operator",
            "Lucas Ferrand",
            "Owen Tuckett",
            "Operator",
            "Mei Okada",
            "Helena Marsh",
            "Operator",
        ],
        "last_paragraph": "This concludes today's call. You may now disconnect.",
    },
    "seekingalpha.txt": {
        "layout": "seekingalpha",
        "languages": ["en"],
        "turns": 11,
        "paragraphs": 13,
        "qa_start": 5,
        "exchanges": 2,
        "company": "Brambleton Energy",
        "period": "Q4 2025",
        "title": "Brambleton Energy Inc. (BRBE) Q4 2025 Earnings Call Transcript",
        "speaker_list": [
            ("Operator", "", "operator", None),
            ("Alan Whitcombe", "Director of Investor Relations", "management", None),
            ("Teresa Molina", "President and Chief Executive Officer", "management", None),
            ("Gareth Lowe", "Chief Financial Officer", "management", None),
            ("Simone Achebe", "Analyst", "analyst", "Northwater Securities"),
            ("Paul Grady", "Analyst", "analyst", "Kinsale Capital Markets"),
        ],
        "turn_speakers": [
            "Operator",
            "Alan Whitcombe",
            "Teresa Molina",
            "Gareth Lowe",
            "Operator",
            "Simone Achebe",
            "Teresa Molina",
            "Operator",
            "Paul Grady",
            "Gareth Lowe",
            "Operator",
        ],
        "last_paragraph": "Ladies and gentlemen, this concludes today's conference. You may now disconnect.",
    },
    "minutes_zh.txt": {
        "layout": "minutes-zh",
        "languages": ["zh"],
        "turns": 10,
        "paragraphs": 11,
        "qa_start": 4,
        "exchanges": 2,
        "company": "云帆医疗",
        "period": "Q3 2025",
        "title": "云帆医疗2025年第三季度业绩电话会纪要",
        "speaker_list": [
            ("主持人", "", "operator", None),
            ("周明远", "董事长兼CEO", "management", None),
            ("林晓雯", "CFO", "management", None),
            ("王磊", "分析师", "analyst", "中信建投证券"),
            ("陈思琪", "分析师", "analyst", "华泰资本"),
        ],
        "turn_speakers": [
            "主持人",
            "周明远",
            "林晓雯",
            "主持人",
            "王磊",
            "周明远",
            "主持人",
            "陈思琪",
            "林晓雯",
            "主持人",
        ],
        "last_paragraph": "今天的会议到此结束，谢谢各位参加。",
    },
    "plain.txt": {
        "layout": "plain",
        "languages": ["en"],
        "turns": 10,
        "paragraphs": 11,
        "qa_start": 4,
        "exchanges": 2,
        "company": "Corbel Analytics",
        "period": "Q2 2026",
        "title": "Corbel Analytics Q2 2026 Earnings Call",
        "speaker_list": [
            ("Operator", "", "operator", None),
            ("Dana Whitfield", "", "management", None),
            ("Marco Villa", "", "management", None),
            ("Hana Kerr", "", "analyst", "Ashgrove Partners"),
            ("Ravi Desai", "", "analyst", "Pembury Securities"),
        ],
        "turn_speakers": [
            "Operator",
            "Dana Whitfield",
            "Marco Villa",
            "Operator",
            "Hana Kerr",
            "Dana Whitfield",
            "Operator",
            "Ravi Desai",
            "Marco Villa",
            "Operator",
        ],
        "last_paragraph": "That concludes today's call. Thank you for participating.",
    },
}
