//! Both formats read back with `calamine`: the sheets, numbers as numbers,
//! Dutch text intact, the wide sheet's columns, the long format.

use calamine::{Data, DataType, Reader, open_workbook_auto};

use leidraad_core::dossier::Round;
use leidraad_core::interchange::csv::{HEADER, each_long_row};
use leidraad_core::nl;
use leidraad_core::scoring;

use super::{DUTCH_MOTIVATION, FORMULA_MOTIVATION, exported, fixture};

/// Every cell of a sheet by its absolute position (row, column), so that
/// a title row above the table counts as it does in the spreadsheet.
fn grid(path: &std::path::Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let (end_row, end_col) = range.end().unwrap();
    (0..=end_row)
        .map(|r| {
            (0..=end_col)
                .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                .collect()
        })
        .collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(x) => *x,
        Data::Int(n) => *n as f64,
        other => panic!("expected a number, found {other:?}"),
    }
}

fn sheet_names(path: &std::path::Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names().to_vec()
}

fn check(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = exported(dir.path(), name);
    let (rubric, dossier) = fixture();
    assert_eq!(
        sheet_names(&path),
        [
            "Rangschikking ronde 1",
            "Per beoordelaar ronde 1",
            "Rangschikking ronde 2",
            "Per beoordelaar ronde 2",
            "Scores",
            "Besluiten",
            "Leidraad",
        ],
        "{name}"
    );
    ranking(&path, &rubric, &dossier);
    wide(&path, &dossier);
    long(&path, &rubric, &dossier);
    decisions(&path);
    let key = grid(&path, "Leidraad");
    assert!(
        key.iter()
            .any(|row| text(&row[0]) == "C4.financien" && text(&row[1]) == "Financiën"),
        "{name}: the item's name with its ë"
    );
}

fn ranking(
    path: &std::path::Path,
    rubric: &leidraad_core::rubric::Rubric,
    dossier: &leidraad_core::dossier::Dossier,
) {
    for round in Round::ALL {
        let g = grid(path, &format!("Rangschikking ronde {}", round.number()));
        assert!(text(&g[0][0]).contains(&rubric.hash()), "the hash on top");
        assert!(text(&g[0][0]).contains(&rubric.title));
        assert_eq!(text(&g[2][0]), nl::PLACE);
        assert_eq!(text(&g[2][3]), nl::TOTAL);
        let eval = scoring::evaluate(rubric, dossier, round);
        assert_eq!(g.len(), 3 + eval.applications.len());
        for (a, row) in eval.applications.iter().zip(&g[3..]) {
            assert_eq!(text(&row[1]), a.id.0);
            assert_eq!(text(&row[2]), a.region);
            match &a.total {
                Some(t) => {
                    // A number, the total cut to two decimals (not text).
                    assert_eq!(number(&row[3]), t.to_decimal().parse::<f64>().unwrap());
                    assert_eq!(text(&row[9]), t.to_fraction());
                }
                None => assert_eq!(row[3], Data::Empty, "{}", a.id),
            }
            match a.rank {
                Some(r) => assert_eq!(number(&row[0]), f64::from(r)),
                None => assert_eq!(row[0], Data::Empty),
            }
            assert_eq!(text(&row[4]), nl::status(a.status));
            assert_eq!(number(&row[7]), f64::from(a.assessors));
        }
    }
    // Round 2: the tie settled by the decision, pointed at by number.
    let g = grid(path, "Rangschikking ronde 2");
    let a04 = g.iter().find(|r| text(&r[1]) == "A04").unwrap();
    assert_eq!(text(&a04[4]), "toegekend");
    assert_eq!(text(&a04[10]), "plaats vastgelegd bij besluit 1");
    let a07 = g.iter().find(|r| text(&r[1]) == "A07").unwrap();
    assert_eq!(text(&a07[4]), "niet toegekend");
    let a01 = g.iter().find(|r| text(&r[1]) == "A01").unwrap();
    assert_eq!(number(&a01[3]), 75.0);
}

