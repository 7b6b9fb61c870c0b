//! A file that could not be opened: which file, where in it, and what is
//! wrong. The file itself is never written from here.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill};

use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::error::LoadError;

#[derive(Debug, Clone)]
pub enum Message {
    Retry,
    OpenOther,
    PickRubric,
    Home,
}

pub enum Action {
    None,
    Retry(PathBuf),
    OpenOther,
    /// Choose the rubric file this dossier was scored against, then open it
    /// again with that rubric.
    PickRubric(PathBuf),
    Home,
}

pub struct State {
    pub path: PathBuf,
    pub error: LoadError,
    /// The line the error points at, as it stands in the file.
    line: Option<String>,
}

impl State {
    pub fn new(path: PathBuf, error: LoadError) -> State {
        // Only read, to show the line; the file is never written from here.
        let line = error.location().and_then(|loc| {
            let bytes = std::fs::read(&path).ok()?;
            let text = String::from_utf8_lossy(&bytes);
            text.lines()
                .nth(loc.line.saturating_sub(1))
                .map(|l| l.replace('\t', "    "))
        });
        State { path, error, line }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Retry => Action::Retry(self.path.clone()),
            Message::OpenOther => Action::OpenOther,
            Message::PickRubric => Action::PickRubric(self.path.clone()),
            Message::Home => Action::Home,
        }
    }

    /// The message without the `file:line:col:` the domain puts in front.
    fn problem(&self) -> String {
        match &self.error {
            LoadError::Invalid { message, .. } => message.clone(),
            LoadError::Io { source, .. } => source.to_string(),
            LoadError::OtherRubric(o) => strings::other_rubric(&o.id, &o.version),
        }
    }

    fn file(&self) -> String {
        self.error.file().to_string()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let label = |s: &'static str| text(s).font(bold()).width(140);
        let mut facts = column![row![label(strings::FILE), text(self.file())]].spacing(8);
        if let Some(loc) = self.error.location() {
            facts = facts.push(row![
                label(strings::POSITION),
                text(strings::line_column(loc.line, loc.column))
            ]);
        }
        facts = facts.push(row![
            label(strings::PROBLEM),
            text(self.problem()).width(Fill)
        ]);
        if let (Some(line), Some(loc)) = (&self.line, self.error.location()) {
            let mono = iced::Font::MONOSPACE;
            let caret = format!("{}^", " ".repeat(loc.column.saturating_sub(1)));
            facts = facts.push(row![
                label(strings::IN_THE_FILE),
                column![
                    text(line.as_str()).font(mono).size(theme::SMALL),
                    text(caret).font(mono).size(theme::SMALL),
                ]
            ]);
        }
        let page = column![
            text(strings::LOAD_FAILED_TITLE)
                .size(theme::TITLE)
                .font(bold()),
            container(facts)
                .padding(16)
                .width(Fill)
                .style(theme::notice_danger),
            text(strings::LOAD_FAILED_UNTOUCHED),
            row![
                button(text(strings::TRY_AGAIN))
                    .padding([8, 14])
                    .style(button::primary)
                    .on_press(Message::Retry),
            ]
            .push(matches!(self.error, LoadError::OtherRubric(_)).then(|| {
                button(text(strings::PICK_RUBRIC))
                    .padding([8, 14])
                    .style(button::primary)
                    .on_press(Message::PickRubric)
            }),)
            .push(
                row![
                    button(text(strings::OPEN_DOSSIER))
                        .padding([8, 14])
                        .style(theme::secondary)
                        .on_press(Message::OpenOther),
                    button(text(strings::HOME))
                        .padding([8, 14])
                        .style(theme::secondary)
                        .on_press(Message::Home),
                ]
                .spacing(8)
            )
            .spacing(8),
        ]
        .spacing(16)
        .padding(32)
        .max_width(1000);
        scrollable(container(page).center_x(Fill))
            .height(Fill)
            .into()
    }
}
