//! The PDF score sheets: content read back from the PDF text, layout over
//! pages, fonts, footers and fingerprints.

use crate::report_support;

use leidraad_core::dossier::{Application, Assessment, Round, Value, Verdict, points};
use leidraad_core::rubric::{Rubric, Scale, short_hash};
use leidraad_core::scoring;
use leidraad_report::{self as report, ReportError, SheetKind, strings};
use report_support::{
    assert_in_order, assert_valid_pdf, example, find_across_pages, pages, printed, squash, squashed,
};

fn assessment_kind(a: &Assessment) -> SheetKind {
    SheetKind::Assessment {
        application: a.application.clone(),
        assessor: a.assessor.clone(),
        round: a.round,
    }
}

/// What the score cell of a criterion shows for an assessor's value.
fn score_text(rubric: &Rubric, a: &Assessment, id: &leidraad_core::rubric::CriterionId) -> String {
    match a.value(id) {
        None => strings::NOT_SCORED.to_string(),
        Some(Value::Points(n)) => n.to_string(),
        Some(Value::Yes) => format!(
            "{}{}",
            strings::YES,
            strings::points_value(points(rubric, id, &Value::Yes))
        ),
        Some(Value::No) => format!("{}{}", strings::NO, strings::points_value(0)),
        Some(Value::NotAddressed) => {
            format!("{}{}", strings::NOT_ADDRESSED, strings::points_value(0))
        }
        Some(v @ Value::Items(m)) => {
            let mut s = points(rubric, id, v).to_string();
            if let Some(Scale::Items { items, .. }) =
                rubric.criterion(id.as_str()).map(|c| &c.scale)
            {
                for item in items {
                    s.push_str(&strings::item_score(&item.name, m.get(&item.id).copied()));
                }
            }
            s
        }
    }
}

/// An assessor's sheet as text, for the checks below.
struct Sheet {
    /// The text of each page, squashed.
    flat: Vec<String>,
    /// All pages together, squashed.
    doc: String,
    /// Which assessment, for the failure messages.
    what: String,
}

/// Check one assessor's sheet against the dossier, the rubric and
/// `scoring::summarize`.
fn check_assessment_sheet(
    rubric: &Rubric,
    dossier: &leidraad_core::dossier::Dossier,
    a: &Assessment,
) {
    let kind = assessment_kind(a);
    let pdf = report::score_sheet(rubric, dossier, &kind, printed()).unwrap();
    let n = assert_valid_pdf(&pdf);
    let pages = pages(&pdf);
    assert_eq!(pages.len(), n, "pdftotext sees every page");
    let flat = squashed(&pages);
    let doc: String = flat.concat();
    let what = format!("{} {} round {}", a.application, a.assessor, a.round);
    let sheet = Sheet { flat, doc, what };
    let app = dossier.application(&a.application).unwrap();

    check_header(&sheet, rubric, app, a);
    check_knockouts(&sheet, rubric, a);
    check_criteria(&sheet, rubric, a);
    check_totals(&sheet, rubric, a);
    check_signature_and_footer(&sheet, rubric, dossier, &kind, n);
}

/// Header: the title, the application, the assessor, the round, the date
/// printed and the leidraad.
fn check_header(sheet: &Sheet, rubric: &Rubric, app: &Application, a: &Assessment) {
    let (flat, doc, what) = (&sheet.flat, &sheet.doc, &sheet.what);
    for piece in [
        strings::SHEET_TITLE,
        &app.id.0,
        &app.region,
        &a.assessor,
        &strings::round_label(a.round),
        &strings::date(printed()),
        &rubric.title,
        &rubric.version,
    ] {
        assert!(
            doc.contains(&squash(piece)),
            "{what}: header shows {piece:?}"
        );
    }
    if !app.plan_title.is_empty() {
        assert!(
            find_across_pages(flat, &app.plan_title).is_some(),
            "{what}: plan title"
        );
    }
}

