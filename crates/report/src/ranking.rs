//! The ranking report of a round: every application with its total,
//! status, failed knock-outs and tie group; a bar chart of the totals with
//! the threshold and the award line; round 1 against round 2; and the
//! panel's decisions.

use chrono::NaiveDate;

use super::font::Weight;
use super::layout::{
    ACCENT, BAD, BODY, BODY_BOLD, CONTENT_W, Cell, Doc, GOOD, INK, LABEL, MARGIN_L, MARGIN_R,
    MUTED, NEUTRAL, PAGE_W, PALE, Para, Rgb, Role, Row, SMALL, Style, TABLE_HEAD, TITLE, Table,
    WARN, fit, measure,
};
use super::sheet::local_date;
use super::{ReportError, ranking_fingerprint, round_has_data, short_fingerprint, strings as s};
use leidraad_core::dossier::{DecisionKind, Dossier, Round};
use leidraad_core::rubric::{Rubric, short_hash};
use leidraad_core::scoring::{self, AppResult, Evaluation, Status};

const MM: f32 = 72.0 / 25.4;

pub(crate) fn render(
    rubric: &Rubric,
    dossier: &Dossier,
    round: Round,
    printed: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let eval = scoring::evaluate(rubric, dossier, round);
    // The other round, when both have data, for the comparison.
    let other = Round::ALL
        .into_iter()
        .find(|r| *r != round)
        .filter(|r| round_has_data(dossier, *r) && round_has_data(dossier, round))
        .map(|r| scoring::evaluate(rubric, dossier, r));
    let fingerprint = ranking_fingerprint(rubric, dossier, round);
    let running = s::ranking_running_title(round);
    let footer = vec![
        format!("{running} · {}", s::dossier_label(&dossier.title)),
        format!(
            "{} {} · {} {} · {} {} · {} {}",
            s::RUBRIC_HASH,
            short_hash(&rubric.hash()),
            s::FINGERPRINT.to_lowercase(),
            short_fingerprint(&fingerprint),
            s::AUDIT_HEAD,
            super::audit_head(dossier),
            s::PRINTED_ON.to_lowercase(),
            s::date(printed)
        ),
    ];
    let mut doc = Doc::new(&s::ranking_heading(round), running, footer, printed);
    doc.set_subject(&rubric.title, &s::ranking_author(&rubric.programme));

    // Title
    let top = doc.y;
    doc.tagged(Role::H1, |doc| {
        doc.text_checked(MARGIN_L, top, s::RANKING_TITLE, TITLE)?;
        let label = s::round_label(round);
        let style = Style::new(Weight::Bold, 11.0, ACCENT);
        let w = measure(&label, style)?;
        doc.text(PAGE_W - MARGIN_R - w, top + 5.0, &label, style);
        Ok(())
    })?;
    doc.space(TITLE.leading() + 1.0);
    doc.paragraphs(&[
        Para::new(
            format!(
                "{} · {} (versie {})",
                rubric.programme, rubric.title, rubric.version
            ),
            LABEL,
        ),
        Para::new(s::dossier_label(&dossier.title), LABEL),
    ])?;
    doc.space(6.0);
    let rubric_count = rubric.process.award_count;
    let mut facts = vec![
        (s::THRESHOLD, format!("{} {}", eval.threshold, s::POINTS)),
        (s::PRINTED_ON, s::date(printed)),
    ];
    if round == Round::Two {
        facts.push((
            s::AWARD_COUNT,
            s::award_count_note(rubric_count, eval.award_count),
        ));
        facts.push((s::BUDGET, s::euro(rubric.process.budget_eur)));
    }
    facts.push((s::RUBRIC_HASH, s::grouped_hash(&rubric.hash())));
    facts.push((s::FINGERPRINT, s::grouped_hash(&fingerprint)));
    facts_grid(&mut doc, &facts)?;
    doc.space(8.0);
    warnings(&mut doc, dossier, &eval)?;

    if eval.applications.is_empty() {
        doc.paragraphs(&[Para::new(s::NO_APPLICATIONS, BODY)])?;
        return doc.finish();
    }

    chart(
        &mut doc,
        &eval,
        other.as_ref().filter(|_| round == Round::Two),
    )?;
    table(&mut doc, &eval)?;
    unranked(&mut doc, &eval)?;
    if let Some(other) = &other {
        let (one, two) = match round {
            Round::One => (&eval, other),
            Round::Two => (other, &eval),
        };
        comparison(&mut doc, &eval, one, two)?;
    }
    if round == Round::Two {
        ties(&mut doc, dossier, &eval)?;
    }
    decisions(&mut doc, dossier, &eval)?;
    if round == Round::Two {
        allocation(&mut doc, dossier, &eval)?;
    }
    doc.finish()
}

