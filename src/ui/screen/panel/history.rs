//! The history tab: the application's audit log, newest first, with the
//! changes the viewer may not see yet (blind scoring) left out.

use iced::widget::{Id, column, container, row, rule, text, tooltip};
use iced::{Element, Fill, FillPortion, Theme};

use super::{Message, State, info, plain};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::audit::{self, Entry};
use leidraad_core::dossier::Round;
use leidraad_core::panel as panel_rules;
use leidraad_core::rubric::{Rubric, Scale};
use leidraad_core::session::Session;

/// Old and new values in the history longer than this are cut short.
const SHORT: usize = 60;

/// At most this many history rows are drawn (the newest).
const HISTORY_ROWS: usize = 500;

impl State {
    /// The application's audit log, newest first. Changes to scores the
    /// viewer may not see yet (blind scoring) are left out.
    pub(super) fn history_tab<'a>(
        &'a self,
        session: &'a Session,
        viewer: &'a str,
    ) -> Element<'a, Message> {
        let dossier = session.dossier();
        let sees = |r: Round| panel_rules::may_see_others(dossier, viewer, &self.application, r);
        let sees = [sees(Round::One), sees(Round::Two)];
        let visible = |e: &Entry| match e.round {
            None => true,
            Some(_) if !e.subject.is_empty() && e.subject == viewer.trim() => true,
            Some(Round::One) => sees[0],
            Some(Round::Two) => sees[1],
        };
        let all: Vec<&Entry> = audit::history(dossier, &self.application).collect();
        let shown: Vec<&Entry> = all.iter().rev().copied().filter(|e| visible(e)).collect();
        let hidden = shown.len() < all.len();

        let mut out = column![].spacing(8);
        if hidden {
            out = out.push(info(strings::PANEL_HISTORY_HIDDEN));
        }
        if shown.is_empty() {
            out = out.push(
                text(strings::PANEL_NO_HISTORY)
                    .size(theme::TEXT)
                    .style(theme::muted),
            );
            return out.into();
        }
        if shown.len() > HISTORY_ROWS {
            out = out.push(
                text(strings::panel_history_more(HISTORY_ROWS, shown.len()))
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        let head = |s: &'a str, w: iced::Length| text(s).size(theme::SMALL).font(bold()).width(w);
        let mut table = column![
            row![
                head(strings::PANEL_COL_WHEN, 130.into()),
                head(strings::PANEL_COL_WHO, FillPortion(2)),
                head(strings::PANEL_COL_ROUND, 56.into()),
                head(strings::PANEL_COL_SUBJECT, FillPortion(2)),
                head(strings::PANEL_COL_CRITERION, FillPortion(3)),
                head(strings::PANEL_COL_WHAT, 130.into()),
                head(strings::PANEL_COL_CHANGE, FillPortion(5)),
            ]
            .spacing(10)
            .padding([0, 4]),
            rule::horizontal(1),
        ]
        .spacing(6);
        for (i, e) in shown.iter().take(HISTORY_ROWS).enumerate() {
            table = table.push(history_row(i, e, session.rubric()));
        }
        out.push(container(table).padding(12).width(Fill).style(theme::card))
            .padding(iced::padding::bottom(24))
            .into()
    }
}

/// Row `i` of the history table (odd rows striped).
fn history_row<'a>(i: usize, e: &Entry, rubric: &Rubric) -> Element<'a, Message> {
    let subject = if e.subject == audit::CONSENSUS {
        strings::PANEL_SUBJECT_CONSENSUS.to_string()
    } else {
        e.subject.clone()
    };
    let cell = |s: String, w: iced::Length| text(s).size(theme::SMALL).width(w);
    let line = row![
        cell(strings::date_time(&e.at), 130.into()),
        cell(e.by.clone(), FillPortion(2)),
        cell(
            e.round.map_or(String::new(), |r| r.number().to_string()),
            56.into()
        ),
        cell(subject, FillPortion(2)),
        cell(
            e.criterion
                .as_ref()
                .map_or(String::new(), |c| criterion_label(rubric, c.as_str())),
            FillPortion(3)
        ),
        cell(strings::audit_field_of(e).to_string(), 130.into()),
        container(change(e, rubric)).width(FillPortion(5)),
    ]
    .spacing(10);
    container(line)
        .padding([3, 4])
        .width(Fill)
        .style(if i % 2 == 1 { striped } else { plain })
        .id(Id::from(format!("history-{i}")))
        .into()
}

