//! The sortable ranking table: its columns and sort order, the header that
//! sorts, the rows, and the threshold and award lines drawn in rank order.

use std::cmp::Ordering;

use iced::widget::{Id, button, column, container, responsive, row, rule, space, text};
use iced::{Alignment, Element, Fill, Length, Theme};

use super::{Message, State};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::badge;
use crate::ui::{measure, strings, theme};
use leidraad_core::dossier::Round;
use leidraad_core::scoring::{AppResult, Evaluation, Status};
use leidraad_core::session::Session;

/// A column of the ranking table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Rank,
    Region,
    Total,
    Status,
    FailedKo,
    /// The subtotal of a criterion group, by its index in the rubric.
    Group(usize),
    Assessors,
    Consensus,
}

impl Column {
    /// The direction of the first click: names and places from the top,
    /// numbers from the highest.
    pub(super) fn first_descending(self) -> bool {
        !matches!(self, Column::Rank | Column::Region | Column::Status)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// Rank order, as `scoring::evaluate` gives it: the only order in which
    /// the threshold and award lines are drawn.
    pub const RANK: Sort = Sort {
        column: Column::Rank,
        descending: false,
    };
}

impl State {
    /// The rows of the table in the chosen order. In rank order the ranked
    /// applications come first and the unranked after them (as `evaluate`
    /// gives them); any other column sorts all of them together, with
    /// empty values last in both directions and rank order between equals.
    pub fn sorted<'e>(&self, eval: &'e Evaluation) -> Vec<&'e AppResult> {
        sort_results(&eval.applications, self.sort)
    }

    /// The table in the chosen order; in rank order with the award and
    /// threshold lines.
    pub(super) fn table<'a>(
        &'a self,
        session: &'a Session,
        eval: &'a Evaluation,
    ) -> Element<'a, Message> {
        let mut rows = column![
            row(self.header(session))
                .spacing(COL_SPACING)
                .padding([6, 10])
                .align_y(Alignment::End),
            rule::horizontal(1)
        ];
        if eval.applications.iter().all(|a| !a.status.is_ranked()) {
            rows = rows.push(
                container(text(strings::NO_RANKED))
                    .padding(12)
                    .width(Fill)
                    .style(theme::notice_info),
            );
        }
        let id_width = measure::column(
            eval.applications.iter().map(|a| a.id.0.as_str()),
            theme::SMALL,
            false,
            0.0,
        );
        if self.sort != Sort::RANK {
            for a in self.sorted(eval) {
                rows = rows.push(result_row(a, id_width));
            }
            return column![
                text(strings::LINES_ONLY_BY_RANK)
                    .size(theme::SMALL)
                    .style(theme::warning_text),
                container(rows).width(Fill).padding(4).style(theme::card),
            ]
            .spacing(6)
            .into();
        }
        let rows = self.rank_rows(rows, eval, id_width);
        column![
            text(strings::SORT_HINT)
                .size(theme::SMALL)
                .style(theme::muted),
            container(rows).width(Fill).padding(4).style(theme::card),
        ]
        .spacing(6)
        .into()
    }

    /// The header cells: a button per column that sorts by it, with an
    /// arrow on the column sorted by.
    fn header<'a>(&self, session: &'a Session) -> Vec<Element<'a, Message>> {
        let sorted_by = |c: Column| (self.sort.column == c).then_some(self.sort.descending);
        // The arrow is a small text of its own, so a sorted header needs
        // hardly more room than an unsorted one.
        let arrow = |c: Column| -> Element<'a, Message> {
            match sorted_by(c) {
                Some(d) => text(strings::sort_arrow(d)).size(SORT_ARROW).into(),
                None => space().width(0).into(),
            }
        };
        let head = |label: &'a str, c: Column, w: Length| -> Element<'a, Message> {
            button(
                row![text(label).size(theme::SMALL).font(bold()), arrow(c)]
                    .spacing(2)
                    .align_y(Alignment::Center),
            )
            .padding(0)
            .width(w)
            .style(sort_button)
            .on_press(Message::Sort(c))
            .into()
        };
        let mut header: Vec<Element<'a, Message>> = vec![
            head(strings::COL_RANK, Column::Rank, Length::Fixed(COL_RANK)),
            head(strings::COL_REGION, Column::Region, Fill),
            head(strings::COL_TOTAL, Column::Total, Length::Fixed(COL_TOTAL)),
            head(
                strings::COL_STATUS,
                Column::Status,
                Length::Fixed(COL_STATUS),
            ),
            head(
                strings::COL_FAILED_KO,
                Column::FailedKo,
                Length::Fixed(COL_KO),
            ),
        ];
        for (i, g) in session.rubric().groups.iter().enumerate() {
            let cap: u32 = g.criteria.iter().map(|c| c.cap).sum();
            header.push(
                button(
                    column![
                        text(&g.name)
                            .size(group_head_size(&g.name))
                            .font(bold())
                            .width(Fill)
                            .align_x(iced::alignment::Horizontal::Right),
                        row![
                            text(strings::cap_short(cap))
                                .size(GROUP_HEAD)
                                .style(theme::muted),
                            arrow(Column::Group(i)),
                        ]
                        .spacing(2)
                        .align_y(Alignment::Center),
                    ]
                    .width(Fill)
                    .align_x(iced::alignment::Horizontal::Right),
                )
                .padding(0)
                .width(COL_GROUP)
                .style(sort_button)
                .on_press(Message::Sort(Column::Group(i)))
                .into(),
            );
        }
        header.push(head(
            strings::COL_ASSESSORS,
            Column::Assessors,
            Length::Fixed(COL_N),
        ));
        header.push(head(
            strings::COL_CONSENSUS,
            Column::Consensus,
            Length::Fixed(COL_CONS),
        ));
        header
    }

    /// The rows in rank order: the ranked applications with the award and
    /// threshold lines drawn between them, then the unranked ones.
    fn rank_rows<'a>(
        &self,
        mut rows: iced::widget::Column<'a, Message>,
        eval: &'a Evaluation,
        id_width: f32,
    ) -> iced::widget::Column<'a, Message> {
        let ranked: Vec<&AppResult> = eval
            .applications
            .iter()
            .filter(|a| a.status.is_ranked())
            .collect();
        // The award line lies after the last awarded or tied application;
        // the threshold line before the first one below the threshold.
        let award_after = (self.round == Round::Two)
            .then(|| {
                ranked
                    .iter()
                    .rposition(|a| matches!(a.status, Status::Awarded | Status::Tie))
            })
            .flatten();
        let threshold_after = ranked
            .iter()
            .rposition(|a| a.status != Status::BelowThreshold);
        let any_below = ranked.iter().any(|a| a.status == Status::BelowThreshold);
        if self.round == Round::Two && award_after.is_none() && !ranked.is_empty() {
            rows = rows.push(line(strings::award_line(eval.award_count), Line::Award));
        }
        if any_below && threshold_after.is_none() {
            rows = rows.push(line(
                strings::threshold_line(eval.threshold),
                Line::Threshold,
            ));
        }
        for (i, a) in ranked.iter().enumerate() {
            rows = rows.push(result_row(a, id_width));
            if award_after == Some(i) {
                rows = rows.push(line(strings::award_line(eval.award_count), Line::Award));
            }
            if any_below && threshold_after == Some(i) {
                rows = rows.push(line(
                    strings::threshold_line(eval.threshold),
                    Line::Threshold,
                ));
            }
        }
        let unranked: Vec<&AppResult> = eval
            .applications
            .iter()
            .filter(|a| !a.status.is_ranked())
            .collect();
        if !unranked.is_empty() {
            rows = rows.push(line(strings::NOT_RANKED.to_string(), Line::Plain));
            for a in unranked {
                rows = rows.push(result_row(a, id_width));
            }
        }
        rows
    }
}

