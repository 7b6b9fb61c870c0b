//! What the workbook holds, built from the same evaluation that the window,
//! `leidraad rank` and the PDFs read: per round the ranking and the wide
//! view (one column per assessor per criterion), then the long format of
//! `formats.md` §1, the recorded decisions and the rubric's criteria.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Local;

use leidraad_core::dossier::{ApplicationId, Assessment, Decision, DecisionKind, Dossier, Round};
use leidraad_core::exact::Exact;
use leidraad_core::interchange::csv::{HEADER, each_long_row};
use leidraad_core::nl;
use leidraad_core::rubric::{Rubric, Scale};
use leidraad_core::scoring::{self, AppResult, DecisionStatus, Evaluation, Missing, Status};

use crate::model::{Cell, Sheet, Workbook};
use crate::words as w;

/// Whether a round holds anything to show: a submitted assessment or a
/// consensus value.
pub fn round_has_data(dossier: &Dossier, round: Round) -> bool {
    dossier
        .assessments
        .iter()
        .any(|a| a.round == round && a.is_submitted())
        || dossier
            .consensus
            .iter()
            .any(|c| c.round == round && !c.is_empty())
}

/// The rounds a workbook shows: `round`, or every round; only those with
/// data.
pub fn rounds(dossier: &Dossier, round: Option<Round>) -> Vec<Round> {
    Round::ALL
        .into_iter()
        .filter(|r| round.is_none_or(|only| only == *r) && round_has_data(dossier, *r))
        .collect()
}

/// The workbook of `round` (or of every round with data), made at `made`
/// (written in the title lines, as dd-mm-jjjj uu:mm).
pub fn workbook(rubric: &Rubric, dossier: &Dossier, round: Option<Round>, made: &str) -> Workbook {
    let title = [w::rubric_line(rubric)];
    let about = |what: &str| {
        let mut lines = title.to_vec();
        lines.push(w::about_line(what, &dossier.title, made));
        lines
    };
    let mut sheets = Vec::new();
    for r in &rounds(dossier, round) {
        let eval = scoring::evaluate(rubric, dossier, *r);
        let mut title = about(&w::ranking_about(*r, eval.threshold, eval.award_count));
        if !eval.is_final {
            title.push(nl::provisional(&eval.pending));
        }
        sheets.push(ranking(dossier, &eval, title));
        sheets.push(wide(rubric, dossier, &eval, about(&w::wide_about(*r))));
    }
    sheets.push(long(rubric, dossier, round));
    sheets.push(decisions(rubric, dossier, round, about(w::DECISIONS_ABOUT)));
    sheets.push(criteria(rubric, about(w::RUBRIC_ABOUT)));
    Workbook {
        title: format!("{}: {}", nl::RANKING, dossier.title),
        subject: w::rubric_line(rubric),
        sheets,
    }
}

/// A total or mean as a number, cut to two decimals toward zero (as the
/// ranking writes it: a shown total never reaches a threshold that the
/// exact total misses).
fn two_decimals(e: &Exact) -> Cell {
    Cell::TwoDecimals(e.to_decimal().parse().expect("a decimal number"))
}

fn whole(n: impl Into<i64>) -> Cell {
    Cell::Whole(n.into())
}

