//! The score sheet: one assessor's assessment, or the panel's consensus,
//! of one application in one round, for a person to file and sign.

use chrono::{DateTime, Local, NaiveDate, Utc};

use super::font::Weight;
use super::layout::{
    ACCENT, BAD, BODY, BODY_BOLD, BOX_FILL, CONTENT_W, Cell, Doc, GOOD, GROUP_FILL, HEADER_FILL,
    INK, LABEL, MARGIN_L, MARGIN_R, MUTED, PAGE_W, Para, RULE, Role, Row, SMALL, Style, TABLE_HEAD,
    TITLE, Table, WARN, lay_out,
};
use super::{ReportError, SheetKind, short_fingerprint, strings as s};
use leidraad_core::dossier::{
    Application, Assessment, Consensus, CriterionScore, Dossier, KoJudgement, Round, Value,
    Verdict, points,
};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::{Criterion, Rubric, Scale, short_hash};
use leidraad_core::scoring::{self, AppResult, GroupTotal, Status};

const MM: f32 = 72.0 / 25.4;

pub(crate) fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&Local).date_naive()
}

/// What one sheet shows, gathered from the dossier and the scoring engine.
struct Sheet<'a> {
    rubric: &'a Rubric,
    app: &'a Application,
    round: Round,
    printed: NaiveDate,
    fingerprint: String,
    rubric_hash: String,
    /// The head of the dossier's audit log (`N:HASH`), to hold a copy of the
    /// dossier to later (`leidraad verify --head`).
    head: String,
    /// The assessor's organisation, when the dossier names one.
    organisation: Option<String>,
    /// What the reader must know about the standing: the ranking is
    /// provisional, or a decision concerning this application is stale.
    decision_notes: Vec<String>,
    source: Source<'a>,
}

enum Source<'a> {
    Assessment {
        assessment: &'a Assessment,
        summary: scoring::Summary,
        result: Option<AppResult>,
    },
    Consensus {
        consensus: &'a Consensus,
        assessments: Vec<&'a Assessment>,
        result: AppResult,
    },
}

pub(crate) fn render(
    rubric: &Rubric,
    dossier: &Dossier,
    kind: &SheetKind,
    printed: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let app = dossier
        .application(kind.application())
        .ok_or_else(|| ReportError::UnknownApplication(kind.application().clone()))?;
    let round = kind.round();
    let rubric_hash = rubric.hash();
    let fingerprint = super::fingerprint_with(&rubric_hash, dossier, kind)?;
    let evaluation = scoring::evaluate(rubric, dossier, round);
    let result = evaluation.get(&app.id).cloned();
    let mut decision_notes = Vec::new();
    if result
        .as_ref()
        .is_some_and(|r| r.status == Status::Provisional)
    {
        decision_notes.push(s::capitalised(&leidraad_core::nl::provisional(
            &evaluation.pending,
        )));
    }
    for st in evaluation.stale() {
        let Some(d) = dossier.decisions.get(st.index) else {
            continue;
        };
        if scoring::decision_applications(dossier, d).contains(&app.id) {
            decision_notes.push(s::stale_decision_note(
                st.index,
                leidraad_core::nl::decision_kind(&d.kind),
                &st.why,
            ));
        }
    }
    let source = match kind {
        SheetKind::Assessment { assessor, .. } => {
            let assessment = dossier
                .assessment(&app.id, assessor, round)
                .expect("fingerprint found it");
            Source::Assessment {
                summary: scoring::summarize(rubric, assessment),
                assessment,
                result,
            }
        }
        SheetKind::Consensus { .. } => Source::Consensus {
            consensus: dossier
                .recorded_consensus_for(&app.id, round)
                .expect("fingerprint found it"),
            assessments: dossier
                .assessments_for(&app.id, round)
                .filter(|a| a.is_submitted())
                .collect(),
            result: result.ok_or_else(|| ReportError::UnknownApplication(app.id.clone()))?,
        },
    };
    let organisation = match kind {
        SheetKind::Assessment { assessor, .. } => dossier
            .assessors
            .iter()
            .find(|a| &a.name == assessor && !a.organisation.trim().is_empty())
            .map(|a| a.organisation.clone()),
        SheetKind::Consensus { .. } => None,
    };
    let sheet = Sheet {
        rubric,
        app,
        round,
        printed,
        fingerprint,
        rubric_hash,
        head: super::audit_head(dossier),
        organisation,
        decision_notes,
        source,
    };
    sheet.draw()
}