/// The index in `list` after which the award line is drawn: below the
/// last awarded application; where an undecided tie group straddles it,
/// through the group, below the place `award_count`; where the panel
/// decided the tie, below the whole group (the statuses say who is
/// awarded). None in round 1, and when nothing follows the line.
fn award_line_after(eval: &Evaluation, list: &[&AppResult]) -> Option<usize> {
    if eval.round != Round::Two {
        return None;
    }
    let i = match eval.ties.first() {
        Some(tie) if tie.decision.is_some() => {
            list.iter().rposition(|a| tie.members.contains(&a.id))?
        }
        Some(_) => list.iter().position(|a| a.rank == Some(eval.award_count))?,
        None => list.iter().rposition(|a| a.status == Status::Awarded)?,
    };
    (i + 1 < list.len()).then_some(i)
}

/// The index in `list` after which the threshold line is drawn: below the
/// last ranked application at or above the threshold.
fn threshold_line_after(list: &[&AppResult]) -> Option<usize> {
    let ranked = list.iter().filter(|a| a.status.is_ranked()).count();
    if ranked == 0 {
        return None;
    }
    match list.iter().position(|a| a.status == Status::BelowThreshold) {
        Some(0) => None,
        Some(i) => Some(i - 1),
        None => Some(ranked - 1),
    }
}

fn status_color(status: Status) -> Rgb {
    match status {
        Status::Awarded | Status::Invited => GOOD,
        Status::Tie => WARN,
        Status::Rejected => BAD,
        _ => NEUTRAL,
    }
}

fn facts_grid(doc: &mut Doc, facts: &[(&str, String)]) -> Result<(), ReportError> {
    let label_w = 34.0 * MM;
    for (label, value) in facts {
        let lines = super::layout::lay_out(&[Para::new(value.clone(), BODY)], CONTENT_W - label_w)?;
        let h: f32 = lines.iter().map(|l| l.height()).sum();
        doc.ensure(h)?;
        let top = doc.y;
        // A label and its value read as one paragraph.
        doc.tagged(Role::P, |doc| {
            doc.text_checked(MARGIN_L, top + 0.8, label, LABEL)?;
            let mut y = top;
            for l in &lines {
                doc.text(MARGIN_L + label_w, y, &l.text, l.style);
                y += l.height();
            }
            Ok(())
        })?;
        doc.y = top + h + 1.5;
    }
    Ok(())
}

/// The measures of the bar chart of `n` bars.
struct Geometry {
    pitch: f32,
    bar_h: f32,
    label_size: f32,
    label_w: f32,
    value_w: f32,
    x0: f32,
    plot_w: f32,
    head: f32,
    axis: f32,
}

impl Geometry {
    fn new(n: usize) -> Geometry {
        let pitch = (460.0 / n as f32).clamp(6.0, 18.0);
        let label_w = 48.0 * MM;
        let value_w = 14.0 * MM;
        Geometry {
            pitch,
            bar_h: pitch * 0.62,
            label_size: (pitch * 0.55).clamp(4.5, 7.5),
            label_w,
            value_w,
            x0: MARGIN_L + label_w,
            plot_w: CONTENT_W - label_w - value_w,
            head: 16.0,
            axis: 14.0,
        }
    }

