//! The ranking of a round for programme staff: the table from
//! `scoring::evaluate` with the threshold and the award line drawn in it,
//! tie groups with "besluit vastleggen", the sensitivity of the round-2
//! ranking, and the budget over the awarded applications. The table sorts
//! by any column; charts (stacked bars, a heat map, round 1 against round 2)
//! show the same finals on a canvas.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;
use iced::widget::canvas::Cache;
use iced::widget::{Id, button, column, container, row, rule, scrollable, space, text, text_input};
use iced::{Alignment, Background, Border, Color, Element, Fill, Length, Theme};

use crate::ui::screen::scoring::bold;
use crate::ui::widget::badge;
use crate::ui::widget::bar;
use crate::ui::widget::chart::{self, Chart, Hit, Kind};
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::allocation::{self, Rule};
use leidraad_core::dossier::{ApplicationId, Decision, DecisionKind, Round};
use leidraad_core::scoring::{AppResult, Evaluation, Status, TieGroup};
use leidraad_core::sensitivity;
use leidraad_core::session::Session;

pub const SCROLL: &str = "ranking-scroll";
/// How many sensitivity findings are listed by name.
const FINDINGS_SHOWN: usize = 8;

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
    Back,
    /// Open the decision form of a tie group.
    StartTie(u32),
    ToggleTie(ApplicationId),
    TieMotivation(String),
    RecordTie,
    CancelTie,
    Proposal(Rule),
    Amount(ApplicationId, String),
    AllocationMotivation(String),
    RecordAllocation,
    ExportCsv,
    /// Sort the table by a column; the same column again reverses.
    Sort(Column),
    Pane(Pane),
    /// The chart element under the pointer changed.
    Hover(Option<Hit>),
}

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
    fn first_descending(self) -> bool {
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

/// What the screen shows under the title: the table or one of the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Table,
    Chart(Kind),
}

pub enum Action {
    None,
    Back,
    /// The root asks where to save the scores of every round as CSV (the
    /// round-2 ranking rests on round 1, so both go together).
    ExportCsv,
    /// A decision was recorded: save now, not after the autosave pause.
    SaveNow,
}

/// The decision form of one tie group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieForm {
    pub group: u32,
    pub awarded: BTreeSet<ApplicationId>,
    pub motivation: String,
    pub error: Option<String>,
}

pub struct State {
    pub round: Round,
    pub tie: Option<TieForm>,
    /// The sensitivity of round 2, with the generation it was computed for.
    sensitivity: Option<(u64, sensitivity::Report)>,
    pub rule: Rule,
    /// The amounts as typed, per awarded application.
    pub amounts: BTreeMap<ApplicationId, String>,
    pub allocation_motivation: String,
    pub allocation_error: Option<String>,
    pub sort: Sort,
    pub pane: Pane,
    /// The chart element under the pointer.
    pub hover: Option<Hit>,
    /// The chart model with the generation and round it was built for.
    charts: Option<(u64, Round, chart::Model)>,
    /// The drawn charts (bars, heat map, rounds); cleared with the model.
    caches: [Cache; 3],
}

impl State {
    pub fn new(session: &Session, round: Round) -> State {
        let mut s = State {
            round,
            tie: None,
            sensitivity: None,
            rule: Rule::Equal,
            amounts: BTreeMap::new(),
            allocation_motivation: String::new(),
            allocation_error: None,
            sort: Sort::RANK,
            pane: Pane::Table,
            hover: None,
            charts: None,
            caches: Default::default(),
        };
        s.refresh(session);
        s.propose(session, Rule::Equal);
        s
    }

    /// Recompute what depends on the dossier when it changed.
    pub fn refresh(&mut self, session: &Session) {
        if self
            .sensitivity
            .as_ref()
            .is_none_or(|(g, _)| *g != session.generation())
        {
            let report = sensitivity::analyse(session.rubric(), session.dossier());
            self.sensitivity = Some((session.generation(), report));
        }
        if self
            .charts
            .as_ref()
            .is_none_or(|(g, r, _)| *g != session.generation() || *r != self.round)
        {
            let (one, two) = (
                session.evaluation(Round::One),
                session.evaluation(Round::Two),
            );
            let model = chart::Model::build(session.rubric(), self.round, one, two);
            self.charts = Some((session.generation(), self.round, model));
            for c in &self.caches {
                c.clear();
            }
            self.hover = None;
        }
    }

