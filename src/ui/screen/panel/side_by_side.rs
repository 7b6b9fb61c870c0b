//! The side-by-side tab: per knock-out and criterion each submitted
//! assessor's work in columns, beside the majority or mean and the
//! consensus, under the list of disagreements.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Fill, FillPortion, Theme};

use super::{Message, State, blind, card_head, heading, info, mixed, round_two_open, verdict_text};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Assessment, Consensus, Dossier, Round, Value, Verdict};
use leidraad_core::exact::Exact;
use leidraad_core::panel::{self as panel_rules, Flag};
use leidraad_core::rubric::{Criterion, Knockout, Scale};
use leidraad_core::session::Session;

impl State {
    /// Per KO and criterion, each submitted assessor's work in columns.
    pub(super) fn side_by_side<'a>(
        &'a self,
        session: &'a Session,
        viewer: &'a str,
    ) -> Element<'a, Message> {
        let (rubric, dossier) = (session.rubric(), session.dossier());
        if !panel_rules::may_see_others(dossier, viewer, &self.application, self.round) {
            return blind(dossier, viewer, &self.application, self.round);
        }
        let submitted = self.submitted(dossier);
        let drafts: Vec<String> = dossier
            .assessments_for(&self.application, self.round)
            .filter(|a| !a.is_submitted())
            .map(|a| a.assessor.clone())
            .collect();
        if self.round == Round::Two && !round_two_open(session, &self.application) {
            return info(strings::PANEL_ROUND_TWO_NOT_INVITED);
        }
        let agreed = dossier.recorded_consensus_for(&self.application, self.round);
        let mut out = column![].spacing(10);
        if submitted.is_empty() {
            out = out.push(info(strings::PANEL_NO_SUBMITTED));
        }
        if !drafts.is_empty() {
            out = out.push(
                text(strings::panel_not_submitted_yet(&drafts))
                    .size(theme::TEXT)
                    .style(theme::muted),
            );
        }
        if submitted.is_empty() {
            return out.into();
        }
        out = out.push(self.flag_list());

        out = out.push(heading(strings::KNOCKOUTS));
        for ko in &rubric.knockouts {
            out = out.push(self.knockout_card(ko, &submitted, agreed));
        }

        out = out.push(heading(strings::CRITERIA));
        for group in &rubric.groups {
            out = out.push(text(&group.name).size(17).font(bold()));
            for c in &group.criteria {
                out = out.push(self.criterion_card(c, &submitted, agreed));
            }
        }
        out.padding(iced::padding::bottom(24)).into()
    }

    /// A knock-out's card: each assessor's verdict, the majority and the
    /// consensus.
    fn knockout_card<'a>(
        &self,
        ko: &'a Knockout,
        submitted: &[&'a Assessment],
        agreed: Option<&'a Consensus>,
    ) -> Element<'a, Message> {
        let mut cols = row![].spacing(12);
        for a in submitted {
            let j = a.knockouts.get(&ko.id);
            let v = a.verdict(&ko.id);
            cols = cols.push(cell(
                &a.assessor,
                text(strings::verdict(v))
                    .font(bold())
                    .style(verdict_text(v)),
                None,
                j.map_or("", |j| j.motivation.as_str()),
                FillPortion(3),
            ));
        }
        let majority = match self.proposal.knockouts.get(&ko.id) {
            Some(v) => strings::verdict(*v).to_string(),
            None if submitted.is_empty() => strings::PANEL_NO_MEAN.to_string(),
            None => strings::PANEL_NO_MAJORITY.to_string(),
        };
        cols = cols.push(cell(
            strings::PANEL_COL_MAJORITY,
            text(majority),
            None,
            "",
            FillPortion(2),
        ));
        let j = agreed.and_then(|c| c.knockouts.get(&ko.id));
        cols = cols.push(consensus_cell(
            j.map(|j| j.verdict)
                .filter(|v| *v != Verdict::Open)
                .map(|v| {
                    text(strings::verdict(v))
                        .font(bold())
                        .style(verdict_text(v))
                        .into()
                }),
            j.map_or("", |j| j.motivation.as_str()),
        ));
        let flagged = self
            .flags
            .iter()
            .any(|f| matches!(f, Flag::KoSplit { ko: k, .. } | Flag::KoDoubt { ko: k, .. } if k == &ko.id));
        let body = column![card_head(&ko.id, &ko.name, None, flagged), cols].spacing(8);
        self.card(body, &ko.id, flagged)
    }

    /// A criterion's card: each assessor's value, the mean (when all
    /// scored it) and the consensus.
    fn criterion_card<'a>(
        &self,
        c: &'a Criterion,
        submitted: &[&'a Assessment],
        agreed: Option<&'a Consensus>,
    ) -> Element<'a, Message> {
        let mut cols = row![].spacing(12);
        let mut points = Vec::new();
        for a in submitted {
            let s = a.criteria.get(&c.id);
            let v = s.and_then(|s| s.value.as_ref());
            if let Some(v) = v {
                points.push(i64::from(c.points(v)));
            }
            cols = cols.push(cell(
                &a.assessor,
                text(value_points(c, v)).font(bold()),
                value_detail(c, v),
                s.map_or("", |s| s.motivation.as_str()),
                FillPortion(3),
            ));
        }
        let mean = (points.len() == submitted.len())
            .then(|| Exact::mean(points))
            .flatten();
        let (mean_main, mean_sub) = match &mean {
            Some(m) => (mixed(m), (!m.is_whole()).then(|| m.to_dutch())),
            None => (strings::PANEL_NO_MEAN.to_string(), None),
        };
        cols = cols.push(cell(
            strings::PANEL_COL_MEAN,
            text(mean_main).font(bold()),
            mean_sub,
            "",
            FillPortion(2),
        ));
        let s = agreed.and_then(|k| k.criteria.get(&c.id));
        let v = s.and_then(|s| s.value.as_ref());
        cols = cols.push(consensus_cell(
            v.map(|v| {
                column![text(value_points(c, Some(v))).font(bold())]
                    .push(
                        value_detail(c, Some(v))
                            .map(|d| text(d).size(theme::SMALL).style(theme::muted)),
                    )
                    .into()
            }),
            s.map_or("", |s| s.motivation.as_str()),
        ));
        let flagged = self
            .flags
            .iter()
            .any(|f| matches!(f, Flag::Spread { criterion, .. } if criterion == &c.id));
        let body = column![card_head(&c.id, &c.name, Some(c.cap), flagged), cols]
            .push(super::cited::cited_row(&c.id, submitted))
            .spacing(8);
        self.card(body, &c.id, flagged)
    }

    /// The submitted assessments of this application and round, by name.
    fn submitted<'a>(&self, dossier: &'a Dossier) -> Vec<&'a Assessment> {
        let mut v: Vec<&Assessment> = dossier
            .assessments_for(&self.application, self.round)
            .filter(|a| a.is_submitted())
            .collect();
        v.sort_by(|a, b| a.assessor.cmp(&b.assessor));
        v
    }

    fn flag_list<'a>(&self) -> Element<'a, Message> {
        let mut list = column![text(strings::PANEL_FLAGS).size(16).font(bold())].spacing(4);
        if self.flags.is_empty() {
            list = list.push(
                text(strings::PANEL_NO_FLAGS)
                    .size(theme::TEXT)
                    .style(theme::muted),
            );
        }
        for f in &self.flags {
            let (line, target) = match f {
                Flag::Spread {
                    criterion,
                    low,
                    high,
                    cap,
                    ..
                } => (
                    strings::panel_flag_spread(criterion, *low, *high, *cap),
                    Some(criterion.clone()),
                ),
                Flag::KoSplit { ko, verdicts, .. } => {
                    (strings::panel_flag_ko_split(ko, verdicts), Some(ko.clone()))
                }
                Flag::KoDoubt { ko, verdicts, .. } => {
                    (strings::panel_flag_ko_doubt(ko, verdicts), Some(ko.clone()))
                }
                Flag::MadeWithout { assessors, .. } => (strings::made_without(assessors), None),
                Flag::ThresholdSplit {
                    threshold, totals, ..
                } => (strings::panel_flag_threshold(*threshold, totals), None),
            };
            let item: Element<'a, Message> = match target {
                Some(id) => button(
                    row![text("▸").size(theme::TEXT), text(line).size(theme::TEXT)].spacing(6),
                )
                .style(theme::link)
                .padding([2, 0])
                .on_press(Message::Focus(id))
                .into(),
                None => row![text("▸").size(theme::TEXT), text(line).size(theme::TEXT)]
                    .spacing(6)
                    .into(),
            };
            list = list.push(item);
        }
        container(list)
            .padding(12)
            .width(Fill)
            .style(if self.flags.is_empty() {
                theme::card
            } else {
                flags_box
            })
            .into()
    }
}