const COL_RANK: f32 = 60.0;
const COL_TOTAL: f32 = 62.0;
const COL_STATUS: f32 = 140.0;
const COL_KO: f32 = 58.0;
/// Wide enough for "22,33" and a two-line group name in `GROUP_HEAD`;
/// narrower leaves the region too little room at 1280 pixels.
const COL_GROUP: f32 = 76.0;
const GROUP_HEAD: f32 = 10.0;

/// The text size of a group's name in the header: GROUP_HEAD, or smaller
/// when its longest word would not fit the column ("Samenwerking" ran
/// into "Stevige basis" beside it at 1280 px).
fn group_head_size(name: &str) -> f32 {
    let widest = name
        .split_whitespace()
        .map(|word| crate::ui::measure::width(word, GROUP_HEAD, true))
        .fold(0.0, f32::max);
    if widest <= COL_GROUP - 2.0 {
        GROUP_HEAD
    } else {
        (GROUP_HEAD * (COL_GROUP - 2.0) / widest).max(8.0)
    }
}
const COL_N: f32 = 64.0;
const COL_CONS: f32 = 86.0;
const SORT_ARROW: f32 = 10.0;
/// Between the columns of the table.
const COL_SPACING: f32 = 6.0;

/// The order of statuses when sorting by status: the best outcome first.
fn status_order(s: Status) -> u8 {
    match s {
        Status::Awarded => 0,
        Status::Tie => 1,
        Status::Provisional => 2,
        Status::Invited => 2,
        Status::NotAwarded => 3,
        Status::BelowThreshold => 4,
        Status::NotInvited => 5,
        Status::Rejected => 6,
        Status::Incomplete => 7,
    }
}