/// Knock-outs: id, name, the leidraad's text, the verdict, the motivation.
fn check_knockouts(sheet: &Sheet, rubric: &Rubric, a: &Assessment) {
    let (flat, doc, what) = (&sheet.flat, &sheet.doc, &sheet.what);
    for ko in &rubric.knockouts {
        let verdict = a.verdict(&ko.id);
        let motivation = a
            .knockouts
            .get(&ko.id)
            .map(|j| j.motivation.trim())
            .unwrap_or("");
        assert!(
            find_across_pages(flat, &ko.text).is_some(),
            "{what}: text of {}",
            ko.id
        );
        assert_in_order(
            doc,
            &[
                format!("{} {}", ko.id, ko.name),
                strings::verdict(verdict).to_string(),
                if motivation.is_empty() {
                    strings::NO_MOTIVATION.to_string()
                } else {
                    motivation.chars().take(40).collect()
                },
            ],
            &format!("{what}: {}", ko.id),
        );
        if !motivation.is_empty() {
            assert!(
                find_across_pages(flat, motivation).is_some(),
                "{what}: motivation of {} in full",
                ko.id
            );
        }
    }
}

/// Weighted criteria: id, name, text, scale, cap and score, motivation,
/// evidence.
fn check_criteria(sheet: &Sheet, rubric: &Rubric, a: &Assessment) {
    let (flat, doc, what) = (&sheet.flat, &sheet.doc, &sheet.what);
    for c in rubric.criteria() {
        let entry = a.criteria.get(&c.id);
        let motivation = entry.map(|e| e.motivation.trim()).unwrap_or("");
        assert!(
            find_across_pages(flat, &c.text).is_some(),
            "{what}: text of {}",
            c.id
        );
        assert!(
            find_across_pages(flat, &strings::scale(&c.scale)).is_some(),
            "{what}: scale of {}",
            c.id
        );
        assert_in_order(
            doc,
            &[
                format!("{} {}", c.id, c.name),
                format!("{}{}", c.cap, score_text(rubric, a, &c.id)),
                if motivation.is_empty() {
                    strings::NO_MOTIVATION.to_string()
                } else {
                    motivation.chars().take(40).collect()
                },
            ],
            &format!("{what}: {}", c.id),
        );
        if !motivation.is_empty() {
            assert!(
                find_across_pages(flat, motivation).is_some(),
                "{what}: motivation of {} in full",
                c.id
            );
        }
        if let Some(e) = entry {
            let evidence = strings::evidence(&e.evidence.document, &e.evidence.page);
            if !evidence.is_empty() {
                assert!(
                    find_across_pages(flat, &evidence).is_some(),
                    "{what}: evidence of {}",
                    c.id
                );
            }
        }
    }
}

/// Subtotals, total and status, as scoring::summarize has them.
fn check_totals(sheet: &Sheet, rubric: &Rubric, a: &Assessment) {
    let (doc, what) = (&sheet.doc, &sheet.what);
    let summary = scoring::summarize(rubric, a);
    for (g, total) in rubric.groups.iter().zip(&summary.groups) {
        assert_in_order(
            doc,
            &[
                strings::group_label(&g.name),
                total.cap.to_string(),
                total.total.to_dutch(),
            ],
            &format!("{what}: subtotal {}", g.id),
        );
    }
    let threshold = match a.round {
        Round::One => rubric.process.interview_threshold,
        Round::Two => rubric.process.award_minimum,
    };
    assert_in_order(
        doc,
        &[
            strings::TOTAL.to_string(),
            summary.total.to_dutch(),
            strings::out_of_label(rubric.total),
            strings::standing_line(&summary.standing, a.round, threshold),
        ],
        &format!("{what}: total and status"),
    );
    assert!(
        doc.contains(&squash(&format!(
            "{}{}{}",
            strings::TOTAL,
            rubric.total,
            summary.total.to_dutch()
        ))),
        "{what}: the total row of the table"
    );
}

/// Signature lines, and the footer on every page: page number, the
/// leidraad's hash and the sheet's fingerprint.
fn check_signature_and_footer(
    sheet: &Sheet,
    rubric: &Rubric,
    dossier: &leidraad_core::dossier::Dossier,
    kind: &SheetKind,
    n: usize,
) {
    let (flat, doc, what) = (&sheet.flat, &sheet.doc, &sheet.what);
    for piece in [strings::SIGNATURE_SECTION, strings::NAME, strings::DATE] {
        assert!(
            doc.contains(&squash(piece)),
            "{what}: signature block {piece}"
        );
    }

    // Footer on every page.
    let fingerprint = report::fingerprint(rubric, dossier, kind).unwrap();
    for (i, page) in flat.iter().enumerate() {
        for piece in [
            strings::page_of(i + 1, n),
            short_hash(&rubric.hash()).to_string(),
            report::short_fingerprint(&fingerprint),
        ] {
            assert!(
                page.contains(&squash(&piece)),
                "{what}: page {} shows {piece:?}",
                i + 1
            );
        }
    }
}