    /// The chart model of the shown round, once `refresh` built it.
    pub fn chart_model(&self) -> Option<&chart::Model> {
        self.charts.as_ref().map(|(_, _, m)| m)
    }

    fn cache(&self, kind: Kind) -> &Cache {
        &self.caches[match kind {
            Kind::Bars => 0,
            Kind::Heat => 1,
            Kind::Rounds => 2,
        }]
    }

    /// The rows of the table in the chosen order. In rank order the ranked
    /// applications come first and the unranked after them (as `evaluate`
    /// gives them); any other column sorts all of them together, with
    /// empty values last in both directions and rank order between equals.
    pub fn sorted<'e>(&self, eval: &'e Evaluation) -> Vec<&'e AppResult> {
        sort_results(&eval.applications, self.sort)
    }

    pub fn sensitivity(&self) -> Option<&sensitivity::Report> {
        self.sensitivity.as_ref().map(|(_, r)| r)
    }

    fn propose(&mut self, session: &Session, rule: Rule) {
        let recipients = allocation::recipients(session.rubric(), session.dossier());
        self.rule = rule;
        self.allocation_error = None;
        match allocation::propose(session.rubric().process.budget_eur, &recipients, rule) {
            Ok(p) => {
                self.amounts = p
                    .amounts
                    .into_iter()
                    .map(|(id, a)| (id, strings::thousands(a)))
                    .collect();
            }
            Err(e) => {
                self.amounts = recipients
                    .into_iter()
                    .map(|r| (r.id, String::new()))
                    .collect();
                if !matches!(e, allocation::AllocationError::NoRecipients) {
                    self.allocation_error = Some(strings::allocation_error(&e));
                }
            }
        }
    }

    /// The typed amounts as euros; None where a field is not a whole
    /// amount.
    pub fn parsed_amounts(&self) -> BTreeMap<ApplicationId, Option<u64>> {
        self.amounts
            .iter()
            .map(|(id, s)| {
                let v = if s.trim().is_empty() {
                    Some(0)
                } else {
                    strings::parse_whole(s)
                };
                (id.clone(), v)
            })
            .collect()
    }

    /// `user`: the window's user, recorded as who took a decision.
    pub fn update(&mut self, session: &mut Session, user: &str, message: Message) -> Action {
        match message {
            Message::Back => return Action::Back,
            Message::Round(r) => {
                self.round = r;
                self.tie = None;
                self.hover = None;
                self.refresh(session);
            }
            Message::Sort(column) => {
                self.sort = if self.sort.column == column {
                    Sort {
                        column,
                        descending: !self.sort.descending,
                    }
                } else {
                    Sort {
                        column,
                        descending: column.first_descending(),
                    }
                };
            }
            Message::Pane(p) => {
                self.pane = p;
                self.hover = None;
                // The canvas starts this chart at the top again.
                if let Pane::Chart(kind) = p {
                    self.cache(kind).clear();
                }
            }
            Message::Hover(h) => self.hover = h,
            Message::StartTie(group) => {
                self.tie = Some(TieForm {
                    group,
                    awarded: BTreeSet::new(),
                    motivation: String::new(),
                    error: None,
                });
            }
            Message::ToggleTie(id) => {
                if let Some(f) = &mut self.tie
                    && !f.awarded.remove(&id)
                {
                    f.awarded.insert(id);
                }
            }
            Message::TieMotivation(s) => {
                if let Some(f) = &mut self.tie {
                    f.motivation = s;
                }
            }
            Message::CancelTie => self.tie = None,
            Message::RecordTie => return self.record_tie(session, user),
            Message::Proposal(rule) => self.propose(session, rule),
            Message::Amount(id, s) => {
                self.amounts.insert(id, s);
                self.rule = Rule::Manual;
                self.allocation_error = None;
            }
            Message::AllocationMotivation(s) => self.allocation_motivation = s,
            Message::RecordAllocation => return self.record_allocation(session, user),
            Message::ExportCsv => return Action::ExportCsv,
        }
        Action::None
    }

    /// Record the tie decision of the form. The rules (a group that is
    /// tied now, as many awarded as places, a motivation) are the core's;
    /// the form only shows what it says.
    fn record_tie(&mut self, session: &mut Session, user: &str) -> Action {
        let Some(form) = &mut self.tie else {
            return Action::None;
        };
        let recorded = session.edit(|rubric, dossier| {
            leidraad_core::panel::break_tie(
                rubric,
                dossier,
                Round::Two,
                form.group,
                form.awarded.clone(),
                &form.motivation,
                user,
                Utc::now(),
            )
        });
        match recorded {
            Ok(()) => {
                self.tie = None;
                // The awarded set changed: propose the same rule again.
                self.propose(session, self.rule);
                // A decision is saved at once, not after the autosave pause.
                Action::SaveNow
            }
            Err(leidraad_core::panel::DecisionError::NoSuchTie { .. }) => {
                // The ranking moved: the form's group is gone.
                self.tie = None;
                Action::None
            }
            Err(e) => {
                form.error = Some(strings::decision_error(&e));
                Action::None
            }
        }
    }

    fn record_allocation(&mut self, session: &mut Session, user: &str) -> Action {
        let parsed = self.parsed_amounts();
        if parsed.values().any(Option::is_none) {
            self.allocation_error = Some(strings::NOT_A_WHOLE_AMOUNT.to_string());
            return Action::None;
        }
        let amounts: BTreeMap<ApplicationId, u64> = parsed
            .into_iter()
            .map(|(id, v)| (id, v.unwrap_or(0)))
            .collect();
        let rule = self.rule;
        let motivation = self.allocation_motivation.clone();
        let recorded = session.edit(|rubric, dossier| {
            allocation::record(
                rubric,
                dossier,
                amounts,
                rule,
                &motivation,
                user,
                Utc::now(),
            )
        });
        match recorded {
            Ok(()) => {
                self.allocation_error = None;
                Action::SaveNow
            }
            Err(e) => {
                self.allocation_error = Some(strings::allocation_error(&e));
                Action::None
            }
        }
    }

    /// `viewer`: the window's user. Blind scoring: an assessor who has not
    /// yet submitted every application of the round that holds someone
    /// else's work sees no ranking of that round.
    pub fn view<'a>(&'a self, session: &'a Session, viewer: &str) -> Element<'a, Message> {
        let rounds = scale::rounds("ranking-", self.round, true, Message::Round);
        let eval = session.evaluation(self.round);
        let blind = leidraad_core::panel::Blind::new(session.dossier(), viewer);
        let hidden = eval
            .applications
            .iter()
            .filter(|a| blind.hides(a, self.round))
            .count();
        if hidden > 0 {
            return column![
                bar::top(Message::Back, rounds, None),
                text(strings::RANKING).size(theme::TITLE).font(bold()),
                container(text(strings::ranking_blind(hidden, self.round)))
                    .padding(16)
                    .width(Fill)
                    .style(theme::notice_info),
            ]
            .spacing(12)
            .padding([16, 24])
            .into();
        }
        let mut page = column![
            bar::top(
                Message::Back,
                rounds,
                Some((strings::EXPORT_CSV, Some(Message::ExportCsv)))
            ),
            text(strings::RANKING).size(theme::TITLE).font(bold()),
            text(strings::ranking_intro(
                self.round,
                eval.threshold,
                eval.award_count
            ))
            .style(theme::muted),
            self.panes(),
            match self.pane {
                Pane::Table => self.table(session, eval),
                Pane::Chart(kind) => self.chart(session, eval, kind),
            },
        ]
        .spacing(12)
        .padding([16, 24]);

        if self.round == Round::Two {
            if !eval.ties.is_empty() {
                page = page.push(self.ties(session, eval));
            }
            page = page.push(decisions(session));
            page = page.push(self.sensitivity_view(session));
            page = page.push(self.budget(session));
        } else {
            page = page.push(
                text(strings::SENSITIVITY_ROUND_TWO)
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        scrollable(page).id(Id::new(SCROLL)).height(Fill).into()
    }

    /// The row of toggles between the table and the charts.
    fn panes(&self) -> Element<'_, Message> {
        let panes = [
            (Pane::Table, strings::TAB_TABLE, "table"),
            (Pane::Chart(Kind::Bars), strings::TAB_BARS, "bars"),
            (Pane::Chart(Kind::Heat), strings::TAB_HEAT, "heat"),
            (Pane::Chart(Kind::Rounds), strings::TAB_ROUNDS, "rounds"),
        ];
        row(panes.map(|(p, label, id)| {
            scale::choice(Choice {
                label: label.to_string(),
                id: format!("ranking-pane-{id}"),
                selected: self.pane == p,
                on_press: Some(Message::Pane(p)),
                style: None,
            })
        }))
        .spacing(6)
        .into()
    }

    fn table<'a>(&'a self, session: &'a Session, eval: &'a Evaluation) -> Element<'a, Message> {
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
                            .size(GROUP_HEAD)
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

        let mut rows = column![
            row(header)
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
        if self.sort != Sort::RANK {
            for a in self.sorted(eval) {
                rows = rows.push(result_row(a));
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
            rows = rows.push(result_row(a));
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
                rows = rows.push(result_row(a));
            }
        }
        column![
            text(strings::SORT_HINT)
                .size(theme::SMALL)
                .style(theme::muted),
            container(rows).width(Fill).padding(4).style(theme::card),
        ]
        .spacing(6)
        .into()
    }

    /// A chart with its legend and, beside it, the numbers of the element
    /// under the pointer.
    fn chart<'a>(
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
        let mut c = column![title].spacing(6);
        match hit {
            Hit::Segment { group, .. } => {
                let Some(g) = session.rubric().groups.get(group) else {
                    return c.into();
                };
                let info = &model.groups[group];
                let value = app.groups.get(group).map(|t| t.total).unwrap_or_default();
                c = c.push(
                    row![
                        container(space().width(14).height(14))
                            .style(swatch(chart::group_color(group))),
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
            }
            Hit::Cell { criterion, .. } => {
                let Some(info) = model.criteria.get(criterion) else {
                    return c.into();
                };
                let Some(f) = app.criteria.iter().find(|f| f.id == info.id) else {
                    return c.into();
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
                        .consensus_for(&app.id, self.round)
                        .and_then(|k| k.criteria.get(&info.id))
                        .map(|s| s.motivation.as_str())
                        .filter(|m| !m.trim().is_empty())
                {
                    c = c.push(motivation(strings::CHART_CONSENSUS.to_string(), m));
                }
                for (name, points) in app.assessor_points(f) {
                    let said = session
                        .dossier()
                        .assessment(&app.id, name, self.round)
                        .and_then(|a| a.criteria.get(&info.id))
                        .map(|s| s.motivation.as_str())
                        .unwrap_or("");
                    let head = format!(
                        "{name}: {}",
                        points.map_or(strings::CHART_NOT_SCORED.to_string(), |p| p.to_string())
                    );
                    c = c.push(motivation(head, said));
                }
            }
            Hit::Pair { row } => {
                let Some(p) = model.pairs.get(row) else {
                    return c.into();
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
            }
        }
        c.into()
    }

    fn ties<'a>(&'a self, session: &'a Session, eval: &'a Evaluation) -> Element<'a, Message> {
        let mut c = column![text(strings::TIES).size(theme::HEADING).font(bold())].spacing(8);
        for t in &eval.ties {
            c = c.push(self.tie_card(session, t));
        }
        c.into()
    }

    fn tie_card<'a>(&'a self, session: &'a Session, t: &'a TieGroup) -> Element<'a, Message> {
        let region = |id: &ApplicationId| {
            session
                .dossier()
                .application(id)
                .map_or(id.to_string(), |a| format!("{id} {}", a.region))
        };
        let members = t.members.iter().map(region).collect::<Vec<_>>();
        let mut c = column![text(strings::tie_group(
            &strings::join_and(&members),
            &t.total.to_dutch(),
            t.places
        ))]
        .spacing(8);
        if let Some(n) = t.decision {
            let d = &session.dossier().decisions[n];
            if let DecisionKind::TieBreak { awarded, .. } = &d.kind {
                let names: Vec<String> = awarded.iter().map(region).collect();
                c = c.push(
                    text(strings::tie_decided(
                        &strings::join_and(&names),
                        &d.motivation,
                    ))
                    .style(theme::success_text),
                );
            }
            return container(c)
                .padding(12)
                .width(Fill)
                .style(theme::card)
                .into();
        }
        match &self.tie {
            Some(form) if form.group == t.number => {
                let picks = row(t.members.iter().map(|id| {
                    scale::choice(Choice {
                        label: region(id),
                        id: format!("tie-{id}"),
                        selected: form.awarded.contains(id),
                        on_press: Some(Message::ToggleTie(id.clone())),
                        style: None,
                    })
                }))
                .spacing(6);
                c = c.push(text(strings::choose_awarded(t.places)).font(bold()));
                c = c.push(picks);
                c = c.push(text(strings::DECISION_MOTIVATION).font(bold()));
                c = c.push(
                    text_input(strings::DECISION_MOTIVATION_PLACEHOLDER, &form.motivation)
                        .id(Id::new("tie-motivation"))
                        .on_input(Message::TieMotivation)
                        .on_submit(Message::RecordTie)
                        .padding(6)
                        .style(theme::input),
                );
                if let Some(e) = &form.error {
                    c = c.push(text(e).style(theme::danger_text));
                }
                c = c.push(
                    row![
                        button(text(strings::RECORD))
                            .style(button::primary)
                            .on_press(Message::RecordTie),
                        button(text(strings::CANCEL))
                            .style(theme::secondary)
                            .on_press(Message::CancelTie),
                    ]
                    .spacing(8),
                );
            }
            _ => {
                c = c.push(
                    button(text(strings::RECORD_DECISION))
                        .style(button::primary)
                        .on_press(Message::StartTie(t.number)),
                );
            }
        }
        container(c)
            .padding(12)
            .width(Fill)
            .style(theme::tone_box(theme::Tone::Warn))
            .into()
    }

    fn sensitivity_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut c = column![
            text(strings::SENSITIVITY).size(theme::HEADING).font(bold()),
            text(strings::SENSITIVITY_INTRO).style(theme::muted),
        ]
        .spacing(6);
        let Some(rep) = self.sensitivity() else {
            return c.into();
        };
        let names = |ids: &BTreeSet<ApplicationId>| {
            if ids.is_empty() {
                return strings::NOBODY.to_string();
            }
            let v: Vec<String> = ids
                .iter()
                .map(|id| {
                    session
                        .dossier()
                        .application(id)
                        .map_or(id.to_string(), |a| format!("{id} {}", a.region))
                })
                .collect();
            strings::join_and(&v)
        };
        let changing: Vec<&sensitivity::Finding> =
            rep.findings.iter().filter(|f| f.changes_award()).collect();
        let (verdict, tone) = if rep.is_stable() {
            (strings::sensitivity_stable(rep.tried), theme::Tone::Good)
        } else {
            (
                strings::sensitivity_unstable(rep.tried, changing.len()),
                theme::Tone::Warn,
            )
        };
        c = c.push(
            container(text(verdict))
                .padding([6, 10])
                .style(theme::tone_box(tone)),
        );
        c = c.push(row![
            text(strings::CROSS_AWARD).font(bold()).width(380),
            text(names(&rep.award_crossers))
        ]);
        c = c.push(row![
            text(strings::CROSS_THRESHOLD).font(bold()).width(380),
            text(names(&rep.threshold_crossers))
        ]);
        for f in changing.iter().take(FINDINGS_SHOWN) {
            let what = match &f.change {
                sensitivity::Change::Shift {
                    application,
                    assessor,
                    delta,
                } => strings::shift_change(&application.to_string(), assessor, *delta),
                sensitivity::Change::LeaveOut { assessor } => strings::leave_out_change(assessor),
            };
            let then: Vec<String> = f.awarded_after.iter().map(|i| i.to_string()).collect();
            c = c.push(
                text(format!(
                    "• {what}: {}",
                    strings::awarded_then(&then.join(", "))
                ))
                .size(theme::SMALL),
            );
        }
        if changing.len() > FINDINGS_SHOWN {
            c = c.push(
                text(strings::more_findings(changing.len() - FINDINGS_SHOWN))
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
        }
        c.into()
    }

    fn budget<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let budget = session.rubric().process.budget_eur;
        let mut c = column![
            text(strings::BUDGET).size(theme::HEADING).font(bold()),
            text(strings::budget_intro(budget)).style(theme::muted),
        ]
        .spacing(8);
        let recipients = allocation::recipients(session.rubric(), session.dossier());
        if recipients.is_empty() {
            return c
                .push(
                    container(text(strings::NO_RECIPIENTS))
                        .padding(12)
                        .width(Fill)
                        .style(theme::notice_info),
                )
                .into();
        }
        let mut proposals = row![text(strings::PROPOSAL).font(bold())]
            .spacing(6)
            .align_y(Alignment::Center);
        for rule in Rule::PROPOSALS {
            proposals = proposals.push(scale::choice(Choice {
                label: strings::rule_label(rule).to_string(),
                id: format!("rule-{}", rule.code()),
                selected: self.rule == rule,
                on_press: Some(Message::Proposal(rule)),
                style: None,
            }));
        }
        if self.rule == Rule::Manual {
            proposals = proposals.push(
                text(strings::rule_label(Rule::Manual))
                    .font(bold())
                    .style(theme::primary_text),
            );
        }
        c = c.push(proposals.wrap());

        let head = |s: &'a str, w: f32| {
            text(s)
                .size(theme::SMALL)
                .font(bold())
                .width(w)
                .align_x(iced::alignment::Horizontal::Right)
        };
        let mut t = column![
            row![
                text(strings::COL_REGION)
                    .size(theme::SMALL)
                    .font(bold())
                    .width(Fill),
                head(strings::COL_INHABITANTS, 110.0),
                head(strings::COL_YOUNG, 110.0),
                head(strings::COL_MUNICIPALITIES, 90.0),
                head(strings::COL_REQUESTED, 130.0),
                head(strings::COL_AMOUNT, 150.0),
            ]
            .spacing(8),
            rule::horizontal(1)
        ]
        .spacing(4);
        let parsed = self.parsed_amounts();
        let opt = |v: Option<u64>| v.map_or(strings::NO_TOTAL.to_string(), strings::thousands);
        for r in &recipients {
            let typed = self.amounts.get(&r.id).map_or("", String::as_str);
            let value = parsed.get(&r.id).copied().flatten();
            let above = matches!((value, r.requested), (Some(v), Some(req)) if v > req);
            let refused = value.is_none();
            let num =
                |s: String, w: f32| text(s).width(w).align_x(iced::alignment::Horizontal::Right);
            t = t.push(
                row![
                    text(format!("{} {}", r.id, r.region)).width(Fill),
                    num(opt(r.scale.inhabitants), 110.0),
                    num(opt(r.scale.young_people), 110.0),
                    num(opt(r.scale.municipalities.map(u64::from)), 90.0),
                    num(opt(r.requested), 130.0),
                    text_input("0", typed)
                        .id(Id::from(format!("amount-{}", r.id)))
                        .on_input({
                            let id = r.id.clone();
                            move |s| Message::Amount(id.clone(), s)
                        })
                        .align_x(iced::alignment::Horizontal::Right)
                        .padding(4)
                        .width(150)
                        .style(if refused || above {
                            theme::input_refused
                        } else {
                            theme::input
                        }),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        c = c.push(container(t).padding(10).width(Fill).style(theme::card));

        let amounts: BTreeMap<ApplicationId, u64> = parsed
            .iter()
            .map(|(id, v)| (id.clone(), v.unwrap_or(0)))
            .collect();
        let check = allocation::check(budget, &recipients, &amounts);
        c = c.push(
            text(strings::budget_sum(check.total, check.remainder))
                .font(bold())
                .style(if check.over_budget() {
                    theme::danger_text
                } else {
                    theme::success_text
                }),
        );
        if check.over_budget() {
            c = c.push(text(strings::OVER_BUDGET).style(theme::danger_text));
        }
        if !check.above_request.is_empty() {
            let ids: Vec<String> = check.above_request.iter().map(|i| i.to_string()).collect();
            c = c.push(text(strings::above_request(&ids.join(", "))).style(theme::warning_text));
        }
        c = c.push(
            text_input(
                strings::ALLOCATION_MOTIVATION_PLACEHOLDER,
                &self.allocation_motivation,
            )
            .id(Id::new("allocation-motivation"))
            .on_input(Message::AllocationMotivation)
            .padding(6)
            .style(theme::input),
        );
        if let Some(e) = &self.allocation_error {
            c = c.push(text(e).style(theme::danger_text));
        }
        let can_record = !check.over_budget() && parsed.values().all(Option::is_some);
        c = c.push(
            button(text(strings::RECORD_ALLOCATION))
                .style(button::primary)
                .on_press_maybe(can_record.then_some(Message::RecordAllocation)),
        );
        if let Some((_, d)) = allocation::recorded(session.dossier())
            && let DecisionKind::Allocation { amounts, rule } = &d.kind
        {
            let label = Rule::from_code(rule).map_or(rule.as_str(), |r| strings::rule_label(r));
            let total: u64 = amounts.values().sum();
            let parts: Vec<String> = amounts
                .iter()
                .map(|(id, a)| format!("{id} {}", strings::amount(*a)))
                .collect();
            c = c.push(
                container(
                    column![
                        text(strings::allocation_recorded(label, total)).font(bold()),
                        text(parts.join(" · ")),
                        text(&d.motivation).style(theme::muted),
                    ]
                    .spacing(4),
                )
                .padding(10)
                .width(Fill)
                .style(theme::tone_box(theme::Tone::Good)),
            );
        }
        c.into()
    }
}

/// The decisions recorded for round 2.
fn decisions(session: &Session) -> Element<'_, Message> {
    let list: Vec<&Decision> = session
        .dossier()
        .decisions
        .iter()
        .filter(|d| d.round == Round::Two)
        .collect();
    if list.is_empty() {
        return column![].into();
    }
    let mut c = column![text(strings::DECISIONS).size(theme::HEADING).font(bold())].spacing(4);
    for d in list {
        let what = match &d.kind {
            DecisionKind::TieBreak { awarded, .. } => {
                let v: Vec<String> = awarded.iter().map(|i| i.to_string()).collect();
                strings::tie_decided(&v.join(", "), &d.motivation)
            }
            DecisionKind::AwardCount(n) => format!("{}: {n}", strings::award_line(*n)),
            DecisionKind::Allocation { amounts, rule } => {
                let label = Rule::from_code(rule).map_or(rule.as_str(), |r| strings::rule_label(r));
                strings::allocation_recorded(label, amounts.values().sum())
            }
        };
        let when = d.at.as_ref().map(strings::date_time).unwrap_or_default();
        c = c.push(
            row![
                text(what).width(Fill),
                text(when).size(theme::SMALL).style(theme::muted)
            ]
            .spacing(8),
        );
    }
    c.into()
}

const COL_RANK: f32 = 60.0;
const COL_TOTAL: f32 = 62.0;
const COL_STATUS: f32 = 140.0;
const COL_KO: f32 = 58.0;
const COL_GROUP: f32 = 82.0;
const GROUP_HEAD: f32 = 10.0;
const COL_N: f32 = 64.0;
const COL_CONS: f32 = 86.0;
const SORT_ARROW: f32 = 10.0;
/// Between the columns of the table.
const COL_SPACING: f32 = 6.0;
/// The tallest a chart gets before it scrolls on its own.
const CHART_MAX_H: f32 = 620.0;
const DETAIL_W: f32 = 340.0;
const DETAIL_MIN_H: f32 = 340.0;
/// The container right around the chart's canvas.
pub const CHART: &str = "ranking-chart";

/// The order of statuses when sorting by status: the best outcome first.
fn status_order(s: Status) -> u8 {
    match s {
        Status::Awarded => 0,
        Status::Tie => 1,
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

fn result_row<'a>(a: &'a AppResult) -> Element<'a, Message> {
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
        row![
            text(a.id.to_string()).style(theme::muted).width(36),
            text(&a.region).font(bold())
        ]
        .width(Fill)
        .into(),
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
