//! The chart pane of the ranking: the chart with its legend and, beside it,
//! the detail panel with the numbers of the element under the pointer.

use iced::widget::canvas::Cache;
use iced::widget::{Id, column, container, row, scrollable, space, text};
use iced::{Alignment, Background, Border, Color, Element, Fill, Theme};

use super::{Message, State};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::badge;
use crate::ui::widget::chart::{self, Chart, Hit, Kind};
use crate::ui::{strings, theme};
use leidraad_core::dossier::Round;
use leidraad_core::scoring::{AppResult, Evaluation};
use leidraad_core::session::Session;

/// The tallest a chart gets before it scrolls on its own.
const CHART_MAX_H: f32 = 620.0;
const DETAIL_W: f32 = 340.0;
const DETAIL_MIN_H: f32 = 340.0;
/// The container right around the chart's canvas.
pub const CHART: &str = "ranking-chart";

impl State {
    /// The chart model of the shown round, once `refresh` built it.
    pub fn chart_model(&self) -> Option<&chart::Model> {
        self.charts.as_ref().map(|(_, _, m)| m)
    }

    pub(super) fn cache(&self, kind: Kind) -> &Cache {
        &self.caches[match kind {
            Kind::Bars => 0,
            Kind::Heat => 1,
            Kind::Rounds => 2,
        }]
    }

    /// A chart with its legend and, beside it, the numbers of the element
    /// under the pointer.
    pub(super) fn chart<'a>(
        &'a self,
        session: &'a Session,
        eval: &'a Evaluation,
        kind: Kind,
    ) -> Element<'a, Message> {
        let Some(model) = self.chart_model() else {
            return column![].into();
        };
        let (intro, empty) = match kind {
            Kind::Bars => (strings::bars_intro(model.threshold), strings::NO_RANKED),
            Kind::Heat => (strings::HEAT_INTRO.to_string(), strings::NO_RANKED),
            Kind::Rounds => (strings::ROUNDS_INTRO.to_string(), strings::NO_PAIRS),
        };
        let mut c = column![text(intro).style(theme::muted)].spacing(8);
        if model.rows(kind) == 0 {
            return c
                .push(
                    container(text(empty))
                        .padding(12)
                        .width(Fill)
                        .style(theme::notice_info),
                )
                .into();
        }
        c = c.push(legend(model, kind));
        let canvas = Chart {
            model,
            kind,
            cache: self.cache(kind),
            hover: self.hover,
            on_hover: Message::Hover,
            max_height: CHART_MAX_H,
        }
        .view();
        // The row is as tall as the chart and at least DETAIL_MIN_H, so
        // pointing at something never moves the page; a long detail
        // scrolls inside its panel.
        let height = (model.height(kind).min(CHART_MAX_H) + 18.0).max(DETAIL_MIN_H);
        let chart = container(container(canvas).id(Id::new(CHART)))
            .padding(8)
            .width(Fill)
            .height(Fill)
            .style(theme::card);
        let detail = container(
            scrollable(self.detail(session, eval, model, kind))
                .height(Fill)
                .width(Fill),
        )
        .padding(12)
        .width(DETAIL_W)
        .height(Fill)
        .style(theme::card);
        c.push(row![chart, detail].spacing(12).height(height))
            .into()
    }

    /// The numbers behind the hovered chart element.
    fn detail<'a>(
        &'a self,
        session: &'a Session,
        eval: &'a Evaluation,
        model: &'a chart::Model,
        kind: Kind,
    ) -> Element<'a, Message> {
        let hint = match kind {
            Kind::Bars => strings::HOVER_BARS,
            Kind::Heat => strings::HOVER_HEAT,
            Kind::Rounds => strings::HOVER_ROUNDS,
        };
        let Some(hit) = self.hover else {
            return text(hint).style(theme::muted).into();
        };
        let row_of = match hit {
            Hit::Segment { row, .. } | Hit::Cell { row, .. } | Hit::Pair { row } => row,
        };
        let Some(id) = model.application(kind, row_of) else {
            return text(hint).style(theme::muted).into();
        };
        let Some(app) = eval.get(id) else {
            return text(hint).style(theme::muted).into();
        };
        let title = column![
            text(format!("{} {}", app.id, app.region))
                .size(theme::HEADING)
                .font(bold()),
        ];
        let c = column![title].spacing(6);
        match hit {
            Hit::Segment { group, .. } => detail_segment(c, session, model, app, group),
            Hit::Cell { criterion, .. } => {
                detail_cell(c, session, self.round, model, app, criterion)
            }
            Hit::Pair { row } => detail_pair(c, session, model, row),
        }
        .into()
    }
}