fn ranking(dossier: &Dossier, eval: &Evaluation, title: Vec<String>) -> Sheet {
    let header = [
        nl::PLACE,
        nl::APPLICATION,
        w::REGION,
        nl::TOTAL,
        nl::STATUS,
        w::CONSENSUS,
        w::TIE_GROUP,
        w::ASSESSORS,
        nl::FAILED_KO,
        w::TOTAL_EXACT,
        w::NOTE,
    ];
    let rows = eval
        .applications
        .iter()
        .map(|a| {
            vec![
                a.rank.map_or(Cell::Empty, whole),
                Cell::text(&a.id.0),
                Cell::text(&a.region),
                a.total.as_ref().map_or(Cell::Empty, two_decimals),
                Cell::text(nl::status(a.status)),
                Cell::text(if a.consensus { nl::YES } else { nl::NO }),
                a.tie_group.map_or(Cell::Empty, whole),
                whole(a.assessors),
                Cell::text_or_empty(
                    a.failed_ko
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                a.total
                    .as_ref()
                    .map_or(Cell::Empty, |t| Cell::text(t.to_fraction())),
                Cell::text_or_empty(note(dossier, a)),
            ]
        })
        .collect();
    Sheet {
        name: w::ranking_sheet(eval.round),
        title,
        header: header.map(String::from).to_vec(),
        rows,
    }
}

/// The remark beside an application in the ranking: a decision that
/// settled its place, a tie waiting for one, or what is missing.
fn note(dossier: &Dossier, a: &AppResult) -> String {
    if let Some(i) = a.decision.filter(|i| *i < dossier.decisions.len()) {
        return w::settled_by(i + 1);
    }
    if a.status == Status::Tie {
        return w::TIE_PENDING.to_string();
    }
    if a.status != Status::Incomplete {
        return String::new();
    }
    if a.missing.contains(&Missing::NoAssessments) {
        return w::NO_ASSESSMENT.to_string();
    }
    let mut ids: Vec<&str> = Vec::new();
    for id in a.missing.iter().filter_map(Missing::criterion) {
        if !ids.contains(&id.as_str()) {
            ids.push(id.as_str());
        }
    }
    if ids.is_empty() {
        String::new()
    } else {
        w::missing_at(&ids)
    }
}

/// The assessors with submitted work in a round, in the dossier's order
/// (then any the dossier's list lacks, by name).
fn assessors_of(dossier: &Dossier, eval: &Evaluation) -> Vec<Arc<str>> {
    let mut seen: Vec<Arc<str>> = Vec::new();
    for a in &eval.applications {
        for name in &a.assessor_names {
            if !seen.contains(name) {
                seen.push(name.clone());
            }
        }
    }
    let order = |name: &str| {
        dossier
            .assessors
            .iter()
            .position(|a| a.name == name)
            .unwrap_or(usize::MAX)
    };
    seen.sort_by(|a, b| (order(a), a).cmp(&(order(b), b)));
    seen
}

/// One row per application (in the dossier's order), one column per
/// assessor per knock-out and criterion, with the final value beside them.
fn wide(rubric: &Rubric, dossier: &Dossier, eval: &Evaluation, title: Vec<String>) -> Sheet {
    let assessors = assessors_of(dossier, eval);
    let mut header = vec![nl::APPLICATION.to_string(), w::REGION.to_string()];
    let ids = rubric
        .knockouts
        .iter()
        .map(|k| k.id.as_str())
        .chain(rubric.criteria().map(|c| c.id.as_str()));
    for id in ids {
        header.extend(assessors.iter().map(|a| w::assessor_column(id, a)));
        header.push(w::assessor_column(id, w::FINAL));
    }
    header.extend([nl::TOTAL.to_string(), nl::STATUS.to_string()]);
    let results: HashMap<&ApplicationId, &AppResult> =
        eval.applications.iter().map(|a| (&a.id, a)).collect();
    // The submitted assessments of the round, found once (the dossier's
    // own lookup is a search through all of them).
    let submitted: HashMap<(&ApplicationId, &str), &Assessment> = dossier
        .assessments
        .iter()
        .filter(|a| a.round == eval.round && a.is_submitted())
        .map(|a| ((&a.application, a.assessor.as_str()), a))
        .collect();
    let mut rows = Vec::new();
    for app in &dossier.applications {
        let Some(r) = results.get(&app.id) else {
            continue;
        };
        let mut row = vec![Cell::text(&app.id.0), Cell::text(&r.region)];
        for ko in &rubric.knockouts {
            for name in &assessors {
                let verdict = submitted
                    .get(&(&app.id, &**name))
                    .and_then(|a| a.knockouts.get(&ko.id))
                    .map(|j| j.verdict);
                row.push(verdict.map_or(Cell::Empty, |v| Cell::text(nl::verdict(v))));
            }
            row.push(match r.knockouts.iter().find(|f| f.id == ko.id) {
                Some(f) if f.from_consensus => Cell::text(w::by_consensus(nl::verdict(f.verdict))),
                Some(f) => Cell::text(nl::verdict(f.verdict)),
                None => Cell::Empty,
            });
        }
        for c in rubric.criteria() {
            let Some(fin) = r.criteria.iter().find(|f| f.id == c.id) else {
                row.extend((0..=assessors.len()).map(|_| Cell::Empty));
                continue;
            };
            let own: HashMap<&str, Option<u32>> = r.assessor_points(fin).collect();
            for name in &assessors {
                row.push(match own.get(&**name) {
                    Some(Some(points)) => whole(*points),
                    _ => Cell::Empty,
                });
            }
            row.push(fin.value.as_ref().map_or(Cell::Empty, two_decimals));
        }
        row.push(r.total.as_ref().map_or(Cell::Empty, two_decimals));
        row.push(Cell::text(nl::status(r.status)));
        rows.push(row);
    }
    Sheet {
        name: w::wide_sheet(eval.round),
        title,
        header,
        rows,
    }
}

/// The long format of `formats.md` §1 with its head on the first row and
/// no title above it, so that the sheet saved as CSV is a file that
/// `leidraad import-csv` reads. Rounds and whole values are numbers.
fn long(rubric: &Rubric, dossier: &Dossier, round: Option<Round>) -> Sheet {
    let number = |s: &str| match s.parse::<u32>() {
        Ok(n) if s.bytes().all(|b| b.is_ascii_digit()) => whole(n),
        _ => Cell::text_or_empty(s),
    };
    let mut rows = Vec::new();
    each_long_row(rubric, dossier, round, |cells| {
        let [
            application,
            region,
            assessor,
            round,
            criterion,
            value,
            motivation,
        ] = cells;
        rows.push(vec![
            Cell::text(application),
            Cell::text(region),
            Cell::text(assessor),
            number(round),
            Cell::text(criterion),
            number(value),
            Cell::text_or_empty(motivation),
        ]);
    });
    Sheet {
        name: w::LONG_SHEET.to_string(),
        title: Vec::new(),
        header: HEADER.map(String::from).to_vec(),
        rows,
    }
}

fn ids<'a>(list: impl IntoIterator<Item = &'a ApplicationId>) -> String {
    list.into_iter()
        .map(|a| a.0.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a decision decided, in a few words.
fn outcome(d: &Decision) -> String {
    match &d.kind {
        DecisionKind::TieBreak { awarded, .. } => w::awarded_to(&ids(awarded)),
        DecisionKind::AwardCount(n) => w::award_count(*n),
        DecisionKind::Allocation { amounts, rule } => {
            let list: Vec<(String, u64)> = amounts
                .iter()
                .map(|(id, eur)| (id.0.clone(), *eur))
                .collect();
            w::allocation(&list, nl::rule_name(rule))
        }
        DecisionKind::ThresholdWaiver { application } => w::waiver_for(&application.0),
        DecisionKind::Revoke { decision } => w::revokes(&nl::decision_number(*decision)),
    }
}

/// The recorded decisions (of `round`, or all), numbered as in the
/// dossier so that the ranking's notes can point at them, with where each
/// stands now (current, stale or revoked, and why).
fn decisions(
    rubric: &Rubric,
    dossier: &Dossier,
    round: Option<Round>,
    title: Vec<String>,
) -> Sheet {
    let header = [
        w::NUMBER,
        nl::ROUND,
        w::KIND,
        w::APPLICATIONS,
        w::OUTCOME,
        w::STATE,
        w::WHY,
        nl::MOTIVATION,
        nl::RECORDED_BY,
        w::RECORDED_ON,
    ];
    let states: HashMap<usize, DecisionStatus> = scoring::decision_states(rubric, dossier)
        .into_iter()
        .map(|s| (s.index, s))
        .collect();
    let rows = dossier
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| round.is_none_or(|r| d.round == r))
        .map(|(i, d)| {
            let state = states.get(&i);
            vec![
                whole(i64::try_from(i + 1).unwrap_or(i64::MAX)),
                whole(d.round.number()),
                Cell::text(nl::decision_kind(&d.kind)),
                Cell::text_or_empty(ids(&scoring::decision_applications(dossier, d))),
                Cell::text(outcome(d)),
                state.map_or(Cell::Empty, |s| Cell::text(nl::decision_state(s.state))),
                state.map_or(Cell::Empty, |s| Cell::text_or_empty(&s.why)),
                Cell::text_or_empty(&d.motivation),
                Cell::text_or_empty(&d.by),
                d.at.map_or(Cell::Empty, |at| {
                    Cell::Moment(at.with_timezone(&Local).naive_local())
                }),
            ]
        })
        .collect();
    Sheet {
        name: w::DECISIONS_SHEET.to_string(),
        title,
        header: header.map(String::from).to_vec(),
        rows,
    }
}

/// The knock-outs, criteria and items with their names: the key to the
/// ids in the other sheets.
fn criteria(rubric: &Rubric, title: Vec<String>) -> Sheet {
    let mut rows = Vec::new();
    for ko in &rubric.knockouts {
        rows.push(vec![
            Cell::text(ko.id.as_str()),
            Cell::text(&ko.name),
            Cell::text(w::KNOCKOUT),
        ]);
    }
    for c in rubric.criteria() {
        rows.push(vec![
            Cell::text(c.id.as_str()),
            Cell::text(&c.name),
            whole(c.cap),
        ]);
        if let Scale::Items { items, max_each } = &c.scale {
            for item in items {
                rows.push(vec![
                    Cell::text(format!("{}.{}", c.id, item.id)),
                    Cell::text(&item.name),
                    whole(*max_each),
                ]);
            }
        }
    }
    Sheet {
        name: w::RUBRIC_SHEET.to_string(),
        title,
        header: [w::ID, w::NAME, w::MAXIMUM].map(String::from).to_vec(),
        rows,
    }
}
