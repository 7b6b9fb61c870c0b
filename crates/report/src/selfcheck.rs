//! The PDF of a self-check's result, for the applicant's steering group.
//! Every page carries the marking "Zelftoets: geen officiële beoordeling"
//! (in the running title and in the footer). The figures are the
//! `selfcheck::Outcome`'s, which takes its total from the scoring engine.

use chrono::NaiveDate;

use super::ReportError;
use super::layout::{
    BAD, BODY, BODY_BOLD, CONTENT_W, Cell, Doc, LABEL, Para, Row, SMALL, TABLE_HEAD, TITLE, Table,
    WARN,
};
use super::strings::{self as s, selfcheck as t};
use leidraad_core::rubric::{Rubric, short_hash};
use leidraad_core::selfcheck::{KoAnswer, SelfCheck};

const MM: f32 = 72.0 / 25.4;

pub fn render(
    rubric: &Rubric,
    check: &SelfCheck,
    printed: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let outcome = check.outcome(rubric, printed);
    let plan = if check.title.trim().is_empty() {
        t::NO_TITLE.to_string()
    } else {
        check.title.trim().to_string()
    };
    let running = format!("{} · {plan} · {}", t::TITLE, t::MARKING);
    let footer = vec![
        t::MARKING.to_string(),
        format!(
            "{} {} · {} {}",
            s::RUBRIC_HASH,
            short_hash(&rubric.hash()),
            s::PRINTED_ON.to_lowercase(),
            s::date(printed)
        ),
    ];
    let mut doc = Doc::new(&format!("{} – {plan}", t::TITLE), running, footer, printed);
    doc.set_subject(&rubric.title, t::AUTHOR);

    // Header
    doc.title_line(t::TITLE, TITLE)?;
    doc.space(TITLE.leading() + 1.0);
    doc.paragraphs(&[
        Para::new(t::MARKING, BODY_BOLD.color(WARN)),
        Para::new(
            format!(
                "{} · {} (versie {})",
                rubric.programme, rubric.title, rubric.version
            ),
            LABEL,
        ),
        Para::new(format!("{}: {plan}", t::PLAN), BODY).gap(4.0),
        Para::new(
            format!("{}: {}", t::CHECKED_ON, s::date(outcome.date)),
            BODY,
        ),
        Para::new(t::INTRO, SMALL).gap(4.0),
    ])?;
    doc.space(8.0);

    // 1. Knock-outs
    doc.heading(t::KO_SECTION, 40.0)?;
    if outcome.ko_risks.is_empty() {
        doc.paragraphs(&[Para::new(t::KO_NONE, BODY)])?;
    } else {
        let table = Table {
            widths: vec![60.0 * MM, CONTENT_W - 60.0 * MM],
            header: vec![
                Cell::text(t::COL_CRITERION, TABLE_HEAD),
                Cell::text(t::MAKE_PLAUSIBLE, TABLE_HEAD),
            ],
        };
        let rows = outcome
            .ko_risks
            .iter()
            .map(|r| {
                let style = match r.answer {
                    KoAnswer::NotPlausible => BODY_BOLD.color(BAD),
                    _ => BODY_BOLD.color(WARN),
                };
                let mut right: Vec<Para> = r
                    .plausible
                    .iter()
                    .map(|p| Para::new(format!("– {p}"), BODY))
                    .collect();
                if !r.note.trim().is_empty() {
                    right
                        .push(Para::new(format!("{}: {}", t::NOTE, r.note.trim()), SMALL).gap(2.0));
                }
                Row::new(vec![
                    Cell::new(vec![Para::new(t::ko_risk(r), style)]),
                    Cell::new(right),
                ])
            })
            .collect();
        doc.table(&table, rows)?;
    }
    doc.space(10.0);

    // 2. Total
    doc.heading(t::TOTAL_SECTION, 30.0)?;
    let standing_style = if outcome.rejected() {
        BODY_BOLD.color(BAD)
    } else {
        BODY_BOLD
    };
    doc.paragraphs(&[
        Para::new(t::total_line(&outcome), BODY),
        Para::new(t::standing_line(&outcome), standing_style).gap(2.0),
    ])?;
    doc.space(10.0);

    // 3. Points to gain
    gains(&mut doc, &outcome)?;

    // 4. Submission and budget
    doc.heading(t::FINDINGS_SECTION, 30.0)?;
    let mut paras = vec![Para::new(
        t::deadline_line(outcome.deadline, outcome.date),
        BODY,
    )];
    if outcome.findings.is_empty() {
        paras.push(Para::new(t::FINDINGS_NONE, BODY).gap(2.0));
    }
    for f in &outcome.findings {
        paras.push(Para::new(format!("– {}", t::finding(f)), BODY).gap(2.0));
    }
    doc.paragraphs(&paras)?;
    passages(&mut doc, rubric, check)?;
    doc.finish()
}