    fn scale(&self, v: f32) -> f32 {
        self.x0 + self.plot_w * (v / 100.0).clamp(0.0, 1.0)
    }
}

/// Horizontal bars of the totals (0 to 100) with the threshold as a
/// dashed vertical line and the award line as a red horizontal rule: a
/// figure whose alternative text lists every bar.
fn chart(doc: &mut Doc, eval: &Evaluation, round1: Option<&Evaluation>) -> Result<(), ReportError> {
    let bars: Vec<&AppResult> = eval
        .applications
        .iter()
        .filter(|a| a.total.is_some())
        .collect();
    if bars.is_empty() {
        return Ok(());
    }
    let g = Geometry::new(bars.len());
    let height = g.head + g.pitch * bars.len() as f32 + g.axis;

    let caption = match eval.round {
        Round::One => s::chart_caption_round1(eval.threshold),
        Round::Two => s::chart_caption(eval.threshold),
    };
    let mut caption = vec![Para::new(caption, SMALL)];
    if round1.is_some() {
        caption.push(Para::new(s::chart_round1_marker(), SMALL));
    }
    doc.heading(s::CHART_SECTION, height + 30.0)?;
    doc.ensure(height + 24.0)?;
    doc.paragraphs(&caption)?;
    doc.space(4.0);
    let award_after = award_line_after(eval, &bars);
    let alt = s::chart_alt(
        eval.threshold,
        award_after.map(|i| {
            (
                eval.award_count,
                format!("{} {}", bars[i].id, bars[i].region),
            )
        }),
        &bars
            .iter()
            .map(|a| s::ChartBar {
                label: format!("{} {}", a.id, a.region),
                total: a.total.map_or_else(String::new, |t| t.to_dutch()),
                status: a.status,
                round1: round1
                    .and_then(|e| e.get(&a.id))
                    .and_then(|r| r.total)
                    .map(|t| t.to_dutch()),
            })
            .collect::<Vec<_>>(),
    );
    doc.figure(alt, |doc| draw_chart(doc, &g, eval, round1, &bars))?;
    doc.space(10.0);
    Ok(())
}

