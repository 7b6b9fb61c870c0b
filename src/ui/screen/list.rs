//! The applications of a dossier: region and plan, the total per round, the
//! status in the chosen round (from `scoring::evaluate`) and how far the
//! current assessor is.

use iced::widget::{Id, button, column, container, row, rule, scrollable, space, text, text_input};
use iced::{Alignment, Element, Fill, Length};

use crate::dossier::{Application, ApplicationId, Assessment, Round};
use crate::scoring;
use crate::ui::screen::scoring::bold;
use crate::ui::session::Session;
use crate::ui::widget::badge;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};

pub const SCROLL: &str = "list-scroll";

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
    Score(ApplicationId),
    Edit(ApplicationId),
    Add,
    Select(usize),
    NameChanged(String),
    UseName,
    PickAssessor(String),
    /// Every score sheet of the dossier and the ranking reports, as PDF.
    ExportAll,
    Ranking,
}

pub enum Action {
    None,
    Score(ApplicationId, Round),
    Edit(ApplicationId),
    Add,
    SetAssessor(String),
    ExportAll,
    Ranking(Round),
}

pub struct State {
    pub round: Round,
    /// The row the keyboard is on.
    pub selected: Option<usize>,
    name: String,
}

impl Default for State {
    fn default() -> Self {
        State::new(Round::One)
    }
}

impl State {
    pub fn new(round: Round) -> State {
        State {
            round,
            selected: None,
            name: String::new(),
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Round(r) => self.round = r,
            Message::Score(id) => return Action::Score(id, self.round),
            Message::Edit(id) => return Action::Edit(id),
            Message::Add => return Action::Add,
            Message::Select(i) => self.selected = Some(i),
            Message::NameChanged(s) => self.name = s,
            Message::UseName => {
                let name = self.name.trim().to_string();
                if !name.is_empty() {
                    return Action::SetAssessor(name);
                }
            }
            Message::PickAssessor(name) => return Action::SetAssessor(name),
            Message::ExportAll => return Action::ExportAll,
            Message::Ranking => return Action::Ranking(self.round),
        }
        Action::None
    }

    /// Arrow keys move the selection; Enter scores the selected row.
    pub fn key(&mut self, session: &Session, key: ListKey) -> Action {
        let n = session.dossier.applications.len();
        if n == 0 {
            return Action::None;
        }
        match key {
            ListKey::Down => {
                self.selected = Some(self.selected.map_or(0, |i| (i + 1).min(n - 1)));
            }
            ListKey::Up => {
                self.selected = Some(self.selected.map_or(0, |i| i.saturating_sub(1)));
            }
            ListKey::Enter => {
                if let Some(app) = self
                    .selected
                    .and_then(|i| session.dossier.applications.get(i))
                {
                    return Action::Score(app.id.clone(), self.round);
                }
            }
        }
        Action::None
    }