/// Section 5: the passages per knock-out in the draft plan; nothing
/// found as a knock-out risk, a negated passage as a red flag.
fn passages(doc: &mut Doc, rubric: &Rubric, check: &SelfCheck) -> Result<(), ReportError> {
    use super::strings::selfcheck_passages as p;
    if check.plan.is_none() {
        return Ok(());
    }
    doc.space(10.0);
    doc.heading(p::SECTION, 40.0)?;
    let mut paras = vec![Para::new(p::INTRO, SMALL)];
    for k in check.ko_passages(rubric) {
        paras.push(Para::new(format!("{} {}", k.id, k.name), BODY_BOLD).gap(6.0));
        for line in p::lines(&k) {
            let style = if k.nothing_found() || line.starts_with(p::RED_FLAG) {
                BODY.color(BAD)
            } else {
                BODY
            };
            paras.push(Para::new(format!("– {line}"), style).gap(2.0));
        }
    }
    doc.paragraphs(&paras)
}

/// Section 3: the criteria where points are to be gained, with the scale's
/// anchor words, what scores high and the applicant's own note.
fn gains(doc: &mut Doc, outcome: &leidraad_core::selfcheck::Outcome) -> Result<(), ReportError> {
    doc.heading(t::GAIN_SECTION, 40.0)?;
    if outcome.gains.is_empty() {
        doc.paragraphs(&[Para::new(t::GAIN_NONE, BODY)])?;
    } else {
        let w_num = 18.0 * MM;
        let table = Table {
            widths: vec![CONTENT_W - 3.0 * w_num, w_num, w_num, w_num],
            header: vec![
                Cell::text(t::COL_CRITERION, TABLE_HEAD),
                Cell::text(t::COL_SELF, TABLE_HEAD),
                Cell::text(t::COL_MAX, TABLE_HEAD),
                Cell::text(t::COL_GAIN, TABLE_HEAD),
            ],
        };
        let rows = outcome
            .gains
            .iter()
            .map(|g| {
                let mut left = vec![Para::new(format!("{} {}", g.id, g.name), BODY_BOLD)];
                if let Some(scale) = &g.scale {
                    left.push(Para::new(format!("{}: {scale}", t::SCALE), SMALL).gap(2.0));
                }
                if let Some(guidance) = &g.guidance {
                    left.push(Para::new(format!("{}: {guidance}", t::HIGH_SCORE), SMALL).gap(2.0));
                }
                if !g.note.is_empty() {
                    left.push(Para::new(format!("{}: {}", t::YOUR_NOTE, g.note), SMALL).gap(2.0));
                }
                Row::new(vec![
                    Cell::new(left),
                    Cell::new(vec![Para::new(t::self_points(g), BODY).right()]),
                    Cell::new(vec![Para::new(g.cap.to_string(), BODY).right()]),
                    Cell::new(vec![Para::new(g.gain.to_string(), BODY_BOLD).right()]),
                ])
            })
            .collect();
        doc.table(&table, rows)?;
    }
    doc.space(10.0);
    Ok(())
}