fn wide(path: &std::path::Path, dossier: &leidraad_core::dossier::Dossier) {
    let g = grid(path, "Per beoordelaar ronde 1");
    let head: Vec<String> = g[2].iter().map(text).collect();
    // 8 knock-outs and 11 criteria, each with 3 assessors and the final
    // value, between the application and region and the total and status.
    assert_eq!(head.len(), 2 + 19 * 4 + 2, "{head:?}");
    assert_eq!(
        head[..7],
        [
            "Aanvraag",
            "Regio",
            "KO1 · Femke Hoogland",
            "KO1 · Ruben Kasteel",
            "KO1 · Lotte Brink",
            "KO1 · eind",
            "KO2 · Femke Hoogland",
        ]
    );
    let c1 = 2 + 8 * 4;
    assert_eq!(
        head[c1..c1 + 4],
        [
            "C1 · Femke Hoogland",
            "C1 · Ruben Kasteel",
            "C1 · Lotte Brink",
            "C1 · eind"
        ]
    );
    assert_eq!(head[head.len() - 2..], ["Totaal", "Status"]);
    assert_eq!(
        g.len(),
        3 + dossier.applications.len(),
        "one row per application"
    );
    // Each assessor's own points, as numbers, where the dossier has them.
    let rubric = leidraad_core::rubric::Rubric::builtin();
    let eval = scoring::evaluate(&rubric, dossier, Round::One);
    let c2 = head.iter().position(|h| h == "C2 · Ruben Kasteel").unwrap();
    let mut seen = 0;
    for row in &g[3..] {
        let id = text(&row[0]);
        let own = dossier
            .assessment(&id.as_str().into(), "Ruben Kasteel", Round::One)
            .filter(|a| a.is_submitted())
            .and_then(|a| a.criteria.get(&"C2".into()))
            .and_then(|s| s.value.as_ref())
            .map(|v| rubric.criterion("C2").unwrap().points(v));
        match own {
            Some(points) => {
                assert_eq!(number(&row[c2]), f64::from(points), "{id}");
                seen += 1;
            }
            None => assert_eq!(row[c2], Data::Empty, "{id}"),
        }
        // The final value: the exact mean (or consensus), cut to two
        // decimals, as a number.
        let fin = eval
            .get(&id.as_str().into())
            .and_then(|r| r.criteria.iter().find(|c| c.id.as_str() == "C2"))
            .and_then(|c| c.value.as_ref());
        match fin {
            Some(v) => assert_eq!(
                number(&row[c2 + 2]),
                v.to_decimal().parse::<f64>().unwrap(),
                "{id}"
            ),
            None => assert_eq!(row[c2 + 2], Data::Empty, "{id}"),
        }
    }
    assert!(seen >= 3, "the example has Ruben's scores");
}

fn long(
    path: &std::path::Path,
    rubric: &leidraad_core::rubric::Rubric,
    dossier: &leidraad_core::dossier::Dossier,
) {
    let g = grid(path, "Scores");
    let head: Vec<String> = g[0].iter().map(text).collect();
    assert_eq!(head, HEADER, "the long format's head on the first row");
    let mut expected: Vec<[String; 7]> = Vec::new();
    each_long_row(rubric, dossier, None, |row| {
        expected.push(row.map(String::from))
    });
    assert_eq!(g.len(), 1 + expected.len());
    for (want, row) in expected.iter().zip(&g[1..]) {
        for (i, cell) in row.iter().enumerate() {
            let got = match cell {
                Data::Float(_) | Data::Int(_) => format!("{}", number(cell)),
                other => text(other),
            };
            assert_eq!(got, want[i], "{want:?}");
        }
        // Round and whole values are numbers.
        assert!(row[3].is_float() || row[3].is_int());
        if want[5].bytes().all(|b| b.is_ascii_digit()) {
            assert!(row[5].is_float() || row[5].is_int(), "{want:?}");
        }
    }
    let motivations: Vec<String> = g[1..].iter().map(|r| text(&r[6])).collect();
    assert!(motivations.iter().any(|m| m == DUTCH_MOTIVATION));
    assert!(
        motivations.iter().any(|m| m == FORMULA_MOTIVATION),
        "a formula-like text stays text, without a leading '"
    );
}