fn draw_chart(
    doc: &mut Doc,
    g: &Geometry,
    eval: &Evaluation,
    round1: Option<&Evaluation>,
    bars: &[&AppResult],
) -> Result<(), ReportError> {
    let top = doc.y;
    let plot_top = top + g.head;
    let plot_bottom = plot_top + g.pitch * bars.len() as f32;
    let (pitch, x0) = (g.pitch, g.x0);
    let label_style = Style::new(Weight::Regular, g.label_size, INK);

    // Grid and axis.
    for tick in (0..=100).step_by(10) {
        let x = g.scale(tick as f32);
        doc.line(x, plot_top, x, plot_bottom, 0.3, PALE, None);
        let label = tick.to_string();
        let w = measure(&label, SMALL)?;
        doc.text(x - w / 2.0, plot_bottom + 3.0, &label, SMALL);
    }
    doc.line(x0, plot_top, x0, plot_bottom, 0.6, MUTED, None);

    // Bars.
    for (i, a) in bars.iter().enumerate() {
        let y = plot_top + pitch * i as f32;
        let total = a.total.expect("filtered on Some");
        let label = format!("{} {}", a.id, a.region);
        let label = fit(&label, label_style, g.label_w - 6.0)?;
        let text_top = y + (pitch - g.label_size * 1.2) / 2.0;
        doc.text(MARGIN_L, text_top, &label, label_style);
        let bar_top =
            y + (pitch - g.bar_h) / 2.0 - if round1.is_some() { pitch * 0.08 } else { 0.0 };
        let end = g.scale(total.approx());
        doc.fill_rect(x0, bar_top, end - x0, g.bar_h, status_color(a.status));
        if let Some(r1) = round1.and_then(|e| e.get(&a.id)).and_then(|r| r.total) {
            doc.fill_rect(
                x0,
                bar_top + g.bar_h + 0.6,
                g.scale(r1.approx()) - x0,
                (pitch * 0.12).max(1.2),
                MUTED,
            );
        }
        doc.text_checked(end + 3.0, text_top, &total.to_dutch(), label_style.bold())?;
    }

    // The threshold.
    let tx = g.scale(eval.threshold as f32);
    let dash = Some(&[3.0, 2.0][..]);
    doc.line(tx, plot_top - 4.0, tx, plot_bottom, 1.0, ACCENT, dash);
    let label = format!("{} {}", s::THRESHOLD_LINE, eval.threshold);
    let w = measure(&label, SMALL.bold())?;
    doc.text(tx - w / 2.0, top + 1.0, &label, SMALL.bold().color(ACCENT));

    // The award line, below the last awarded (or tied) bar.
    if let Some(i) = award_line_after(eval, bars) {
        let y = plot_top + pitch * (i + 1) as f32;
        let right = x0 + g.plot_w + g.value_w;
        doc.line(MARGIN_L, y, right, y, 1.2, BAD, None);
        let label = format!("{} ({})", s::AWARD_LINE, eval.award_count);
        let w = measure(&label, SMALL.bold())?;
        doc.text(right - w, y + 1.0, &label, SMALL.bold().color(BAD));
    }
    doc.y = plot_bottom + g.axis + 4.0;

    // Legend
    let legend: &[(Rgb, Status)] = match eval.round {
        Round::One => &[
            (GOOD, Status::Invited),
            (NEUTRAL, Status::BelowThreshold),
            (BAD, Status::Rejected),
        ],
        Round::Two => &[
            (GOOD, Status::Awarded),
            (WARN, Status::Tie),
            (NEUTRAL, Status::NotAwarded),
            (BAD, Status::Rejected),
        ],
    };
    let mut x = MARGIN_L;
    let y = doc.y;
    x += doc.text_checked(x, y, &format!("{}:", s::LEGEND), SMALL)? + 8.0;
    for (color, status) in legend {
        doc.fill_rect(x, y + 1.0, 7.0, 6.0, *color);
        let w = doc.text_checked(x + 10.0, y, s::status_short(*status), SMALL)?;
        x += 10.0 + w + 14.0;
    }
    doc.y = y + SMALL.leading();
    Ok(())
}