/// The detail of a bar segment: the group's subtotal and its criteria.
fn detail_segment<'a>(
    mut c: iced::widget::Column<'a, Message>,
    session: &'a Session,
    model: &'a chart::Model,
    app: &'a AppResult,
    group: usize,
) -> iced::widget::Column<'a, Message> {
    let Some(g) = session.rubric().groups.get(group) else {
        return c;
    };
    let info = &model.groups[group];
    let value = app.groups.get(group).map(|t| t.total).unwrap_or_default();
    c = c.push(
        row![
            container(space().width(14).height(14)).style(swatch(chart::group_color(group))),
            text(&g.name).font(bold()),
        ]
        .spacing(6)
        .align_y(Alignment::Center),
    );
    c = c.push(text(strings::chart_of_cap(&value, info.cap)).size(theme::HEADING));
    if let Some(t) = app.total {
        c = c.push(text(strings::chart_total(&t, model.max)).style(theme::muted));
    }
    c = c.push(
        text(strings::CHART_CRITERIA_IN_GROUP)
            .size(theme::SMALL)
            .font(bold()),
    );
    for crit in &g.criteria {
        let v = app
            .criteria
            .iter()
            .find(|f| f.id == crit.id)
            .and_then(|f| f.value);
        c = c.push(
            row![
                text(format!("{} {}", crit.id, crit.name))
                    .size(theme::SMALL)
                    .width(Fill),
                text(v.map_or(strings::NO_TOTAL.to_string(), |v| {
                    strings::chart_of_cap(&v, crit.cap)
                }))
                .size(theme::SMALL)
                .font(bold()),
            ]
            .spacing(6),
        );
    }
    c
}

/// The detail of a heat map cell: the criterion's final, and what the
/// consensus and each assessor said.
fn detail_cell<'a>(
    mut c: iced::widget::Column<'a, Message>,
    session: &'a Session,
    round: Round,
    model: &'a chart::Model,
    app: &'a AppResult,
    criterion: usize,
) -> iced::widget::Column<'a, Message> {
    let Some(info) = model.criteria.get(criterion) else {
        return c;
    };
    let Some(f) = app.criteria.iter().find(|f| f.id == info.id) else {
        return c;
    };
    c = c.push(text(format!("{} {}", info.id, info.name)).font(bold()));
    c = c.push(
        text(f.value.map_or(strings::NO_TOTAL.to_string(), |v| {
            strings::chart_of_cap(&v, info.cap)
        }))
        .size(theme::HEADING),
    );
    c = c.push(
        text(if f.from_consensus {
            strings::CHART_FROM_CONSENSUS.to_string()
        } else {
            strings::chart_mean_of(app.assessors)
        })
        .size(theme::SMALL)
        .style(theme::muted),
    );
    if f.from_consensus
        && let Some(m) = session
            .dossier()
            .recorded_consensus_for(&app.id, round)
            .and_then(|k| k.criteria.get(&info.id))
            .map(|s| s.motivation.as_str())
            .filter(|m| !m.trim().is_empty())
    {
        c = c.push(motivation(strings::CHART_CONSENSUS.to_string(), m));
    }
    for (name, points) in app.assessor_points(f) {
        let said = session
            .dossier()
            .assessment(&app.id, name, round)
            .and_then(|a| a.criteria.get(&info.id))
            .map(|s| s.motivation.as_str())
            .unwrap_or("");
        let head = format!(
            "{name}: {}",
            points.map_or(strings::CHART_NOT_SCORED.to_string(), |p| p.to_string())
        );
        c = c.push(motivation(head, said));
    }
    c
}

