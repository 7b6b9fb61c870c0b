//! The ranking of a round for programme staff: the table from
//! `scoring::evaluate` with the threshold and the award line drawn in it,
//! tie groups with "besluit vastleggen", the sensitivity of the round-2
//! ranking, and the budget over the awarded applications. The table sorts
//! by any column; charts (stacked bars, a heat map, round 1 against round 2)
//! show the same finals on a canvas.
//!
//! The parts: `table` (the sortable table with its lines), `charts` (the
//! chart pane with its legend and detail panel), `ties` (tie groups and
//! their decision form), `sensitivity` (the sensitivity of round 2) and
//! `budget` (allocation proposals, amounts and their record). This module
//! holds the state, the messages and their routing, and the page around
//! the parts.

mod budget;
mod charts;
mod decide;
mod sensitivity;
mod table;
mod ties;

use std::collections::{BTreeMap, BTreeSet};

use iced::widget::canvas::Cache;
use iced::widget::{Id, column, container, row, scrollable, text};
use iced::{Element, Fill};

use crate::ui::screen::scoring::bold;
use crate::ui::widget::bar;
use crate::ui::widget::chart::{self, Hit, Kind};
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::allocation::Rule;
use leidraad_core::dossier::{ApplicationId, Round};
use leidraad_core::scoring::Evaluation;
use leidraad_core::session::Session;

pub use charts::CHART;
pub use decide::DecideForm;
pub use table::{Column, Sort, sort_results};
pub use ties::TieForm;

pub const SCROLL: &str = "ranking-scroll";

/// The widest the sections under the table (decisions, budget) become, so
/// that their fields stay in view beside a table wider than the window.
const READABLE: f32 = 1100.0;

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
    /// Open the form that revokes recorded decision `n`.
    StartRevoke(usize),
    /// Open the form that waives the round-2 minimum for an application.
    StartWaiver(ApplicationId),
    DecideMotivation(String),
    RecordDecide,
    CancelDecide,
    Proposal(Rule),
    Amount(ApplicationId, String),
    AllocationMotivation(String),
    RecordAllocation,
    ExportCsv,
    /// Save the ranking and the scores as a spreadsheet (.xlsx or .ods).
    ExportWorkbook,
    /// Sort the table by a column; the same column again reverses.
    Sort(Column),
    Pane(Pane),
    /// The chart element under the pointer changed.
    Hover(Option<Hit>),
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
    /// The root asks where to save the spreadsheet of every round.
    ExportWorkbook,
    /// A decision was recorded: save now, not after the autosave pause.
    SaveNow,
}

pub struct State {
    pub round: Round,
    pub tie: Option<TieForm>,
    /// The open revoke or waiver form.
    pub decide: Option<DecideForm>,
    /// The sensitivity of round 2, with the generation it was computed for.
    sensitivity: Option<(u64, leidraad_core::sensitivity::Report)>,
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
    /// The dossier is open read-only: no decision can be recorded, and
    /// the buttons that would are disabled.
    pub read_only: bool,
}

impl State {
    pub fn new(session: &Session, round: Round) -> State {
        let mut s = State {
            round,
            tie: None,
            decide: None,
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
            read_only: session.is_read_only(),
        };
        s.refresh(session);
        s.propose(session, Rule::Equal);
        s
    }

    /// Recompute what depends on the dossier when it changed.
    pub fn refresh(&mut self, session: &Session) {
        self.read_only = session.is_read_only();
        if self
            .sensitivity
            .as_ref()
            .is_none_or(|(g, _)| *g != session.generation())
        {
            let report = leidraad_core::sensitivity::analyse(session.rubric(), session.dossier());
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
            Message::StartRevoke(n) => self.decide = Some(DecideForm::revoke(n)),
            Message::StartWaiver(id) => self.decide = Some(DecideForm::waiver(id)),
            Message::DecideMotivation(s) => {
                if let Some(f) = &mut self.decide {
                    f.motivation = s;
                    f.error = None;
                }
            }
            Message::CancelDecide => self.decide = None,
            Message::RecordDecide => return self.record_decide(session, user),
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
            Message::ExportWorkbook => return Action::ExportWorkbook,
        }
        Action::None
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
            let why = match blind.role() {
                leidraad_core::roles::Role::Outsider => strings::RANKING_BLIND_OUTSIDER.to_string(),
                _ => strings::ranking_blind(hidden, self.round),
            };
            return column![
                bar::top(Message::Back, rounds, None),
                text(strings::RANKING).size(theme::TITLE).font(bold()),
                container(text(why))
                    .padding(16)
                    .width(Fill)
                    .style(theme::notice_info),
            ]
            .spacing(12)
            .padding([16, 24])
            .into();
        }
        let mut page = column![
            bar::top_with(
                Message::Back,
                rounds,
                // The files hold every round: only for a viewer from whom
                // nothing is hidden.
                [
                    (
                        strings::EXPORT_CSV,
                        blind.sees_everything().then_some(Message::ExportCsv)
                    ),
                    (
                        strings::EXPORT_WORKBOOK,
                        blind.sees_everything().then_some(Message::ExportWorkbook)
                    ),
                ]
            ),
            text(strings::RANKING).size(theme::TITLE).font(bold()),
            text(strings::ranking_intro(
                self.round,
                eval.threshold,
                eval.award_count
            ))
            .style(theme::muted),
            warnings(eval),
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
            page = page.push(self.decisions(session, eval));
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
}

/// What must be read before the ranking: it is provisional (who is still
/// open), or recorded decisions are stale.
fn warnings(eval: &Evaluation) -> Element<'_, Message> {
    let mut c = column![].spacing(4);
    if !eval.is_final {
        c = c.push(
            container(text(strings::provisional_banner(&eval.pending)))
                .padding(10)
                .width(Fill)
                .style(theme::tone_box(theme::Tone::Warn)),
        );
    }
    let stale: Vec<String> = eval
        .stale()
        .map(|st| {
            format!(
                "{}: {}",
                leidraad_core::nl::decision_number(st.index),
                st.why
            )
        })
        .collect();
    if !stale.is_empty() {
        c = c.push(
            container(text(strings::stale_banner(&stale)))
                .padding(10)
                .width(Fill)
                .style(theme::tone_box(theme::Tone::Warn)),
        );
    }
    c.into()
}