fn table(doc: &mut Doc, eval: &Evaluation) -> Result<(), ReportError> {
    doc.heading(s::TABLE_SECTION, 60.0)?;
    let widths = [14.0, 52.0, 18.0, 38.0, 22.0].map(|w| w * MM);
    let rest = CONTENT_W - widths.iter().sum::<f32>();
    let table = Table {
        widths: widths.iter().copied().chain([rest]).collect(),
        header: vec![
            Cell::text(s::COL_PLACE, TABLE_HEAD),
            Cell::text(s::COL_APPLICATION, TABLE_HEAD),
            Cell::new(vec![Para::new(s::COL_TOTAL, TABLE_HEAD).right()]),
            Cell::text(s::COL_STATUS, TABLE_HEAD),
            Cell::text(s::COL_KO, TABLE_HEAD),
            Cell::text(s::COL_BASIS, TABLE_HEAD),
        ],
    };
    let list: Vec<&AppResult> = eval.applications.iter().collect();
    let award_after = award_line_after(eval, &list);
    let threshold_after = threshold_line_after(&list);
    let marker = |text: String, color: Rgb| {
        Row::new(vec![Cell::text(text, SMALL.bold().color(color)).span(6)]).keep_whole()
    };
    let mut rows = Vec::new();
    for (i, a) in list.iter().enumerate() {
        let mut status = vec![Para::new(
            s::status_short(a.status),
            BODY_BOLD.color(match a.status {
                Status::NotAwarded
                | Status::BelowThreshold
                | Status::NotInvited
                | Status::Incomplete => INK,
                other => status_color(other),
            }),
        )];
        if let Some(g) = a.tie_group {
            status.push(Para::new(
                format!("{} {g}", s::TIES_SECTION.to_lowercase()),
                SMALL,
            ));
        }
        if a.decision.is_some() {
            status.push(Para::new(s::BY_DECISION, SMALL));
        }
        let kos = a
            .failed_ko
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        rows.push(Row::new(vec![
            Cell::text(
                a.rank.map_or_else(String::new, |r| r.to_string()),
                BODY_BOLD,
            ),
            Cell::new(vec![
                Para::new(a.id.0.clone(), BODY_BOLD),
                Para::new(a.region.clone(), BODY),
            ]),
            Cell::new(vec![
                Para::new(
                    a.total
                        .map_or_else(|| s::NO_TOTAL.to_string(), |t| t.to_dutch()),
                    BODY_BOLD,
                )
                .right(),
            ]),
            Cell::new(status),
            Cell::text(kos, BODY_BOLD.color(BAD)),
            Cell::text(
                if a.assessors == 0 && !a.consensus {
                    String::new()
                } else {
                    s::with_consensus(a.consensus, a.assessors)
                },
                SMALL.color(INK),
            ),
        ]));
        if award_after == Some(i) {
            let text = match eval.ties.first() {
                None => format!("{} ({})", s::AWARD_LINE, eval.award_count),
                Some(t) if t.decision.is_some() => format!(
                    "{} ({}): {}",
                    s::AWARD_LINE,
                    eval.award_count,
                    s::TIE_DECIDED
                ),
                Some(_) => format!(
                    "{} ({}): {}",
                    s::AWARD_LINE,
                    eval.award_count,
                    s::status_short(Status::Tie)
                ),
            };
            rows.push(marker(text, BAD));
        }
        if threshold_after == Some(i) {
            rows.push(marker(
                format!("{} {} {}", s::THRESHOLD_LINE, eval.threshold, s::POINTS),
                ACCENT,
            ));
        }
    }
    doc.table(&table, rows)?;
    doc.space(10.0);
    Ok(())
}

fn unranked(doc: &mut Doc, eval: &Evaluation) -> Result<(), ReportError> {
    let list: Vec<&AppResult> = eval
        .applications
        .iter()
        .filter(|a| !a.status.is_ranked())
        .collect();
    if list.is_empty() {
        return Ok(());
    }
    doc.heading(s::UNRANKED_SECTION, 40.0)?;
    let mut paras = Vec::new();
    for a in list {
        paras.push(
            Para::new(
                format!(
                    "{} {}: {}",
                    a.id,
                    a.region,
                    s::not_ranked_reason(a.status, &a.failed_ko)
                ),
                BODY,
            )
            .gap(2.0),
        );
        if a.status == Status::Incomplete && !a.missing.is_empty() {
            paras.push(Para::new(s::missing_list(&a.missing, 6), SMALL));
        }
    }
    doc.paragraphs(&paras)?;
    doc.space(10.0);
    Ok(())
}