impl Sheet<'_> {
    fn who(&self) -> String {
        match &self.source {
            Source::Assessment { assessment, .. } => assessment.assessor.clone(),
            Source::Consensus { .. } => s::CONSENSUS_PANEL.to_string(),
        }
    }

    fn draw(&self) -> Result<Vec<u8>, ReportError> {
        let running =
            s::sheet_running_title(&self.app.id.0, &self.app.region, self.round, &self.who());
        let footer = vec![
            running.clone(),
            format!(
                "{} {} · {} {} · {} {} · {} {}",
                s::RUBRIC_HASH,
                short_hash(&self.rubric_hash),
                s::FINGERPRINT.to_lowercase(),
                short_fingerprint(&self.fingerprint),
                s::AUDIT_HEAD,
                self.head,
                s::PRINTED_ON.to_lowercase(),
                s::date(self.printed)
            ),
        ];
        let title = match self.source {
            Source::Assessment { .. } => s::SHEET_TITLE,
            Source::Consensus { .. } => s::CONSENSUS_TITLE,
        };
        let mut doc = Doc::new(
            &format!("{title} {} – {}", self.app.id, self.app.region),
            running,
            footer,
            self.printed,
        );
        doc.set_subject(&self.rubric.title, &self.who());
        self.header(&mut doc, title)?;
        self.result_box(&mut doc)?;
        self.knockouts(&mut doc)?;
        self.criteria(&mut doc)?;
        self.signatures(&mut doc)?;
        doc.finish()
    }

    fn header(&self, doc: &mut Doc, title: &str) -> Result<(), ReportError> {
        let top = doc.y;
        doc.tagged(Role::H1, |doc| {
            doc.text_checked(MARGIN_L, top, title, TITLE)?;
            let round = s::round_label(self.round);
            let style = Style::new(Weight::Bold, 11.0, ACCENT);
            let w = super::layout::measure(&round, style)?;
            doc.text(PAGE_W - MARGIN_R - w, top + 5.0, &round, style);
            Ok(())
        })?;
        doc.space(TITLE.leading() + 1.0);
        doc.paragraphs(&[Para::new(
            format!(
                "{} · {} (versie {})",
                self.rubric.programme, self.rubric.title, self.rubric.version
            ),
            LABEL,
        )])?;
        doc.space(6.0);

        let (who_label, who, date_label, date) = match &self.source {
            Source::Assessment { assessment, .. } => {
                let org = self
                    .organisation
                    .as_ref()
                    .map(|o| format!("{} ({o})", assessment.assessor))
                    .unwrap_or_else(|| assessment.assessor.clone());
                let date = match assessment.submitted {
                    Some(t) => s::date(local_date(t)),
                    None => s::NOT_SUBMITTED.to_string(),
                };
                (s::ASSESSOR, org, s::ASSESSED_ON, date)
            }
            Source::Consensus { consensus, .. } => {
                let who = if consensus.recorded_by.trim().is_empty() {
                    s::CONSENSUS_PANEL.to_string()
                } else {
                    format!(
                        "{} ({}: {})",
                        s::CONSENSUS_PANEL,
                        s::RECORDED_BY.to_lowercase(),
                        consensus.recorded_by
                    )
                };
                let date = consensus
                    .recorded
                    .map(|t| s::date(local_date(t)))
                    .unwrap_or_else(|| s::UNKNOWN_DATE.to_string());
                (s::ASSESSOR, who, s::RECORDED_ON, date)
            }
        };
        let plan = if self.app.plan_title.trim().is_empty() {
            s::NO_PLAN_TITLE.to_string()
        } else {
            self.app.plan_title.clone()
        };
        let pairs = [
            (
                s::APPLICATION,
                format!("{} – {}", self.app.id, self.app.region),
            ),
            (s::ROUND, s::round_label(self.round)),
            (s::PLAN, plan),
            (who_label, who),
            (date_label, date),
            (s::PRINTED_ON, s::date(self.printed)),
        ];
        key_values(doc, &pairs, 2)?;
        // The rubric and the hashes across the full width, each on a line.
        let wide = [
            (
                s::RUBRIC,
                format!("{} (versie {})", self.rubric.title, self.rubric.version),
            ),
            (s::RUBRIC_HASH, s::grouped_hash(&self.rubric_hash)),
            (s::FINGERPRINT, s::grouped_hash(&self.fingerprint)),
        ];
        key_values(doc, &wide, 1)?;
        doc.space(6.0);
        Ok(())
    }

    /// The total in large type with the status line.
    fn result_box(&self, doc: &mut Doc) -> Result<(), ReportError> {
        let threshold = self.rubric.process.threshold(self.round);
        let (total, mut lines): (String, Vec<Para>) = match &self.source {
            Source::Assessment {
                assessment,
                summary,
                result,
            } => {
                let mut lines = vec![];
                lines.push(Para::new(s::ASSESSOR_VERDICT, LABEL));
                let line = s::standing_line(&summary.standing, self.round, threshold);
                let color = match summary.standing {
                    scoring::Standing::Rejected(_) => BAD,
                    scoring::Standing::AtOrAboveThreshold => GOOD,
                    _ => INK,
                };
                lines.push(Para::new(line, Style::new(Weight::Bold, 11.0, color)));
                if summary.failed_ko.is_empty()
                    && summary.knockouts_judged == summary.knockouts_count
                    && !summary
                        .missing
                        .iter()
                        .any(|m| matches!(m, scoring::Missing::KoDoubt(_)))
                {
                    lines.push(Para::new(s::KO_ALL_MET, BODY));
                }
                if !summary.missing.is_empty() {
                    lines.push(Para::new(s::missing_list(&summary.missing, 8), BODY));
                }
                if !assessment.is_submitted() {
                    lines.push(Para::new(s::CONCEPT_WARNING, BODY_BOLD.color(WARN)));
                }
                if let Some(r) = result {
                    lines.push(Para::new(s::APPLICATION_STANDING, LABEL).gap(4.0));
                    let line = s::status_line(r.status, self.round, threshold, &r.failed_ko);
                    lines.push(Para::new(s::standing_with_place(&line, r.rank), BODY_BOLD));
                }
                for note in &self.decision_notes {
                    lines.push(Para::new(note.clone(), BODY_BOLD.color(WARN)));
                }
                (summary.total.to_dutch(), lines)
            }
            Source::Consensus { result, .. } => {
                let mut lines = vec![Para::new(s::RESULT_SECTION, LABEL)];
                let line = s::status_line(result.status, self.round, threshold, &result.failed_ko);
                lines.push(Para::new(
                    s::standing_with_place(&line, result.rank),
                    Style::new(Weight::Bold, 11.0, status_color(result.status)),
                ));
                for note in &self.decision_notes {
                    lines.push(Para::new(note.clone(), BODY_BOLD.color(WARN)));
                }
                if result.failed_ko.is_empty() && result.status != Status::Incomplete {
                    lines.push(Para::new(s::KO_ALL_MET, BODY));
                }
                lines.push(Para::new(
                    s::basis_line(result.consensus, result.assessors),
                    BODY,
                ));
                if !result.missing.is_empty() {
                    lines.push(Para::new(s::missing_list(&result.missing, 8), BODY));
                }
                let total = result
                    .total
                    .map_or_else(|| s::NO_TOTAL.to_string(), |t| t.to_dutch());
                (total, lines)
            }
        };
        let big = Style::new(Weight::Bold, 28.0, ACCENT);
        let pad = 8.0;
        let out_of = s::out_of_label(self.rubric.total);
        let left_w = (super::layout::measure(&total, big)?
            + super::layout::measure(&out_of, BODY)?
            + 4.0
            + 2.0 * pad)
            .max(46.0 * MM);
        let right_w = CONTENT_W - left_w - 2.0 * pad;
        if let Some(first) = lines.first_mut() {
            first.gap = 0.0;
        }
        let laid = lay_out(&lines, right_w)?;
        let right_h: f32 = laid.iter().map(|l| l.height()).sum();
        let left_h = LABEL.leading() + big.leading() + LABEL.leading();
        let h = right_h.max(left_h) + 2.0 * pad;
        doc.ensure(h + 4.0)?;
        let top = doc.y;
        let x = MARGIN_L + left_w + pad;
        doc.artifact(|doc| {
            doc.fill_rect(MARGIN_L, top, CONTENT_W, h, BOX_FILL);
            doc.stroke_rect(MARGIN_L, top, CONTENT_W, h, 0.8, ACCENT);
            doc.line(x - pad, top + 6.0, x - pad, top + h - 6.0, 0.5, RULE, None);
        });
        // "Totaal 72,00 van 100 punten" reads as one paragraph.
        doc.tagged(Role::P, |doc| {
            let mut y = top + pad;
            doc.text_checked(MARGIN_L + pad, y, s::TOTAL, LABEL)?;
            y += LABEL.leading();
            let w = doc.text_checked(MARGIN_L + pad, y, &total, big)?;
            doc.text_checked(
                MARGIN_L + pad + w + 4.0,
                y + big.size - BODY.size - 1.0,
                &out_of,
                BODY.color(MUTED),
            )?;
            Ok(())
        })?;
        doc.lines_at(x, top + pad, &laid);
        doc.y = top + h + 10.0;
        Ok(())
    }

    fn knockouts(&self, doc: &mut Doc) -> Result<(), ReportError> {
        doc.heading(s::KO_SECTION, 60.0)?;
        doc.paragraphs(&[Para::new(s::KO_INTRO, SMALL)])?;
        doc.space(3.0);
        let table = Table {
            widths: vec![70.0 * MM, 28.0 * MM, CONTENT_W - 98.0 * MM],
            header: vec![
                Cell::text(s::COL_CRITERION, TABLE_HEAD),
                Cell::text(s::COL_VERDICT, TABLE_HEAD),
                Cell::text(s::COL_MOTIVATION, TABLE_HEAD),
            ],
        };
        let mut rows = Vec::new();
        for ko in &self.rubric.knockouts {
            let criterion = Cell::new(vec![
                Para::new(format!("{}  {}", ko.id, ko.name), BODY_BOLD),
                Para::new(ko.text.clone(), SMALL).gap(1.5),
            ]);
            let (verdict, motivation) = match &self.source {
                Source::Assessment { assessment, .. } => {
                    let j = assessment.knockouts.get(&ko.id);
                    let v = j.map_or(Verdict::Open, |j| j.verdict);
                    (
                        vec![Para::new(s::verdict(v), verdict_style(v))],
                        motivation_paras(j.map(|j| j.motivation.as_str())),
                    )
                }
                Source::Consensus {
                    consensus,
                    assessments,
                    result,
                } => {
                    let fin = result.knockouts.iter().find(|k| k.id == ko.id);
                    let v = fin.map_or(Verdict::Open, |k| k.verdict);
                    let mut verdict = vec![Para::new(s::verdict(v), verdict_style(v))];
                    let from_consensus = fin.is_some_and(|k| k.from_consensus);
                    verdict.push(Para::new(
                        if from_consensus {
                            s::FROM_CONSENSUS
                        } else {
                            s::MEAN_NO_CONSENSUS_KO
                        },
                        SMALL,
                    ));
                    let mut motivation = if from_consensus {
                        motivation_paras(
                            consensus
                                .knockouts
                                .get(&ko.id)
                                .map(|j: &KoJudgement| j.motivation.as_str()),
                        )
                    } else {
                        vec![Para::new(s::NO_CONSENSUS_KO, BODY.color(MUTED))]
                    };
                    let verdicts: Vec<(String, Verdict)> = assessments
                        .iter()
                        .map(|a| (a.assessor.clone(), a.verdict(&ko.id)))
                        .collect();
                    if !verdicts.is_empty() {
                        motivation.push(Para::new(s::assessor_verdicts(&verdicts), SMALL).gap(2.0));
                    }
                    (verdict, motivation)
                }
            };
            rows.push(Row::new(vec![
                criterion,
                Cell::new(verdict),
                Cell::new(motivation),
            ]));
        }
        doc.table(&table, rows)?;
        doc.space(10.0);
        Ok(())
    }

    fn criteria(&self, doc: &mut Doc) -> Result<(), ReportError> {
        doc.heading(s::CRITERIA_SECTION, 80.0)?;
        let w_crit = 64.0 * MM;
        let w_max = 11.0 * MM;
        let w_score = 23.0 * MM;
        let table = Table {
            widths: vec![w_crit, w_max, w_score, CONTENT_W - w_crit - w_max - w_score],
            header: vec![
                Cell::text(s::COL_CRITERION, TABLE_HEAD),
                Cell::new(vec![Para::new(s::COL_MAX, TABLE_HEAD).right()]),
                Cell::new(vec![Para::new(s::COL_SCORE, TABLE_HEAD).right()]),
                Cell::text(s::COL_MOTIVATION_EVIDENCE, TABLE_HEAD),
            ],
        };
        let groups: &[GroupTotal] = match &self.source {
            Source::Assessment { summary, .. } => &summary.groups,
            Source::Consensus { result, .. } => &result.groups,
        };
        let mut rows = Vec::new();
        for group in &self.rubric.groups {
            let subtotal = groups.iter().find(|g| *g.id == *group.id);
            rows.push(
                Row::new(vec![
                    Cell::text(s::group_label(&group.name), BODY_BOLD),
                    Cell::new(vec![
                        Para::new(subtotal.map_or(0, |g| g.cap).to_string(), BODY_BOLD).right(),
                    ]),
                    Cell::new(vec![
                        Para::new(
                            subtotal
                                .map_or_else(|| s::NO_TOTAL.to_string(), |g| g.total.to_dutch()),
                            BODY_BOLD,
                        )
                        .right(),
                    ]),
                    Cell::text("", BODY),
                ])
                .fill(GROUP_FILL)
                .keep_whole()
                .keep_with_next(),
            );
            for c in &group.criteria {
                rows.push(self.criterion_row(c));
            }
        }
        let total = match &self.source {
            Source::Assessment { summary, .. } => summary.total.to_dutch(),
            Source::Consensus { result, .. } => result
                .total
                .map_or_else(|| s::NO_TOTAL.to_string(), |t| t.to_dutch()),
        };
        rows.push(
            Row::new(vec![
                Cell::text(s::TOTAL, BODY_BOLD),
                Cell::new(vec![
                    Para::new(self.rubric.total.to_string(), BODY_BOLD).right(),
                ]),
                Cell::new(vec![Para::new(total, BODY_BOLD).right()]),
                Cell::text("", BODY),
            ])
            .fill(HEADER_FILL)
            .keep_whole(),
        );
        doc.table(&table, rows)?;
        doc.space(12.0);
        Ok(())
    }

    fn criterion_row(&self, c: &Criterion) -> Row {
        let crit = vec![
            Para::new(format!("{}  {}", c.id, c.name), BODY_BOLD),
            Para::new(c.text.clone(), SMALL).gap(1.5),
            Para::new(
                format!("{}: {}", s::scale_label(), s::scale(&c.scale)),
                SMALL.color(INK),
            )
            .gap(2.0),
        ];
        let max = Cell::new(vec![Para::new(c.cap.to_string(), BODY).right()]);
        let (score, motivation) = match &self.source {
            Source::Assessment { assessment, .. } => {
                let entry = assessment.criteria.get(&c.id);
                (self.score_paras(c, entry), {
                    let mut m = motivation_paras(entry.map(|e| e.motivation.as_str()));
                    if let Some(e) = entry {
                        let ev = s::evidence(&e.evidence.document, &e.evidence.page);
                        if !ev.is_empty() {
                            m.push(Para::new(ev, SMALL.color(INK)).gap(2.5));
                        }
                        if !e.evidence.quote.trim().is_empty() {
                            m.push(Para::new(s::quote(&e.evidence.quote), SMALL.color(INK)));
                        }
                    }
                    m
                })
            }
            Source::Consensus {
                consensus, result, ..
            } => {
                let fin = result.criteria.iter().find(|f| f.id == c.id);
                let mut score = vec![
                    Para::new(
                        fin.and_then(|f| f.value).map_or_else(
                            || s::NOT_SCORED.to_string(),
                            |v: Exact| v.to_dutch_short(),
                        ),
                        if fin.and_then(|f| f.value).is_some() {
                            BODY_BOLD
                        } else {
                            BODY.color(MUTED)
                        },
                    )
                    .right(),
                ];
                let from_consensus = fin.is_some_and(|f| f.from_consensus);
                score.push(
                    Para::new(
                        if from_consensus {
                            s::FROM_CONSENSUS
                        } else {
                            s::MEAN_NO_CONSENSUS
                        },
                        SMALL,
                    )
                    .right(),
                );
                let entry = consensus.criteria.get(&c.id);
                if let (Some(e), Scale::Items { items, .. }) = (entry, &c.scale)
                    && let Some(Value::Items(m)) = &e.value
                {
                    for item in items {
                        score.push(
                            Para::new(s::item_score(&item.name, m.get(&item.id).copied()), SMALL)
                                .right(),
                        );
                    }
                }
                let mut motivation = if from_consensus {
                    let mut m = motivation_paras(entry.map(|e| e.motivation.as_str()));
                    if let Some(e) = entry {
                        let ev = s::evidence(&e.evidence.document, &e.evidence.page);
                        if !ev.is_empty() {
                            m.push(Para::new(ev, SMALL.color(INK)).gap(2.5));
                        }
                        if !e.evidence.quote.trim().is_empty() {
                            m.push(Para::new(s::quote(&e.evidence.quote), SMALL.color(INK)));
                        }
                    }
                    m
                } else {
                    vec![Para::new(s::NO_CONSENSUS_MOTIVATION, BODY.color(MUTED))]
                };
                if let Some(f) = fin
                    && result.assessor_points(f).any(|(_, p)| p.is_some())
                {
                    let scores: Vec<(String, String)> = result
                        .assessor_points(f)
                        .filter_map(|(who, p)| p.map(|p| (who.to_string(), p.to_string())))
                        .collect();
                    motivation.push(Para::new(s::assessor_scores(&scores), SMALL).gap(2.0));
                }
                (score, motivation)
            }
        };
        Row::new(vec![
            Cell::new(crit),
            max,
            Cell::new(score),
            Cell::new(motivation),
        ])
    }

    /// An assessor's score as entered, with its points where they differ
    /// from the number shown.
    fn score_paras(&self, c: &Criterion, entry: Option<&CriterionScore>) -> Vec<Para> {
        let value = entry.and_then(|e| e.value.as_ref());
        let Some(value) = value else {
            return vec![Para::new(s::NOT_SCORED, BODY.color(MUTED)).right()];
        };
        let pts = points(self.rubric, &c.id, value);
        match value {
            Value::Yes => vec![
                Para::new(s::YES, BODY_BOLD).right(),
                Para::new(s::points_value(pts), SMALL).right(),
            ],
            Value::No => vec![
                Para::new(s::NO, BODY_BOLD).right(),
                Para::new(s::points_value(pts), SMALL).right(),
            ],
            Value::Points(n) => vec![Para::new(n.to_string(), BODY_BOLD).right()],
            Value::NotAddressed => vec![
                Para::new(s::NOT_ADDRESSED, BODY_BOLD).right(),
                Para::new(s::points_value(pts), SMALL).right(),
            ],
            Value::Items(m) => {
                let mut out = vec![Para::new(pts.to_string(), BODY_BOLD).right()];
                if let Scale::Items { items, .. } = &c.scale {
                    for item in items {
                        out.push(
                            Para::new(s::item_score(&item.name, m.get(&item.id).copied()), SMALL)
                                .right(),
                        );
                    }
                }
                out
            }
        }
    }

    fn signatures(&self, doc: &mut Doc) -> Result<(), ReportError> {
        let blocks: Vec<(String, String)> = match &self.source {
            Source::Assessment { assessment, .. } => vec![(
                format!("{} {}", s::SIGNATURE, s::ASSESSOR.to_lowercase()),
                assessment.assessor.clone(),
            )],
            Source::Consensus { consensus, .. } => vec![
                (s::CHAIR.to_string(), consensus.recorded_by.clone()),
                (s::SECRETARY.to_string(), String::new()),
            ],
        };
        let block_h = 118.0;
        doc.ensure(block_h + HEADING_KEEP)?;
        doc.heading(s::SIGNATURE_SECTION, block_h)?;
        let col_w = (CONTENT_W - 20.0) / 2.0;
        let top = doc.y + 4.0;
        for (i, (role, name)) in blocks.iter().enumerate() {
            let x = MARGIN_L + i as f32 * (col_w + 20.0);
            let mut y = top;
            doc.tagged(Role::P, |doc| doc.text_checked(x, y, role, BODY_BOLD))?;
            y += BODY.leading() + 4.0;
            for label in [s::NAME, s::SIGNATURE, s::DATE] {
                // "Naam Anna de Vries", "Handtekening": a paragraph each.
                let line_y = doc.tagged(Role::P, |doc| {
                    doc.text_checked(x, y, label, LABEL)?;
                    let value_x = x + 26.0 * MM;
                    let value_w = col_w - 26.0 * MM;
                    // The line to write on; the recorded name stands on it,
                    // wrapped when it is long (never cut off).
                    let mut line_y = y + if label == s::SIGNATURE { 23.5 } else { 9.5 };
                    if label == s::NAME && !name.trim().is_empty() {
                        let lines = lay_out(&[Para::new(name.clone(), BODY)], value_w)?;
                        let mut ty = y - 1.5;
                        for l in &lines {
                            doc.text(value_x, ty, &l.text, l.style);
                            ty += l.height();
                        }
                        line_y = line_y.max(ty);
                    }
                    doc.artifact(|doc| doc.hline(value_x, x + col_w, line_y, 0.6, INK));
                    Ok(line_y)
                })?;
                y = line_y + 8.5;
            }
        }
        doc.y = top + block_h - 10.0;
        Ok(())
    }
}

