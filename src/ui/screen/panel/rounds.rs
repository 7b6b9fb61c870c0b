//! The rounds tab: round 1 against round 2 per knock-out and criterion (the
//! final values, the difference) and why each assessor changed a value.

use iced::widget::{column, container, row, rule, space, text};
use iced::{Element, Fill, FillPortion};

use super::{
    Message, State, blind, card_id, info, mixed, plain, round_two_open, value_short, verdict_text,
};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Assessment, Round, Verdict};
use leidraad_core::exact::Exact;
use leidraad_core::panel as panel_rules;
use leidraad_core::rubric::{Criterion, CriterionId, Knockout};
use leidraad_core::scoring::AppResult;
use leidraad_core::session::Session;

/// The final results of both rounds and the round-2 assessments, which every
/// row of the table compares.
struct Compared<'a> {
    one: Option<&'a AppResult>,
    two: Option<&'a AppResult>,
    /// The round-2 assessments, by name.
    second: Vec<&'a Assessment>,
}

impl State {
    /// Round 1 against round 2: the final values, the difference, and why
    /// each assessor changed a value.
    pub(super) fn rounds_tab<'a>(
        &'a self,
        session: &'a Session,
        viewer: &'a str,
    ) -> Element<'a, Message> {
        let (rubric, dossier) = (session.rubric(), session.dossier());
        if !round_two_open(session, &self.application) {
            return info(strings::PANEL_ROUNDS_NOT_INVITED);
        }
        if !Round::ALL
            .iter()
            .all(|r| panel_rules::may_see_others(dossier, viewer, &self.application, *r))
        {
            return blind(dossier, viewer, &self.application, self.round);
        }
        let mut second: Vec<&Assessment> = dossier
            .assessments_for(&self.application, Round::Two)
            .collect();
        second.sort_by(|a, b| a.assessor.cmp(&b.assessor));
        let compared = Compared {
            one: session.evaluation(Round::One).get(&self.application),
            two: session.evaluation(Round::Two).get(&self.application),
            second,
        };

        let mut table = column![
            text(strings::PANEL_ROUNDS_INTRO).size(theme::TEXT),
            rounds_header(),
            rule::horizontal(1)
        ]
        .spacing(8);
        for ko in &rubric.knockouts {
            table = table.push(self.knockout_row(ko, &compared));
        }
        for c in rubric.criteria() {
            table = table.push(self.criterion_row(c, &compared));
        }
        table = table.push(rule::horizontal(1));
        table = table.push(total_row(compared.one, compared.two));
        container(table)
            .padding(14)
            .width(Fill)
            .style(theme::card)
            .into()
    }

    /// A knock-out's verdict in both rounds and who changed theirs.
    fn knockout_row<'a>(&self, ko: &'a Knockout, compared: &Compared<'a>) -> Element<'a, Message> {
        let v1 = compared
            .one
            .and_then(|r| r.knockouts.iter().find(|k| k.id == ko.id))
            .map(|k| k.verdict);
        let v2 = compared
            .two
            .and_then(|r| r.knockouts.iter().find(|k| k.id == ko.id))
            .map(|k| k.verdict);
        let changed = matches!((v1, v2), (Some(a), Some(b)) if a != b);
        let diff = match (v1, v2) {
            (Some(_), Some(_)) if changed => strings::PANEL_CHANGED,
            (Some(_), Some(_)) => strings::PANEL_UNCHANGED,
            _ => strings::PANEL_NO_MEAN,
        };
        let mut notes = 0;
        let mut why = column![].spacing(4);
        for a in &compared.second {
            if let Some(j) = a.knockouts.get(&ko.id)
                && let Some(before) = j.carried.round_one
                && before != j.verdict
            {
                notes += 1;
                why = why.push(why_line(
                    &a.assessor,
                    strings::verdict(before),
                    strings::verdict(j.verdict),
                    &j.carried.why_changed,
                ));
            }
        }
        if changed && notes == 0 {
            why = why.push(no_notes());
        }
        let verdict_cell = |v: Option<Verdict>| -> Element<'a, Message> {
            match v {
                Some(v) => text(strings::verdict(v)).style(verdict_text(v)).into(),
                None => text(strings::PANEL_NO_MEAN).into(),
            }
        };
        self.rounds_row(
            &ko.id,
            &ko.name,
            verdict_cell(v1),
            verdict_cell(v2),
            diff_cell(diff, changed),
            why.into(),
        )
    }

    /// A criterion's final value in both rounds, the difference and who
    /// changed theirs.
    fn criterion_row<'a>(&self, c: &'a Criterion, compared: &Compared<'a>) -> Element<'a, Message> {
        let f1 = compared
            .one
            .and_then(|r| r.criteria.iter().find(|f| f.id == c.id))
            .and_then(|f| f.value);
        let f2 = compared
            .two
            .and_then(|r| r.criteria.iter().find(|f| f.id == c.id))
            .and_then(|f| f.value);
        let shown = |v: Option<Exact>| match v {
            Some(v) => mixed(&v),
            None => strings::PANEL_NO_MEAN.to_string(),
        };
        let diff = match (&f1, &f2) {
            (Some(a), Some(b)) => difference(a, b),
            _ => strings::PANEL_NO_MEAN.to_string(),
        };
        let changed = matches!((&f1, &f2), (Some(a), Some(b)) if a != b);
        let mut notes = 0;
        let mut why = column![].spacing(4);
        for a in &compared.second {
            if let Some(s) = a.criteria.get(&c.id)
                && let Some(before) = &s.carried.round_one
                && Some(before) != s.value.as_ref()
            {
                notes += 1;
                why = why.push(why_line(
                    &a.assessor,
                    &value_short(c, before),
                    &s.value
                        .as_ref()
                        .map_or(strings::PANEL_NO_MEAN.to_string(), |v| value_short(c, v)),
                    &s.carried.why_changed,
                ));
            }
        }
        if changed && notes == 0 {
            why = why.push(no_notes());
        }
        self.rounds_row(
            &c.id,
            &c.name,
            text(shown(f1)).into(),
            text(shown(f2)).into(),
            diff_cell(diff, changed),
            why.into(),
        )
    }

    fn rounds_row<'a>(
        &self,
        id: &CriterionId,
        name: &'a str,
        one: Element<'a, Message>,
        two: Element<'a, Message>,
        diff: Element<'a, Message>,
        why: Element<'a, Message>,
    ) -> Element<'a, Message> {
        let focused = self.focus.as_ref() == Some(id);
        let r = row![
            row![
                text(id.to_string()).font(bold()).width(44),
                text(name).size(theme::TEXT).width(Fill)
            ]
            .width(FillPortion(4)),
            container(one).width(FillPortion(2)),
            container(two).width(FillPortion(2)),
            container(diff).width(FillPortion(2)),
            container(why).width(FillPortion(6)),
        ]
        .spacing(12);
        container(r)
            .padding([4, 4])
            .style(if focused { theme::card_focused } else { plain })
            .id(card_id(id))
            .into()
    }
}

