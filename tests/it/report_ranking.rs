//! The ranking report: every application with total, status, failed KO and
//! tie group, the threshold and award lines, the vector chart, round 1
//! against round 2, and the panel's decisions.

use crate::report_support;

use std::collections::BTreeSet;

use leidraad_core::dossier::{ApplicationId, Decision, DecisionKind, Round};
use leidraad_core::rubric::short_hash;
use leidraad_core::scoring::{self, Status};
use leidraad_report::{self as report, strings};
use report_support::{
    assert_in_order, assert_valid_pdf, example, pages, printed, squash, squashed,
};

fn report_text(dossier: &leidraad_core::dossier::Dossier, round: Round) -> (Vec<String>, Vec<u8>) {
    let (rubric, _) = example();
    let pdf = report::ranking_report(&rubric, dossier, round, printed()).unwrap();
    assert_valid_pdf(&pdf);
    (squashed(&pages(&pdf)), pdf)
}

#[test]
fn every_application_is_in_the_ranking_with_its_total_status_and_ko() {
    let (rubric, dossier) = example();
    for round in Round::ALL {
        let eval = scoring::evaluate(&rubric, &dossier, round);
        let (flat, _) = report_text(&dossier, round);
        let doc = flat.concat();
        assert!(doc.contains(&squash(&strings::round_label(round))));
        for a in &eval.applications {
            let total = a
                .total
                .map_or_else(|| strings::NO_TOTAL.to_string(), |t| t.to_dutch());
            let kos = a
                .failed_ko
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            assert_in_order(
                &doc,
                &[
                    a.rank.map_or_else(String::new, |r| r.to_string()),
                    a.id.0.clone(),
                    a.region.clone(),
                    total,
                    strings::status_short(a.status).to_string(),
                    kos,
                ],
                &format!("round {round}: {}", a.id),
            );
        }
        let threshold = format!(
            "{} {} {}",
            strings::THRESHOLD_LINE,
            eval.threshold,
            strings::POINTS
        );
        assert!(
            doc.contains(&squash(&threshold)),
            "round {round}: the threshold line"
        );
        // Every page has its footer.
        for (i, page) in flat.iter().enumerate() {
            assert!(page.contains(&squash(&strings::page_of(i + 1, flat.len()))));
            assert!(page.contains(short_hash(&rubric.hash())));
        }
    }
}

#[test]
fn round_2_shows_the_award_line_the_tie_and_round_1_beside_it() {
    let (rubric, dossier) = example();
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    assert!(
        !eval.ties.is_empty(),
        "the example has a tie at places 4/5 in round 2"
    );
    let (flat, _) = report_text(&dossier, Round::Two);
    let doc = flat.concat();
    assert!(doc.contains(&squash(strings::AWARD_LINE)));
    assert!(doc.contains(&squash(strings::TIES_SECTION)));
    for t in &eval.ties {
        assert!(doc.contains(&squash(&strings::tie_group(t.number, &t.total, t.places))));
        for id in &t.members {
            let a = eval.get(id).unwrap();
            assert_eq!(a.status, Status::Tie);
            assert!(doc.contains(&squash(&format!("{} {}", id, a.region))));
        }
    }
    assert!(doc.contains(&squash(strings::DECISION_PENDING)));
    // Round 1 against round 2.
    let one = scoring::evaluate(&rubric, &dossier, Round::One);
    assert!(doc.contains(&squash(strings::COMPARISON_SECTION)));
    for a in &eval.applications {
        if let (Some(t1), Some(t2)) = (one.get(&a.id).and_then(|r| r.total), a.total) {
            assert_in_order(
                &doc,
                &[
                    strings::COMPARISON_SECTION.to_string(),
                    format!("{} {}", a.id, a.region),
                    t1.to_dutch(),
                    strings::status_short(one.get(&a.id).unwrap().status).to_string(),
                    t2.to_dutch(),
                    strings::status_short(a.status).to_string(),
                    strings::difference(&(t2 - t1)),
                ],
                &format!("comparison {}", a.id),
            );
        }
    }
    assert!(doc.contains(&squash(&strings::euro(rubric.process.budget_eur))));
    assert!(doc.contains(&squash(strings::NO_ALLOCATION)));
}

#[test]
fn a_recorded_tie_decision_is_printed_with_its_motivation() {
    let (rubric, mut dossier) = example();
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    let tie = eval.ties.first().expect("a tie");
    let group: BTreeSet<ApplicationId> = tie.members.iter().cloned().collect();
    let winner = tie.members.last().unwrap().clone();
    dossier.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::TieBreak {
            group: group.clone(),
            awarded: [winner.clone()].into_iter().collect(),
        },
        motivation: "Het panel kiest de regio met de grootste schaalgrootte en het stevigste bestuurlijk draagvlak (‘één regio, één aanpak’).".to_string(),
        by: "Programmateam".to_string(),
        at: None,
        basis: Default::default(),
    });
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    assert_eq!(eval.get(&winner).unwrap().status, Status::Awarded);
    let (flat, _) = report_text(&dossier, Round::Two);
    let doc = flat.concat();
    assert!(doc.contains(&squash(&strings::tie_decision(&winner.0))));
    assert!(doc.contains(&squash("‘één regio, één aanpak’")));
    assert!(doc.contains(&squash("Vastgelegd door Programmateam")));
    assert!(!doc.contains(&squash(strings::DECISION_PENDING)));
}

#[test]
fn the_chart_is_drawn_with_vector_shapes() {
    let (rubric, dossier) = example();
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    let bars = eval
        .applications
        .iter()
        .filter(|a| a.total.is_some())
        .count();
    let (_, pdf) = report_text(&dossier, Round::Two);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let first = *doc.get_pages().values().next().unwrap();
    let content = doc.get_and_decode_page_content(first).unwrap();
    let count = |op: &str| {
        content
            .operations
            .iter()
            .filter(|o| o.operator == op)
            .count()
    };
    assert!(
        count("re") >= 2 * bars,
        "bars (and their round-1 markers) are rectangles"
    );
    assert!(count("d") >= 1, "the threshold is a dashed line");
    assert!(count("S") >= 11, "grid lines and rules are stroked paths");
    assert_eq!(
        doc.get_page_images(first).map(|i| i.len()).unwrap_or(0),
        0,
        "no raster image"
    );
}

#[test]
fn an_empty_dossier_still_prints_a_report() {
    let (rubric, _) = example();
    let empty = leidraad_core::dossier::Dossier::new("Leeg", &rubric);
    let pdf = report::ranking_report(&rubric, &empty, Round::One, printed()).unwrap();
    assert_valid_pdf(&pdf);
    let doc = squashed(&pages(&pdf)).concat();
    assert!(doc.contains(&squash(strings::NO_APPLICATIONS)));
}
