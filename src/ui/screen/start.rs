//! The start screen: who uses the program (asked first, kept in the
//! settings), who is scoring, open a dossier, make a new one for a rubric,
//! pick a recent one, or the self-check for applicants.

use std::path::PathBuf;

use iced::widget::{Column, Id, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use crate::ui::config::{Config, UserRole};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::rubric::Rubric;

#[derive(Debug, Clone)]
pub enum Message {
    Role(UserRole),
    Name(String),
    SaveName,
    Open,
    OpenRecent(PathBuf),
    OpenExample,
    Title(String),
    UseBuiltin,
    PickRubric,
    Create,
    Back,
    SelfCheck,
}

pub enum Action {
    None,
    /// Keep who uses the program in the settings and go where it leads.
    SetRole(UserRole),
    SetAssessor(String),
    /// Show the open dialog.
    Open,
    OpenPath(PathBuf),
    OpenExample,
    /// Show a dialog to pick a rubric file.
    PickRubric,
    /// Ask where to save a new dossier with this title and rubric.
    Create(String, Box<Rubric>),
    Back,
    /// Show the self-check for applicants.
    SelfCheck,
}

/// The height of each role's choice on the start screen.
const ROLE_CHOICE_HEIGHT: f32 = 80.0;

/// Which rubric a new dossier is scored against.
pub enum RubricChoice {
    Builtin,
    File(PathBuf, Box<Rubric>),
}

pub struct State {
    name: String,
    title: String,
    pub rubric: RubricChoice,
    pub message: Option<String>,
}

impl State {
    pub fn new(config: &Config) -> State {
        State {
            name: config.assessor.clone(),
            title: String::new(),
            rubric: RubricChoice::Builtin,
            message: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Role(role) => return Action::SetRole(role),
            Message::Name(s) => self.name = s,
            Message::SaveName => {
                let name = self.name.trim().to_string();
                if !name.is_empty() {
                    return Action::SetAssessor(name);
                }
            }
            Message::Open => return Action::Open,
            Message::OpenRecent(p) => return Action::OpenPath(p),
            Message::OpenExample => return Action::OpenExample,
            Message::Title(s) => self.title = s,
            Message::UseBuiltin => self.rubric = RubricChoice::Builtin,
            Message::PickRubric => return Action::PickRubric,
            Message::Create => {
                let title = self.title.trim().to_string();
                if title.is_empty() {
                    self.message = Some(strings::NEED_TITLE.to_string());
                    return Action::None;
                }
                let rubric = match &self.rubric {
                    RubricChoice::Builtin => Rubric::builtin(),
                    RubricChoice::File(_, r) => (**r).clone(),
                };
                self.message = None;
                return Action::Create(title, Box::new(rubric));
            }
            Message::Back => return Action::Back,
            Message::SelfCheck => return Action::SelfCheck,
        }
        Action::None
    }

    /// The role first (alone at the first start); an applicant sees the
    /// self-check only; the others the name and the dossiers, with the
    /// self-check beside them, in view without scrolling at 1280x720.
    pub fn view<'a>(
        &'a self,
        config: &'a Config,
        open_title: Option<&'a str>,
    ) -> Element<'a, Message> {
        let mut page = column![
            text(strings::START_TITLE).size(28).font(bold()),
            text(strings::START_SUBTITLE).size(16),
        ]
        .spacing(12)
        .padding([20, 32])
        .max_width(1200);
        if let Some(title) = open_title {
            page = page.push(
                button(text(format!("{}: {title}", strings::BACK_TO_DOSSIER)))
                    .padding([8, 14])
                    .style(button::primary)
                    .on_press(Message::Back),
            );
        }
        if let Some(m) = &self.message {
            page = page.push(
                container(text(m.as_str()))
                    .padding(10)
                    .width(Fill)
                    .style(theme::notice_danger),
            );
        }
        let card = |c: iced::widget::Column<'a, Message>| {
            container(c).padding(16).width(Fill).style(theme::card)
        };
        page = page.push(card(Self::roles(config.role)));
        match config.role {
            // The first start: the question, and the self-check for an
            // applicant who looks no further.
            None | Some(UserRole::Applicant) => page = page.push(card(Self::selfcheck())),
            Some(role @ (UserRole::Assessor | UserRole::Staff)) => {
                let left = column![
                    card(self.who(config, role)),
                    card(Self::open_dossier(config))
                ]
                .spacing(12)
                .width(FillPortion(3));
                let right = column![card(Self::selfcheck()), card(self.new_dossier())]
                    .spacing(12)
                    .width(FillPortion(2));
                page = page.push(row![left, right].spacing(12));
            }
        }
        scrollable(container(page).center_x(Fill))
            .height(Fill)
            .into()
    }

    /// Who uses the program: one choice per role, each with what it is for.
    fn roles<'a>(current: Option<UserRole>) -> Column<'a, Message> {
        let choices = UserRole::ALL.map(|role| {
            let label = column![
                text(strings::user_role(role)).font(bold()),
                text(strings::user_role_hint(role)).size(theme::SMALL),
            ]
            .spacing(2);
            // One height for the three, room for a hint of two lines.
            container(
                button(label)
                    .padding([8, 12])
                    .width(Fill)
                    .height(ROLE_CHOICE_HEIGHT)
                    .style(theme::choice(current == Some(role)))
                    .on_press(Message::Role(role)),
            )
            .id(role_id(role))
            .width(Fill)
            .into()
        });
        column![
            text(strings::WHO_USES).size(theme::HEADING).font(bold()),
            row(choices).spacing(8),
            text(strings::WHO_USES_HINT)
                .size(theme::SMALL)
                .style(theme::muted),
        ]
        .spacing(8)
    }

    /// The self-check for applicants.
    fn selfcheck<'a>() -> Column<'a, Message> {
        column![
            text(strings::SELFCHECK_START)
                .size(theme::HEADING)
                .font(bold()),
            text(strings::SELFCHECK_START_HINT).style(theme::muted),
            container(
                button(text(strings::SELFCHECK_START))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::SelfCheck),
            )
            .id("start-selfcheck"),
        ]
        .spacing(8)
    }

    /// Who is scoring (or deciding): the name the work is recorded under.
    fn who<'a>(&'a self, config: &Config, role: UserRole) -> Column<'a, Message> {
        let (title, hint) = match role {
            UserRole::Staff => (strings::WHO_STAFF, strings::WHO_STAFF_HINT),
            UserRole::Assessor | UserRole::Applicant => (strings::WHO, strings::WHO_HINT),
        };
        column![
            text(title).size(theme::HEADING).font(bold()),
            text(hint).style(theme::muted),
            row![
                text_input(strings::NAME_PLACEHOLDER, &self.name)
                    .id(Id::new("start-name"))
                    .on_input(Message::Name)
                    .on_submit(Message::SaveName)
                    .padding(8)
                    .width(Fill)
                    .style(theme::input),
                button(text(strings::USE_NAME))
                    .padding([8, 14])
                    .style(
                        if self.name.trim() == config.assessor && !config.assessor.is_empty() {
                            theme::secondary
                        } else {
                            button::primary
                        }
                    )
                    .on_press(Message::SaveName),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        ]
        .spacing(8)
    }

    /// Open a dossier: the file dialog, the example, and the recent files.
    fn open_dossier(config: &Config) -> Column<'_, Message> {
        let mut open = column![
            text(strings::OPEN_DOSSIER.trim_end_matches('…'))
                .size(theme::HEADING)
                .font(bold()),
            row![
                button(text(format!("{} (Ctrl+O)", strings::OPEN_DOSSIER)))
                    .padding([8, 14])
                    .style(button::primary)
                    .on_press(Message::Open),
                button(text(strings::EXAMPLE_DOSSIER))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press(Message::OpenExample),
            ]
            .spacing(8),
            text(strings::RECENT).font(bold()),
        ]
        .spacing(8);
        if config.recent.is_empty() {
            open = open.push(text(strings::NO_RECENT).style(theme::muted));
        }
        for p in &config.recent {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let folder = p
                .parent()
                .map(|d| d.display().to_string())
                .unwrap_or_default();
            open = open.push(
                button(
                    row![
                        text(name).font(bold()),
                        text(folder).size(theme::SMALL).style(theme::muted)
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .style(theme::link)
                .on_press(Message::OpenRecent(p.clone())),
            );
        }
        open
    }

    /// Make a new dossier: its title and the rubric it is scored with.
    fn new_dossier(&self) -> Column<'_, Message> {
        let chosen = match &self.rubric {
            RubricChoice::Builtin => None,
            RubricChoice::File(_, r) => Some(strings::rubric_chosen(&r.title, &r.version)),
        };
        let mut new = column![
            text(strings::NEW_DOSSIER_TITLE)
                .size(theme::HEADING)
                .font(bold()),
            text(strings::NEW_DOSSIER_HINT).style(theme::muted),
            text_input(strings::DOSSIER_TITLE_PLACEHOLDER, &self.title)
                .id(Id::new("start-title"))
                .on_input(Message::Title)
                .on_submit(Message::Create)
                .padding(8)
                .width(Fill)
                .style(theme::input),
            row![
                scale::choice(Choice {
                    label: strings::BUILTIN_RUBRIC.to_string(),
                    id: "rubric-builtin".into(),
                    selected: matches!(self.rubric, RubricChoice::Builtin),
                    on_press: Some(Message::UseBuiltin),
                    style: None,
                }),
                scale::choice(Choice {
                    label: strings::RUBRIC_FROM_FILE.to_string(),
                    id: "rubric-file".into(),
                    selected: matches!(self.rubric, RubricChoice::File(..)),
                    on_press: Some(Message::PickRubric),
                    style: None,
                }),
            ]
            .spacing(6),
        ]
        .spacing(8);
        if let Some(c) = chosen {
            new = new.push(text(c).style(theme::muted));
        }
        new = new.push(
            button(text(strings::CREATE))
                .padding([8, 14])
                .style(button::primary)
                .on_press(Message::Create),
        );
        new
    }
}

/// The id of a role's choice on the start screen (tests).
pub fn role_id(role: UserRole) -> String {
    let name = match role {
        UserRole::Assessor => "assessor",
        UserRole::Staff => "staff",
        UserRole::Applicant => "applicant",
    };
    format!("start-role-{name}")
}