fn decisions(path: &std::path::Path) {
    let g = grid(path, "Besluiten");
    let head: Vec<String> = g[2].iter().map(text).collect();
    assert_eq!(
        head,
        [
            "Nr.",
            "Ronde",
            "Soort",
            "Aanvragen",
            "Uitkomst",
            "Stand",
            "Waarom",
            "Motivering",
            "Vastgelegd door",
            "Vastgelegd op"
        ]
    );
    let row = &g[3];
    assert_eq!(number(&row[0]), 1.0);
    assert_eq!(number(&row[1]), 2.0);
    assert_eq!(text(&row[2]), "gelijke stand beslecht");
    assert_eq!(text(&row[3]), "A04, A07");
    assert_eq!(text(&row[4]), "toegekend aan A04");
    assert_eq!(text(&row[5]), "geldig");
    assert_eq!(text(&row[6]), "");
    assert_eq!(text(&row[7]), "A04 onderbouwt de financiën beter.");
    assert_eq!(text(&row[8]), "J. de Vries");
    // A date, not a text.
    assert!(
        matches!(row[9], Data::DateTime(_) | Data::DateTimeIso(_)),
        "{:?}",
        row[9]
    );
}

#[test]
fn a_revoked_decision_says_so_and_why_and_the_tie_is_open_again() {
    use leidraad_core::dossier::{Decision, DecisionKind};
    let dir = tempfile::tempdir().unwrap();
    let (rubric, mut dossier) = fixture();
    dossier.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::Revoke { decision: 0 },
        motivation: "Eerst het gesprek afwachten.".into(),
        by: "J. de Vries".into(),
        at: Some(leidraad_core::testkit::when()),
        basis: Default::default(),
    });
    let path = dir.path().join("ingetrokken.ods");
    leidraad_sheet::export(&rubric, &dossier, None, &path, super::made()).unwrap();
    let g = grid(&path, "Besluiten");
    assert_eq!(text(&g[3][5]), "ingetrokken");
    assert!(
        text(&g[3][6]).starts_with("ingetrokken door besluit 2"),
        "{:?}",
        g[3][6]
    );
    assert_eq!(text(&g[4][2]), "intrekking");
    assert_eq!(text(&g[4][4]), "trekt besluit 1 in");
    let ranking = grid(&path, "Rangschikking ronde 2");
    let a04 = ranking.iter().find(|r| text(&r[1]) == "A04").unwrap();
    assert_eq!(text(&a04[4]), "gelijke stand");
    assert_eq!(
        text(&a04[10]),
        "gelijke stand op de toekenningsgrens: het panel legt een besluit vast"
    );
}

#[test]
fn a_provisional_round_2_says_so_above_the_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let (rubric, mut dossier) = fixture();
    // A07's round-2 assessments withdrawn from submission: it is invited
    // and incomplete, so nobody is awarded yet.
    for a in dossier
        .assessments
        .iter_mut()
        .filter(|a| a.application.0 == "A07" && a.round == Round::Two)
    {
        a.submitted = None;
    }
    let path = dir.path().join("voorlopig.xlsx");
    leidraad_sheet::export(&rubric, &dossier, None, &path, super::made()).unwrap();
    let g = grid(&path, "Rangschikking ronde 2");
    assert!(
        text(&g[2][0]).starts_with("voorlopig: A07 is nog niet compleet"),
        "{:?}",
        g[2][0]
    );
    assert_eq!(
        text(&g[3][0]),
        nl::PLACE,
        "the head below the three title lines"
    );
    let a01 = g.iter().find(|r| text(&r[1]) == "A01").unwrap();
    assert_eq!(text(&a01[4]), "voorlopig");
}

#[test]
fn the_xlsx_reads_back_with_numbers_as_numbers_and_dutch_text_intact() {
    check("rangschikking.xlsx");
}

#[test]
fn the_ods_reads_back_with_numbers_as_numbers_and_dutch_text_intact() {
    check("rangschikking.ods");
}

#[test]
fn one_round_gives_that_rounds_sheets_and_its_decisions_only() {
    let dir = tempfile::tempdir().unwrap();
    let (rubric, dossier) = fixture();
    let path = dir.path().join("ronde1.xlsx");
    leidraad_sheet::export(&rubric, &dossier, Some(Round::One), &path, super::made()).unwrap();
    assert_eq!(
        sheet_names(&path),
        [
            "Rangschikking ronde 1",
            "Per beoordelaar ronde 1",
            "Scores",
            "Besluiten",
            "Leidraad"
        ]
    );
    let scores = grid(&path, "Scores");
    assert!(scores[1..].iter().all(|r| number(&r[3]) == 1.0));
    assert_eq!(
        grid(&path, "Besluiten").len(),
        3,
        "the round-2 decision is left out"
    );
}