fn comparison(
    doc: &mut Doc,
    order: &Evaluation,
    one: &Evaluation,
    two: &Evaluation,
) -> Result<(), ReportError> {
    doc.heading(s::COMPARISON_SECTION, 60.0)?;
    let widths = [56.0, 18.0, 30.0, 18.0, 30.0].map(|w| w * MM);
    let rest = CONTENT_W - widths.iter().sum::<f32>();
    let table = Table {
        widths: widths.iter().copied().chain([rest]).collect(),
        header: vec![
            Cell::text(s::COL_APPLICATION, TABLE_HEAD),
            Cell::new(vec![Para::new(s::COL_ROUND1, TABLE_HEAD).right()]),
            Cell::text(s::COL_STATUS, TABLE_HEAD),
            Cell::new(vec![Para::new(s::COL_ROUND2, TABLE_HEAD).right()]),
            Cell::text(s::COL_STATUS, TABLE_HEAD),
            Cell::new(vec![Para::new(s::COL_DIFFERENCE, TABLE_HEAD).right()]),
        ],
    };
    let total = |r: Option<&AppResult>| {
        r.and_then(|r| r.total)
            .map_or_else(|| s::NO_TOTAL.to_string(), |t| t.to_dutch())
    };
    let status = |r: Option<&AppResult>| r.map_or("", |r| s::status_short(r.status)).to_string();
    let mut rows = Vec::new();
    for a in &order.applications {
        let r1 = one.get(&a.id);
        let r2 = two.get(&a.id);
        let diff = match (r1.and_then(|r| r.total), r2.and_then(|r| r.total)) {
            (Some(x), Some(y)) => s::difference(&(y - x)),
            _ => String::new(),
        };
        rows.push(Row::new(vec![
            Cell::text(format!("{} {}", a.id, a.region), BODY),
            Cell::new(vec![Para::new(total(r1), BODY).right()]),
            Cell::text(status(r1), SMALL.color(INK)),
            Cell::new(vec![Para::new(total(r2), BODY_BOLD).right()]),
            Cell::text(status(r2), SMALL.color(INK)),
            Cell::new(vec![Para::new(diff, BODY).right()]),
        ]));
    }
    doc.table(&table, rows)?;
    doc.space(10.0);
    Ok(())
}