#[test]
fn every_assessor_sheet_of_the_example_shows_the_whole_assessment() {
    let (rubric, dossier) = example();
    let submitted: Vec<&Assessment> = dossier
        .assessments
        .iter()
        .filter(|a| a.is_submitted())
        .collect();
    assert!(
        submitted.len() >= 10,
        "the example has submitted assessments"
    );
    for a in submitted {
        check_assessment_sheet(&rubric, &dossier, a);
    }
}

#[test]
fn the_consensus_sheet_shows_the_final_values_of_evaluate() {
    let (rubric, dossier) = example();
    let consensus = dossier
        .consensus
        .iter()
        .find(|c| !c.is_empty())
        .expect("the example has a consensus");
    let kind = SheetKind::Consensus {
        application: consensus.application.clone(),
        round: consensus.round,
    };
    let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
    assert_valid_pdf(&pdf);
    let flat = squashed(&pages(&pdf));
    let doc = flat.concat();
    let eval = scoring::evaluate(&rubric, &dossier, consensus.round);
    let result = eval.get(&consensus.application).unwrap();
    assert!(doc.contains(&squash(strings::CONSENSUS_TITLE)));
    assert!(doc.contains(&squash(strings::CONSENSUS_PANEL)));
    let total = result.total.expect("the consensus application has a total");
    let threshold = eval.threshold;
    assert_in_order(
        &doc,
        &[
            total.to_dutch(),
            strings::status_line(result.status, consensus.round, threshold, &result.failed_ko),
        ],
        "consensus total and status",
    );
    for f in &result.criteria {
        let c = rubric.criterion(f.id.as_str()).unwrap();
        let value = f.value.unwrap().to_dutch_short();
        let marker = if f.from_consensus {
            strings::FROM_CONSENSUS
        } else {
            strings::MEAN_NO_CONSENSUS
        };
        assert_in_order(
            &doc,
            &[
                format!("{} {}", c.id, c.name),
                format!("{}{value}{marker}", c.cap),
            ],
            &format!("consensus {}", c.id),
        );
        if f.from_consensus {
            let m = &consensus.criteria[&f.id].motivation;
            if !m.trim().is_empty() {
                assert!(
                    find_across_pages(&flat, m).is_some(),
                    "consensus motivation of {}",
                    c.id
                );
            }
        }
    }
    for k in &result.knockouts {
        let ko = rubric.knockout(k.id.as_str()).unwrap();
        assert_in_order(
            &doc,
            &[
                format!("{} {}", ko.id, ko.name),
                strings::verdict(k.verdict).to_string(),
            ],
            &format!("consensus {}", ko.id),
        );
    }
}

/// About 3,000 characters of Dutch text with the characters the font must
/// show: ë é ï € – ‘ ’ “ ”.
fn long_motivation() -> String {
    let sentences = [
        "Het plan beschrijft de samenwerking met politie, OM en rechtspraak in concrete afspraken – met data, namen en een overleg\u{ad}structuur.",
        "De regio’s hebben een ‘gezamenlijke’ regietafel; het “netwerkdossier” is in 2023 geïmplementeerd bij drie gemeenten.",
        "Financiën: de eigen bijdrage is € 250.000 en het gevraagde bedrag € 1.100.000, onderbouwd per jaar en per partner.",
        "Coöperatie met de volwassenen-GGZ is beschreven, maar de verslavingszorg ontbreekt nog in de uitvoering; daarom geen maximale score.",
        "Ruïne van het oude model: de beoordelaar ziet één duidelijke lijn van analyse naar interventie, gecontroleerd door de jurist.",
    ];
    let mut s = String::new();
    let mut i = 0;
    while s.chars().count() < 3000 {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(sentences[i % sentences.len()]);
        i += 1;
    }
    s
}