/// Compare two optional keys: `None` last in both directions.
fn by<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            if descending {
                b.cmp(&a)
            } else {
                a.cmp(&b)
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The results in the order of `sort` (see [`State::sorted`]). `apps` is in
/// the evaluation's order, which breaks every tie (the sort is stable).
pub fn sort_results(apps: &[AppResult], sort: Sort) -> Vec<&AppResult> {
    let mut v: Vec<&AppResult> = apps.iter().collect();
    let d = sort.descending;
    match sort.column {
        Column::Rank => {
            if d {
                // Ranked from the bottom up; the unranked stay below.
                let split = v
                    .iter()
                    .position(|a| !a.status.is_ranked())
                    .unwrap_or(v.len());
                v[..split].reverse();
            }
        }
        Column::Region => v.sort_by(|a, b| {
            by(
                Some((a.region.to_lowercase(), &a.id)),
                Some((b.region.to_lowercase(), &b.id)),
                d,
            )
        }),
        Column::Total => v.sort_by(|a, b| by(a.total, b.total, d)),
        Column::Status => v.sort_by(|a, b| {
            by(
                Some(status_order(a.status)),
                Some(status_order(b.status)),
                d,
            )
        }),
        Column::FailedKo => v.sort_by(|a, b| {
            by(
                (!a.failed_ko.is_empty()).then_some(a.failed_ko.len()),
                (!b.failed_ko.is_empty()).then_some(b.failed_ko.len()),
                d,
            )
        }),
        Column::Group(i) => {
            // As in the table: a subtotal only where the total is known.
            let key = |a: &AppResult| a.total.and(a.groups.get(i).map(|g| g.total));
            v.sort_by(|a, b| by(key(a), key(b), d));
        }
        Column::Assessors => v.sort_by(|a, b| by(Some(a.assessors), Some(b.assessors), d)),
        Column::Consensus => v.sort_by(|a, b| by(Some(a.consensus), Some(b.consensus), d)),
    }
    v
}

/// A column header that sorts: plain text that turns blue under the
/// pointer.
fn sort_button(theme: &Theme, status: button::Status) -> button::Style {
    let p = theme.palette();
    button::Style {
        background: None,
        text_color: match status {
            button::Status::Hovered | button::Status::Pressed => p.primary,
            _ => p.text,
        },
        ..button::Style::default()
    }
}

/// The id over the region: the id whole, the region on at most two lines,
/// shortened with "…" where the column is too narrow (the application's
/// screen shows it whole). The column takes the room the fixed columns
/// leave; where that is less than the widest id (`id_width`), the ids are
/// shortened too rather than run into the totals (at 1280 pixels the
/// column is narrow, yet a twelve-character id still fits).
fn region_cell<'a>(a: &'a AppResult, id_width: f32) -> Element<'a, Message> {
    container(
        responsive(move |size| {
            let room = size.width.max(0.0);
            let id = if id_width <= room {
                a.id.0.as_str().into()
            } else {
                measure::ellipsize(&a.id.0, theme::SMALL, false, room)
            };
            let region = measure::wrap(&a.region, measure::BODY, true, room, 2);
            column![
                text(id.into_owned())
                    .size(theme::SMALL)
                    .style(theme::muted)
                    .wrapping(text::Wrapping::None),
            ]
            .extend(region.into_iter().map(|line| {
                text(line)
                    .font(bold())
                    .wrapping(text::Wrapping::None)
                    .into()
            }))
            .into()
        })
        .height(Length::Shrink),
    )
    .width(Fill)
    .into()
}