/// The column heads of the rounds table.
fn rounds_header<'a>() -> Element<'a, Message> {
    row![
        text(strings::PANEL_COL_ITEM)
            .font(bold())
            .width(FillPortion(4)),
        text(strings::COL_TOTAL_1)
            .font(bold())
            .width(FillPortion(2)),
        text(strings::COL_TOTAL_2)
            .font(bold())
            .width(FillPortion(2)),
        text(strings::PANEL_COL_DIFFERENCE)
            .font(bold())
            .width(FillPortion(2)),
        text(strings::PANEL_COL_WHY)
            .font(bold())
            .width(FillPortion(6)),
    ]
    .spacing(12)
    .padding([0, 4])
    .into()
}

/// The last row: the totals of both rounds and their difference.
fn total_row<'a>(one: Option<&AppResult>, two: Option<&AppResult>) -> Element<'a, Message> {
    let totals = |r: Option<&AppResult>| {
        r.and_then(|r| r.total)
            .map_or(strings::PANEL_NO_MEAN.to_string(), |t| t.to_dutch_short())
    };
    let total_diff = match (one.and_then(|r| r.total), two.and_then(|r| r.total)) {
        (Some(a), Some(b)) => difference(&a, &b),
        _ => strings::PANEL_NO_MEAN.to_string(),
    };
    row![
        text(strings::TOTAL).font(bold()).width(FillPortion(4)),
        text(totals(one)).font(bold()).width(FillPortion(2)),
        text(totals(two)).font(bold()).width(FillPortion(2)),
        text(total_diff).font(bold()).width(FillPortion(2)),
        space().width(FillPortion(6)),
    ]
    .spacing(12)
    .padding([0, 4])
    .into()
}

fn why_line<'a>(who: &str, from: &str, to: &str, why: &str) -> Element<'a, Message> {
    let reason = if why.trim().is_empty() {
        text(strings::PANEL_NO_REASON.to_string())
            .size(theme::SMALL)
            .style(theme::danger_text)
    } else {
        text(why.to_string()).size(theme::SMALL)
    };
    column![
        text(strings::panel_changed_from(who, from, to))
            .size(theme::SMALL)
            .font(bold()),
        reason
    ]
    .spacing(1)
    .into()
}

/// The difference between the rounds, as a mixed fraction with a sign.
fn difference(one: &Exact, two: &Exact) -> String {
    match one.cmp(two) {
        std::cmp::Ordering::Less => strings::panel_difference(Some(true), &mixed(&(*two - *one))),
        std::cmp::Ordering::Greater => {
            strings::panel_difference(Some(false), &mixed(&(*one - *two)))
        }
        std::cmp::Ordering::Equal => strings::panel_difference(None, ""),
    }
}

fn diff_cell<'a>(diff: impl text::IntoFragment<'a>, changed: bool) -> Element<'a, Message> {
    text(diff)
        .style(if changed {
            theme::primary_text
        } else {
            theme::muted
        })
        .font(if changed { bold() } else { theme::FONT })
        .into()
}

fn no_notes<'a>() -> Element<'a, Message> {
    text(strings::PANEL_NO_NOTES)
        .size(theme::SMALL)
        .style(theme::muted)
        .into()
}