#[test]
fn a_3000_character_motivation_flows_over_pages_and_nothing_is_lost() {
    let (rubric, mut dossier) = example();
    let motivation = long_motivation();
    assert!(motivation.chars().count() >= 3000);
    let a = dossier
        .assessments
        .iter_mut()
        .find(|a| a.is_submitted())
        .unwrap();
    let c2 = leidraad_core::rubric::CriterionId::from("C2");
    a.criteria.get_mut(&c2).expect("C2 is scored").motivation = motivation.clone();
    let kind = assessment_kind(a);
    let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
    let n = assert_valid_pdf(&pdf);
    let flat = squashed(&pages(&pdf));
    let covered = find_across_pages(&flat, &motivation)
        .expect("the whole motivation is on the sheet, in order");
    assert!(
        covered.len() >= 2,
        "the motivation continues on the next page: {covered:?}"
    );
    // The table header is repeated on every page the table continues on.
    let header = squash(&format!(
        "{}{}{}{}",
        strings::COL_CRITERION,
        strings::COL_MAX,
        strings::COL_SCORE,
        strings::COL_MOTIVATION_EVIDENCE
    ));
    for p in covered.clone() {
        assert!(
            flat[p].contains(&header),
            "page {} repeats the table header",
            p + 1
        );
    }
    // And the characters the font must show are intact.
    for word in [
        "geïmplementeerd",
        "€250.000",
        "regio’s",
        "‘gezamenlijke’",
        "“netwerkdossier”",
        "Financiën",
        "–",
        "één",
    ] {
        assert!(flat.concat().contains(word), "{word} survives");
    }
    assert!(
        n > covered.len(),
        "there is more to the sheet than the motivation"
    );
}

#[test]
fn a_character_the_font_cannot_show_is_an_error_not_a_question_mark() {
    let (rubric, dossier) = example();
    for bad in ['漢', 'क', '🦀', '\u{e000}', '\u{7}'] {
        let mut dossier = dossier.clone();
        let a = dossier
            .assessments
            .iter_mut()
            .find(|a| a.is_submitted())
            .unwrap();
        let c3 = leidraad_core::rubric::CriterionId::from("C3");
        a.criteria.get_mut(&c3).unwrap().motivation =
            format!("Goed plan {bad} met een teken dat niet kan.");
        let kind = assessment_kind(a);
        match report::score_sheet(&rubric, &dossier, &kind, printed()) {
            Err(ReportError::Unprintable { character, context }) => {
                assert_eq!(character, bad);
                assert!(
                    context.contains("Goed plan"),
                    "the error says where: {context}"
                );
            }
            other => panic!(
                "{bad:?}: expected an Unprintable error, got {:?}",
                other.map(|b| b.len())
            ),
        }
    }
    assert!(report::can_show("ë é ï € – ‘ ’ “ ” ç ø ß Ł ő").is_ok());
    assert_eq!(report::can_show("a漢"), Err('漢'));
}

#[test]
fn the_fingerprint_follows_the_data() {
    let (rubric, dossier) = example();
    let a = dossier
        .assessments
        .iter()
        .find(|a| a.is_submitted())
        .unwrap();
    let kind = assessment_kind(a);
    let before = report::fingerprint(&rubric, &dossier, &kind).unwrap();
    assert_eq!(
        before,
        report::fingerprint(&rubric, &dossier, &kind).unwrap(),
        "stable"
    );
    assert_eq!(before.len(), 64);
    let mut changed = dossier.clone();
    let c = changed
        .assessment_mut(&a.application, &a.assessor, a.round)
        .unwrap();
    let ko1 = leidraad_core::rubric::CriterionId::from("KO1");
    c.knockouts
        .entry(ko1)
        .or_default()
        .motivation
        .push_str(" (aangevuld)");
    assert_ne!(
        before,
        report::fingerprint(&rubric, &changed, &kind).unwrap()
    );
}