/// One column of a side-by-side row: who, the value, a detail line and the
/// motivation.
fn cell<'a>(
    who: &'a str,
    value: impl Into<Element<'a, Message>>,
    detail: Option<String>,
    motivation: &'a str,
    width: iced::Length,
) -> Element<'a, Message> {
    let mut col = column![
        text(who).size(theme::SMALL).style(theme::muted),
        value.into()
    ]
    .spacing(2);
    if let Some(d) = detail {
        col = col.push(text(d).size(theme::SMALL).style(theme::muted));
    }
    if !motivation.is_empty() {
        col = col.push(text(motivation).size(theme::SMALL));
    }
    container(col).width(width).into()
}

fn consensus_cell<'a>(
    value: Option<Element<'a, Message>>,
    motivation: &'a str,
) -> Element<'a, Message> {
    let mut col = column![
        text(strings::PANEL_COL_CONSENSUS)
            .size(theme::SMALL)
            .style(theme::muted)
    ]
    .spacing(2);
    col = col.push(value.unwrap_or_else(|| {
        text(strings::PANEL_NO_CONSENSUS)
            .size(theme::SMALL)
            .style(theme::muted)
            .into()
    }));
    if !motivation.is_empty() {
        col = col.push(text(motivation).size(theme::SMALL));
    }
    container(col)
        .padding([4, 8])
        .width(FillPortion(3))
        .style(consensus_box)
        .into()
}