fn ties(doc: &mut Doc, dossier: &Dossier, eval: &Evaluation) -> Result<(), ReportError> {
    doc.heading(s::TIES_SECTION, 40.0)?;
    if eval.ties.is_empty() {
        doc.paragraphs(&[Para::new(s::NO_TIES, BODY)])?;
        doc.space(8.0);
        return Ok(());
    }
    let mut paras = Vec::new();
    for t in &eval.ties {
        paras.push(Para::new(s::tie_group(t.number, &t.total, t.places), BODY_BOLD).gap(2.0));
        for id in &t.members {
            let region = eval.get(id).map_or("", |a| a.region.as_str());
            paras.push(Para::new(format!("• {id} {region}"), BODY));
        }
        match t.decision.and_then(|i| dossier.decisions.get(i)) {
            Some(d) => {
                if let DecisionKind::TieBreak { awarded, .. } = &d.kind {
                    let list = awarded
                        .iter()
                        .map(|a| a.0.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    paras.push(Para::new(s::tie_decision(&list), BODY_BOLD.color(GOOD)).gap(2.0));
                }
                paras.push(Para::new(d.motivation.clone(), BODY));
                let by = s::decided_by(&d.by, d.at.map(local_date));
                if !by.is_empty() {
                    paras.push(Para::new(by, SMALL));
                }
            }
            None => paras.push(Para::new(s::DECISION_PENDING, BODY_BOLD.color(WARN)).gap(2.0)),
        }
    }
    doc.paragraphs(&paras)?;
    doc.space(8.0);
    Ok(())
}

fn decisions(doc: &mut Doc, dossier: &Dossier, eval: &Evaluation) -> Result<(), ReportError> {
    doc.heading(s::DECISIONS_SECTION, 40.0)?;
    let list: Vec<_> = dossier
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.round == eval.round)
        .collect();
    if list.is_empty() {
        doc.paragraphs(&[Para::new(s::NO_DECISIONS, BODY)])?;
        doc.space(8.0);
        return Ok(());
    }
    let mut paras = Vec::new();
    for (n, d) in list {
        let what = match &d.kind {
            DecisionKind::TieBreak { group, awarded } => {
                let group = group
                    .iter()
                    .map(|a| a.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let awarded = awarded
                    .iter()
                    .map(|a| a.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                s::tie_break_decision(&group, &awarded)
            }
            DecisionKind::AwardCount(n) => s::award_count_decision(*n),
            DecisionKind::Allocation { amounts, rule } => s::allocation_decision(amounts, rule),
            DecisionKind::ThresholdWaiver { application } => s::waiver_decision(&application.0),
            DecisionKind::Revoke { decision } => s::revoke_decision(*decision),
        };
        let what = format!("{} · {what}", leidraad_core::nl::decision_number(n));
        paras.push(Para::new(what, BODY_BOLD).gap(3.0));
        if let Some(st) = eval.decision(n).filter(|st| !st.is_current()) {
            paras.push(Para::new(
                s::decision_state_line(st.state, &st.why),
                BODY_BOLD.color(WARN),
            ));
        }
        paras.push(Para::new(d.motivation.clone(), BODY));
        let by = s::decided_by(&d.by, d.at.map(local_date));
        if !by.is_empty() {
            paras.push(Para::new(by, SMALL));
        }
    }
    doc.paragraphs(&paras)?;
    doc.space(8.0);
    Ok(())
}

/// What a reader must know before the table: the ranking is provisional,
/// or recorded decisions are stale.
fn warnings(doc: &mut Doc, dossier: &Dossier, eval: &Evaluation) -> Result<(), ReportError> {
    let mut paras = Vec::new();
    if !eval.is_final {
        let text = s::capitalised(&leidraad_core::nl::provisional(&eval.pending));
        paras.push(Para::new(text, BODY_BOLD.color(WARN)).gap(2.0));
    }
    let stale: Vec<_> = eval.stale().collect();
    if !stale.is_empty() {
        paras.push(Para::new(s::STALE_HEADING, BODY_BOLD.color(WARN)).gap(2.0));
        for st in stale {
            let kind = dossier
                .decisions
                .get(st.index)
                .map_or("", |d| leidraad_core::nl::decision_kind(&d.kind));
            paras.push(Para::new(
                format!(
                    "{} ({kind}): {}",
                    leidraad_core::nl::decision_number(st.index),
                    st.why
                ),
                BODY,
            ));
        }
        paras.push(Para::new(s::STALE_ADVICE, SMALL).gap(4.0));
    }
    if paras.is_empty() {
        return Ok(());
    }
    doc.paragraphs(&paras)?;
    doc.space(8.0);
    Ok(())
}

/// The allocation in force, with rank and total beside every amount and
/// the rule in words; or why there is none.
fn allocation(doc: &mut Doc, dossier: &Dossier, eval: &Evaluation) -> Result<(), ReportError> {
    doc.heading(s::ALLOCATION_SECTION, 20.0)?;
    let latest =
        dossier.decisions.iter().enumerate().rev().find(|(_, d)| {
            matches!(d.kind, DecisionKind::Allocation { .. }) && d.round == Round::Two
        });
    let Some((n, d)) = latest else {
        doc.paragraphs(&[Para::new(s::NO_ALLOCATION, BODY)])?;
        return Ok(());
    };
    let DecisionKind::Allocation { amounts, rule } = &d.kind else {
        return Ok(());
    };
    let current = eval.decision(n).is_some_and(|st| st.is_current());
    let mut paras = Vec::new();
    if !current {
        paras.push(Para::new(s::ALLOCATION_STALE, BODY_BOLD.color(WARN)));
    } else {
        paras.push(Para::new(leidraad_core::nl::rule_explained(rule), BODY).gap(3.0));
        for (id, amount) in amounts {
            let result = eval.get(id);
            let requested = dossier.application(id).and_then(|a| a.requested_eur);
            paras.push(Para::new(
                s::allocation_line(
                    result.and_then(|r| r.rank),
                    &id.0,
                    result.map_or("", |r| r.region.as_str()),
                    &result
                        .and_then(|r| r.total)
                        .map_or("-".to_string(), |t| t.to_dutch()),
                    requested,
                    *amount,
                ),
                BODY,
            ));
        }
    }
    doc.paragraphs(&paras)?;
    doc.space(8.0);
    Ok(())
}