#[test]
fn a_draft_prints_as_a_concept_and_missing_sheets_are_errors() {
    let (rubric, mut dossier) = example();
    let a = dossier
        .assessments
        .iter_mut()
        .find(|a| a.is_submitted())
        .unwrap();
    a.submitted = None;
    a.knockouts
        .get_mut(&leidraad_core::rubric::CriterionId::from("KO2"))
        .unwrap()
        .verdict = Verdict::Open;
    let kind = assessment_kind(a);
    let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
    let doc = squashed(&pages(&pdf)).concat();
    assert!(doc.contains(&squash(strings::CONCEPT_WARNING)));
    assert!(doc.contains(&squash(strings::NOT_SUBMITTED)));
    assert!(doc.contains(&squash("KO2: oordeel nog open")));

    let missing = SheetKind::Assessment {
        application: "A01".into(),
        assessor: "Niemand".into(),
        round: Round::One,
    };
    assert!(matches!(
        report::score_sheet(&rubric, &dossier, &missing, printed()),
        Err(ReportError::NoAssessment { .. })
    ));
    let unknown = SheetKind::Consensus {
        application: "A99".into(),
        round: Round::One,
    };
    assert!(matches!(
        report::score_sheet(&rubric, &dossier, &unknown, printed()),
        Err(ReportError::UnknownApplication(_)) | Err(ReportError::NoConsensus { .. })
    ));
}

#[test]
fn sheets_are_small_because_the_font_is_subset() {
    let (rubric, dossier) = example();
    let kind = report::sheets(&dossier, None, None)
        .into_iter()
        .next()
        .unwrap();
    let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
    assert_valid_pdf(&pdf);
    assert!(pdf.len() < 120_000, "a sheet is {} bytes", pdf.len());
}

#[test]
fn the_text_reads_back_in_process_with_lopdf_too() {
    let (rubric, dossier) = example();
    let a = dossier
        .assessments
        .iter()
        .find(|a| a.is_submitted())
        .unwrap();
    let pdf = report::score_sheet(&rubric, &dossier, &assessment_kind(a), printed()).unwrap();
    let flat = squashed(&report_support::lopdf_pages(&pdf));
    for c in rubric.criteria() {
        assert!(
            find_across_pages(&flat, &c.text).is_some(),
            "lopdf reads the text of {}",
            c.id
        );
    }
    let summary = scoring::summarize(&rubric, a);
    assert!(flat.concat().contains(&summary.total.to_dutch()));
}

/// With `LEIDRAAD_REPORT_SAMPLES=DIR`, write sample sheets (one with a
/// 3,000-character motivation) to DIR for a person to look at
/// (`pdftoppm -png -r 60 DIR/x.pdf DIR/x`). Does nothing otherwise.
#[test]
fn write_samples_for_inspection() {
    let Some(dir) = std::env::var_os("LEIDRAAD_REPORT_SAMPLES") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (rubric, mut dossier) = example();
    let a = dossier
        .assessments
        .iter_mut()
        .find(|a| a.is_submitted())
        .unwrap();
    let c2 = leidraad_core::rubric::CriterionId::from("C2");
    a.criteria.get_mut(&c2).unwrap().motivation = long_motivation();
    let kind = assessment_kind(a);
    let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
    std::fs::write(dir.join("long-motivation.pdf"), pdf).unwrap();
    let (rubric, mut dossier) = example();
    if let Some(kind) = report::sheets(&dossier, Some(Round::Two), None)
        .into_iter()
        .next()
    {
        let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
        std::fs::write(dir.join("sheet-r2.pdf"), pdf).unwrap();
    }
    for kind in report::sheets(&dossier, None, None) {
        if matches!(kind, SheetKind::Consensus { .. }) {
            let pdf = report::score_sheet(&rubric, &dossier, &kind, printed()).unwrap();
            std::fs::write(dir.join("consensus.pdf"), pdf).unwrap();
        }
    }
    for round in Round::ALL {
        let pdf = report::ranking_report(&rubric, &dossier, round, printed()).unwrap();
        std::fs::write(dir.join(format!("ranking-r{round}.pdf")), pdf).unwrap();
    }
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    if let Some(tie) = eval.ties.first() {
        dossier.decisions.push(leidraad_core::dossier::Decision {
            round: Round::Two,
            kind: leidraad_core::dossier::DecisionKind::TieBreak {
                group: tie.members.iter().cloned().collect(),
                awarded: tie.members.last().cloned().into_iter().collect(),
            },
            motivation: "Het panel kiest de regio met het stevigste bestuurlijk draagvlak.".into(),
            by: "Programmateam".into(),
            at: None,
            basis: Default::default(),
        });
        let pdf = report::ranking_report(&rubric, &dossier, Round::Two, printed()).unwrap();
        std::fs::write(dir.join("ranking-r2-decided.pdf"), pdf).unwrap();
    }
}