/// A value's points, or that it is not scored.
fn value_points(c: &Criterion, v: Option<&Value>) -> String {
    match v {
        Some(v) => strings::panel_points(c.points(v)),
        None => strings::NOT_SCORED.to_string(),
    }
}

/// What the points stand for when that is not just the number: ja/nee,
/// niet behandeld, the items.
fn value_detail(c: &Criterion, v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Points(_) => None,
        Value::Yes => Some(strings::YES.to_string()),
        Value::No => Some(strings::NO.to_string()),
        Value::NotAddressed => Some(strings::NOT_ADDRESSED.to_string()),
        Value::Items(m) => {
            let Scale::Items { items, .. } = &c.scale else {
                return None;
            };
            Some(
                items
                    .iter()
                    .filter_map(|i| m.get(&i.id).map(|p| format!("{} {p}", i.name)))
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
        }
    }
}

fn flags_box(_t: &Theme) -> container::Style {
    theme::tone_box(theme::Tone::Warn)(_t)
}

/// The consensus column: a light blue band.
fn consensus_box(_t: &Theme) -> container::Style {
    container::Style {
        background: Some(iced::Background::Color(iced::Color::from_rgb(
            0.93, 0.96, 1.0,
        ))),
        border: iced::Border {
            radius: 4.0.into(),
            ..iced::Border::default()
        },
        ..container::Style::default()
    }
}