    pub fn view<'a>(&'a self, session: &'a Session, assessor: &'a str) -> Element<'a, Message> {
        let rounds = row(Round::ALL.map(|r| {
            scale::choice(Choice {
                label: strings::round_long(r).to_string(),
                id: format!("list-round-{}", r.number()),
                selected: r == self.round,
                on_press: Some(Message::Round(r)),
                style: None,
            })
        }))
        .spacing(6);

        let mut page = column![
            row![
                text(strings::APPLICATIONS).size(theme::TITLE).font(bold()),
                space::horizontal(),
                rounds,
                button(text(strings::TO_RANKING))
                    .padding([6, 12])
                    .style(theme::secondary)
                    .on_press(Message::Ranking),
                button(text(strings::EXPORT_ALL))
                    .padding([6, 12])
                    .style(theme::secondary)
                    .on_press(Message::ExportAll),
                button(text(strings::ADD_APPLICATION))
                    .padding([6, 12])
                    .style(button::primary)
                    .on_press(Message::Add),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            text(strings::list_intro(self.round)).style(theme::muted),
        ]
        .spacing(12)
        .padding([16, 24]);

        if assessor.trim().is_empty() {
            page = page.push(self.name_banner(session));
        }

        if session.dossier.applications.is_empty() {
            page = page.push(
                container(text(strings::NO_APPLICATIONS))
                    .padding(16)
                    .width(Fill)
                    .style(theme::notice_info),
            );
            return page.into();
        }

        let head = |s: &'a str, w: Length| text(s).size(theme::SMALL).font(bold()).width(w);
        let header = row![
            head(strings::COL_REGION, Fill),
            head(strings::COL_SUBMITTED, Length::Fixed(COL_DATE)),
            head(strings::COL_TOTAL_1, Length::Fixed(COL_TOTAL))
                .align_x(iced::alignment::Horizontal::Right),
            head(strings::COL_TOTAL_2, Length::Fixed(COL_TOTAL))
                .align_x(iced::alignment::Horizontal::Right),
            space().width(12),
            head(strings::COL_STATUS, Length::Fixed(COL_STATUS)),
            head(strings::COL_PROGRESS, Length::Fixed(COL_PROGRESS)),
            space().width(Length::Fixed(COL_ACTIONS)),
        ]
        .spacing(8)
        .padding([6, 12]);

        let e1 = session.evaluation(Round::One);
        let e2 = session.evaluation(Round::Two);
        let eval = session.evaluation(self.round);
        let mut rows = column![].spacing(0);
        for (index, app) in session.dossier.applications.iter().enumerate() {
            let total = |e: Option<&scoring::Evaluation>| {
                e.and_then(|e| e.get(&app.id))
                    .and_then(|r| r.total)
                    .map_or(strings::NO_TOTAL.to_string(), |t| t.to_dutch())
            };
            let status = eval.and_then(|e| e.status_of(&app.id));
            let own = session.dossier.assessment(&app.id, assessor, self.round);
            let progress = progress_text(session, own);
            let selected = self.selected == Some(index);
            let line = row![
                region_cell(app),
                submitted_cell(session, app),
                text(total(e1))
                    .width(COL_TOTAL)
                    .align_x(iced::alignment::Horizontal::Right),
                text(total(e2))
                    .width(COL_TOTAL)
                    .align_x(iced::alignment::Horizontal::Right),
                space().width(12),
                container(match status {
                    Some(s) => badge::status(s),
                    None => text("").into(),
                })
                .width(COL_STATUS),
                text(progress).size(theme::SMALL).width(COL_PROGRESS),
                row![
                    button(text(strings::EDIT))
                        .padding([4, 12])
                        .style(theme::secondary)
                        .on_press(Message::Edit(app.id.clone())),
                    container(
                        button(text(strings::SCORE))
                            .padding([4, 12])
                            .style(button::primary)
                            .on_press(Message::Score(app.id.clone()))
                    )
                    .id(Id::from(format!("score-{}", app.id))),
                ]
                .spacing(6)
                .width(COL_ACTIONS),
            ]
            .spacing(8)
            .padding([8, 12])
            .align_y(Alignment::Center);
            rows = rows.push(container(line).id(Id::from(format!("row-{index}"))).style(
                if selected {
                    theme::card_focused
                } else {
                    theme::card
                },
            ));
            rows = rows.push(space().height(4));
        }
        page = page.push(header).push(rule::horizontal(1));
        column![
            page,
            scrollable(container(rows).padding([0, 24]))
                .id(Id::new(SCROLL))
                .height(Fill)
        ]
        .into()
    }

    fn name_banner<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let input = text_input(strings::NAME_PLACEHOLDER, &self.name)
            .id(Id::new("list-name"))
            .on_input(Message::NameChanged)
            .on_submit(Message::UseName)
            .padding(6)
            .width(340)
            .style(theme::input);
        let mut r = row![
            input,
            button(text(strings::USE_NAME))
                .style(button::primary)
                .on_press(Message::UseName)
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        if !session.dossier.assessors.is_empty() {
            r = r.push(text(strings::OR_PICK).style(theme::muted));
            for a in &session.dossier.assessors {
                r = r.push(
                    button(text(&a.name))
                        .style(theme::secondary)
                        .on_press(Message::PickAssessor(a.name.clone())),
                );
            }
        }
        container(column![text(strings::NAME_NEEDED).font(bold()), r.wrap()].spacing(8))
            .padding(12)
            .width(Fill)
            .style(theme::notice_info)
            .into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Up,
    Down,
    Enter,
}

const COL_DATE: f32 = 150.0;
const COL_TOTAL: f32 = 70.0;
const COL_STATUS: f32 = 150.0;
const COL_PROGRESS: f32 = 170.0;
const COL_ACTIONS: f32 = 224.0;

fn region_cell<'a, M: 'a>(app: &'a Application) -> Element<'a, M> {
    let mut c = column![row![
        text(app.id.to_string()).style(theme::muted).width(40),
        text(&app.region).font(bold())
    ]];
    if !app.plan_title.is_empty() {
        c = c.push(row![
            space().width(40),
            text(&app.plan_title).size(theme::SMALL)
        ]);
    }
    c.width(Fill).into()
}

fn submitted_cell<'a, M: 'a>(session: &Session, app: &Application) -> Element<'a, M> {
    let Some(date) = app.submitted else {
        return text(strings::NO_TOTAL).width(COL_DATE).into();
    };
    let mut c = column![text(strings::date(date))];
    if date > session.rubric.process.deadline {
        c = c.push(
            text(strings::AFTER_DEADLINE)
                .size(theme::SMALL)
                .style(theme::danger_text),
        );
    }
    c.width(COL_DATE).into()
}

fn progress_text(session: &Session, own: Option<&Assessment>) -> String {
    let Some(a) = own else {
        return strings::NOT_STARTED.to_string();
    };
    let s = scoring::summarize(&session.rubric, a);
    let p = strings::progress(
        s.knockouts_judged,
        s.knockouts_count,
        s.criteria_scored,
        s.criteria_count,
    );
    if a.is_submitted() {
        format!("{p} · {}", strings::SUBMITTED_MARK)
    } else {
        p
    }
}