/// The detail of a row of the round chart: both totals, the difference,
/// and the outcome of round 2.
fn detail_pair<'a>(
    mut c: iced::widget::Column<'a, Message>,
    session: &'a Session,
    model: &'a chart::Model,
    row: usize,
) -> iced::widget::Column<'a, Message> {
    let Some(p) = model.pairs.get(row) else {
        return c;
    };
    c = c.push(
        row![
            container(space().width(12).height(12)).style(ring(chart::ROUND_ONE)),
            text(strings::chart_round_total(Round::One, &p.one)),
        ]
        .spacing(6)
        .align_y(Alignment::Center),
    );
    c = c.push(
        row![
            container(space().width(12).height(12)).style(disc(chart::ROUND_TWO)),
            text(strings::chart_round_total(Round::Two, &p.two)),
        ]
        .spacing(6)
        .align_y(Alignment::Center),
    );
    c = c.push(text(strings::chart_difference(&p.one, &p.two)).font(bold()));
    // The outcome of round 2, whichever round the table shows.
    if let Some(b) = session.evaluation(Round::Two).get(&p.id) {
        c = c.push(badge::status(b.status));
    }
    c
}

fn swatch(color: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(color)),
        border: Border {
            color: Color::from_rgba(0.0, 0.0, 0.0, 0.35),
            width: 1.0,
            radius: 2.0.into(),
        },
        ..container::Style::default()
    }
}

fn disc(color: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(color)),
        border: Border {
            radius: 6.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

fn ring(color: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border {
            color,
            width: 3.0,
            radius: 6.0.into(),
        },
        ..container::Style::default()
    }
}

/// The key to a chart's colours.
fn legend<'a>(model: &'a chart::Model, kind: Kind) -> Element<'a, Message> {
    let item = |sw: Element<'a, Message>, label: String| -> Element<'a, Message> {
        row![sw, text(label).size(theme::SMALL)]
            .spacing(6)
            .align_y(Alignment::Center)
            .into()
    };
    let items: Vec<Element<'a, Message>> = match kind {
        Kind::Bars => model
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                item(
                    container(space().width(14).height(14))
                        .style(swatch(chart::group_color(i)))
                        .into(),
                    format!("{} ({})", g.name, strings::cap_short(g.cap)),
                )
            })
            .collect(),
        Kind::Heat => {
            let mut v = vec![
                text(strings::HEAT_LEGEND_LOW).size(theme::SMALL).into(),
                space().width(4).into(),
            ];
            for k in 0..=10 {
                v.push(
                    container(space().width(18).height(14))
                        .style(swatch(chart::heat_color(k as f32 / 10.0)))
                        .into(),
                );
            }
            v.push(space().width(4).into());
            v.push(text(strings::HEAT_LEGEND_HIGH).size(theme::SMALL).into());
            return row(v).spacing(2).align_y(Alignment::Center).into();
        }
        Kind::Rounds => vec![
            item(
                container(space().width(12).height(12))
                    .style(ring(chart::ROUND_ONE))
                    .into(),
                strings::LEGEND_ROUND_ONE.to_string(),
            ),
            item(
                container(space().width(12).height(12))
                    .style(disc(chart::ROUND_TWO))
                    .into(),
                strings::LEGEND_ROUND_TWO.to_string(),
            ),
        ],
    };
    row(items).spacing(16).wrap().into()
}

/// An assessor's points and motivation in the detail panel.
fn motivation<'a>(head: String, said: &'a str) -> Element<'a, Message> {
    column![
        text(head).size(theme::SMALL).font(bold()),
        if said.trim().is_empty() {
            text(strings::CHART_NO_MOTIVATION)
                .size(theme::SMALL)
                .style(theme::muted)
        } else {
            text(said).size(theme::SMALL)
        },
    ]
    .spacing(2)
    .into()
}