fn result_row<'a>(a: &'a AppResult, id_width: f32) -> Element<'a, Message> {
    let right = |s: String, w: f32| text(s).width(w).align_x(iced::alignment::Horizontal::Right);
    let mut cells: Vec<Element<'a, Message>> = vec![
        right(
            a.rank.map_or(String::new(), |r| r.to_string()),
            COL_RANK - 12.0,
        )
        .into(),
        // With the spacing on both sides this keeps the rank column as
        // wide as its header.
        space().width(12.0 - COL_SPACING).into(),
        region_cell(a, id_width),
        right(
            a.total
                .map_or(strings::NO_TOTAL.to_string(), |t| t.to_dutch()),
            COL_TOTAL,
        )
        .font(bold())
        .into(),
        container(badge::status(a.status)).width(COL_STATUS).into(),
        text(
            a.failed_ko
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
        .style(theme::danger_text)
        .width(COL_KO)
        .into(),
    ];
    for g in &a.groups {
        // Subtotals only where the total is known: a partial sum would
        // read as a score.
        let shown = match a.total {
            Some(_) => g.total.to_dutch_short(),
            None => String::new(),
        };
        cells.push(right(shown, COL_GROUP).into());
    }
    cells.push(right(a.assessors.to_string(), COL_N).into());
    cells.push(
        text(if a.consensus {
            strings::YES
        } else {
            strings::NO
        })
        .width(COL_CONS)
        .into(),
    );
    let style: fn(&iced::Theme) -> container::Style = if a.status == Status::Tie {
        theme::card_focused
    } else {
        theme::card
    };
    container(
        row(cells)
            .spacing(COL_SPACING)
            .padding([6, 10])
            .align_y(Alignment::Center),
    )
    .id(Id::from(format!("ranking-row-{}", a.id)))
    .style(style)
    .into()
}

enum Line {
    Award,
    Threshold,
    Plain,
}

/// A line across the table with its label.
fn line<'a>(label: String, kind: Line) -> Element<'a, Message> {
    let tone = match kind {
        Line::Award => theme::Tone::Good,
        Line::Threshold => theme::Tone::Warn,
        Line::Plain => theme::Tone::Neutral,
    };
    row![
        container(space().height(2))
            .width(Fill)
            .style(theme::tone_box(tone)),
        container(text(label).size(theme::SMALL).font(bold()))
            .padding([1, 8])
            .style(theme::tone_box(tone)),
        container(space().height(2))
            .width(40)
            .style(theme::tone_box(tone)),
    ]
    .spacing(6)
    .padding([4, 10])
    .align_y(Alignment::Center)
    .into()
}