/// Old → new of a history entry, long texts cut short with the full text
/// in a tooltip.
fn change<'a>(e: &Entry, rubric: &Rubric) -> Element<'a, Message> {
    let (old, new) = (readable(rubric, e, &e.old), readable(rubric, e, &e.new));
    let e = &Entry {
        old,
        new,
        ..e.clone()
    };
    let long = e.old.chars().count() > SHORT || e.new.chars().count() > SHORT;
    // Two long texts that start alike: show where they differ.
    let skip = if long {
        shared_start(&e.old, &e.new)
    } else {
        0
    };
    let shown = |s: &str| {
        if s.is_empty() {
            strings::PANEL_EMPTY_VALUE.to_string()
        } else if skip > 0 {
            format!("…{}", short(&s.chars().skip(skip).collect::<String>()))
        } else {
            short(s)
        }
    };
    let line = format!("{} → {}", shown(&e.old), shown(&e.new));
    let t = text(line).size(theme::SMALL);
    if !long {
        return t.into();
    }
    let whole = |s: &str| {
        if s.is_empty() {
            strings::PANEL_EMPTY_VALUE.to_string()
        } else {
            s.to_string()
        }
    };
    let full = column![
        text(strings::PANEL_OLD).size(theme::SMALL).font(bold()),
        text(whole(&e.old)).size(theme::SMALL),
        text(strings::PANEL_NEW).size(theme::SMALL).font(bold()),
        text(whole(&e.new)).size(theme::SMALL),
    ]
    .spacing(2)
    .max_width(520);
    tooltip(
        t,
        container(full).padding(8).style(theme::card),
        tooltip::Position::Bottom,
    )
    .into()
}

/// A criterion or knock-out as people know it: its number and name
/// ("C5 · Inhoudelijke vraagstukken"); the id alone when the rubric has no
/// such criterion.
pub fn criterion_label(rubric: &Rubric, id: &str) -> String {
    let name = rubric
        .knockout(id)
        .map(|k| k.name.as_str())
        .or_else(|| rubric.criterion(id).map(|c| c.name.as_str()));
    match name {
        Some(n) => strings::criterion_label(id, n),
        None => id.to_string(),
    }
}

/// A logged value as people read it: the items of a checklist criterion by
/// their names ("Financiën 2" for the log's "financien 2"). The log keeps
/// the ids (its text is part of the chain of hashes).
pub fn readable(rubric: &Rubric, e: &Entry, logged: &str) -> String {
    let scale = match (&e.field, &e.criterion) {
        (audit::Field::Score, Some(c)) => rubric.criterion(c.as_str()).map(|c| &c.scale),
        _ => None,
    };
    let Some(scale @ Scale::Items { .. }) = scale else {
        return logged.to_string();
    };
    logged
        .split(", ")
        .map(|part| match part.rsplit_once(' ') {
            Some((id, n)) => match scale.item(id) {
                Some(item) => format!("{} {n}", item.name),
                None => part.to_string(),
            },
            None => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many leading characters two texts share, less a little context;
/// 0 when that is not worth skipping.
fn shared_start(a: &str, b: &str) -> usize {
    const CONTEXT: usize = 12;
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if common > 2 * CONTEXT {
        common - CONTEXT
    } else {
        0
    }
}

/// A text cut at `SHORT` characters, with an ellipsis.
fn short(s: &str) -> String {
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= SHORT {
        return one_line;
    }
    let cut: String = one_line.chars().take(SHORT).collect();
    format!("{}…", cut.trim_end())
}

fn striped(_t: &Theme) -> container::Style {
    container::Style {
        background: Some(iced::Background::Color(iced::Color::from_rgb(
            0.96, 0.97, 0.98,
        ))),
        ..container::Style::default()
    }
}