const HEADING_KEEP: f32 = 20.0;

fn status_color(status: Status) -> super::layout::Rgb {
    match status {
        Status::Rejected => BAD,
        Status::Tie => WARN,
        Status::Awarded | Status::Invited => GOOD,
        _ => INK,
    }
}

fn verdict_style(v: Verdict) -> Style {
    match v {
        Verdict::Met => BODY_BOLD.color(GOOD),
        Verdict::NotMet => BODY_BOLD.color(BAD),
        Verdict::Doubt => BODY_BOLD.color(WARN),
        Verdict::Open => BODY.color(MUTED),
    }
}

fn motivation_paras(text: Option<&str>) -> Vec<Para> {
    match text {
        Some(t) if !t.trim().is_empty() => vec![Para::new(t.trim_end(), BODY)],
        _ => vec![Para::new(s::NO_MOTIVATION, BODY.color(MUTED))],
    }
}

/// Label–value pairs in `columns` columns, without rules.
fn key_values(doc: &mut Doc, pairs: &[(&str, String)], columns: usize) -> Result<(), ReportError> {
    let half = CONTENT_W / columns as f32;
    let label_w = 29.0 * MM;
    for chunk in pairs.chunks(columns) {
        let mut cells = Vec::new();
        for (i, (label, value)) in chunk.iter().enumerate() {
            let x = MARGIN_L + i as f32 * half;
            let labels = lay_out(&[Para::new(*label, LABEL)], label_w - 4.0)?;
            let values = lay_out(&[Para::new(value.clone(), BODY)], half - label_w - 6.0)?;
            cells.push((x, labels, values));
        }
        let h = cells
            .iter()
            .map(|(_, l, v)| {
                let lh: f32 = l.iter().map(|x| x.height()).sum();
                let vh: f32 = v.iter().map(|x| x.height()).sum();
                lh.max(vh)
            })
            .fold(0.0, f32::max);
        doc.ensure(h + 2.0)?;
        let top = doc.y;
        for (x, labels, values) in &cells {
            // A label and its value read as one paragraph.
            doc.tagged(Role::P, |doc| {
                let mut y = top + 0.8;
                for l in labels {
                    doc.text(*x, y, &l.text, l.style);
                    y += l.height();
                }
                let mut y = top;
                for v in values {
                    doc.text(x + label_w, y, &v.text, v.style);
                    y += v.height();
                }
                Ok(())
            })?;
        }
        doc.y = top + h + 2.0;
    }
    Ok(())
}
