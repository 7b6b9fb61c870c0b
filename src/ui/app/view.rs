//! The frame around the screens: the header (dossier, user, saving), the
//! banners (read-only, changed on disk, exports) and the screen itself.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Fill};

use super::{App, ExportNotice, Message, SaveProblem, Screen};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::session::Session;

/// The most the user's name and the saving state take in the header
/// before they wrap.
const HEADER_NAME_WIDTH: f32 = 260.0;

impl App {
    pub fn view(&self) -> Element<'_, Message> {
        if let Some(dialog) = &self.builtin_dialog {
            return container(dialog.view().map(Message::Dialog))
                .width(Fill)
                .height(Fill)
                .style(theme::page)
                .into();
        }
        let body: Element<'_, Message> = match (&self.screen, &self.session) {
            (Screen::Start(s), session) => s
                .view(
                    &self.config,
                    session.as_ref().map(|s| s.dossier().title.as_str()),
                )
                .map(Message::Start),
            (Screen::Error(s), _) => s.view().map(Message::Error),
            (Screen::SelfCheck(s), _) => s.view().map(Message::SelfCheck),
            (Screen::List, Some(session)) => self
                .list
                .view(session, &self.config.assessor)
                .map(Message::List),
            (Screen::Application(s), Some(session)) => s.view(session).map(Message::Application),
            (Screen::Scoring(s), Some(session)) => s.view(session).map(Message::Scoring),
            (Screen::Ranking(s), Some(session)) => {
                s.view(session, &self.config.assessor).map(Message::Ranking)
            }
            (Screen::Panel(s), Some(session)) => {
                s.view(session, &self.config.assessor).map(Message::Panel)
            }
            (Screen::Disagreements(s), Some(session)) => s
                .view(session, &self.config.assessor)
                .map(Message::Disagreements),
            (_, None) => text("").into(),
        };
        let page = container(body).width(Fill).height(Fill).style(theme::page);
        let framed: Element<'_, Message> = match &self.session {
            Some(session)
                if !matches!(
                    self.screen,
                    Screen::Start(_) | Screen::Error(_) | Screen::SelfCheck(_)
                ) =>
            {
                column![self.header(session)]
                    .push(read_only_banner(session))
                    .push(self.outsider_banner(session))
                    .push(self.changed_on_disk_banner())
                    .push(self.export_banner())
                    .push(page)
                    .into()
            }
            _ => page.into(),
        };
        match self.palette_view() {
            Some(palette) => iced::widget::stack![framed, palette].into(),
            None => framed,
        }
    }

    fn header<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let saved: Element<'a, Message> = match &self.save_status.problem {
            Some(SaveProblem::Failed(e)) => {
                container(text(strings::save_failed(e)).size(theme::SMALL))
                    .padding([2, 6])
                    .style(theme::notice_danger)
                    .into()
            }
            _ => {
                let s = if session.is_dirty() {
                    strings::UNSAVED_CHANGES.to_string()
                } else if let Some(at) = &self.save_status.saved_at {
                    strings::saved_at(at)
                } else {
                    strings::NOT_SAVED_YET.to_string()
                };
                text(s).size(theme::SMALL).into()
            }
        };
        let assessor = if self.config.assessor.is_empty() {
            strings::NO_ASSESSOR
        } else {
            self.config.assessor.as_str()
        };
        // The role this name has in this dossier: it decides what is shown.
        let role = strings::role_label(session.dossier().role_of(&self.config.assessor));
        // The title takes what is left and wraps; the name wraps within a
        // bound: the buttons stay in the window at any width and name.
        let bar = row![
            column![
                text(&session.dossier().title).size(18).font(bold()),
                text(session.file_name()).size(theme::SMALL),
            ]
            .width(Fill),
            container(text(format!("{role}: {assessor}")).size(theme::TEXT))
                .id("header-role")
                .max_width(HEADER_NAME_WIDTH),
            container(saved).max_width(HEADER_NAME_WIDTH),
            self.zoom_shown(),
            button(text(format!("{} (Ctrl+S)", strings::SAVE)))
                .style(theme::header_button)
                .on_press_maybe((!session.is_read_only()).then_some(Message::Save)),
            button(text(strings::HOME))
                .style(theme::header_button)
                .on_press(Message::Home),
        ]
        .spacing(16)
        .align_y(Alignment::Center)
        .padding([8, 20]);
        container(bar).width(Fill).style(theme::header).into()
    }

    /// The zoom, when it is not 100 %: pressed (or Ctrl+0), back to 100 %.
    fn zoom_shown(&self) -> Option<Element<'_, Message>> {
        let percent = self.config.zoom.percent();
        (percent != 100).then(|| {
            let b = button(text(strings::zoom_shown(percent)).size(theme::SMALL))
                .style(theme::header_button)
                .on_press(Message::Zoom(None));
            iced::widget::tooltip(
                b,
                container(text(strings::ZOOM_RESET_HINT).size(theme::SMALL))
                    .padding([4, 8])
                    .style(theme::notice_info),
                iced::widget::tooltip::Position::Bottom,
            )
            .into()
        })
    }

    /// Another program changed the dossier on disk: nothing was written;
    /// the user reloads or keeps this window's version.
    fn changed_on_disk_banner(&self) -> Option<Element<'_, Message>> {
        if self.save_status.problem != Some(SaveProblem::ChangedOnDisk) {
            return None;
        }
        let line = row![
            text(strings::CHANGED_ON_DISK).width(Fill),
            button(text(strings::RELOAD_FROM_DISK))
                .style(button::primary)
                .on_press(Message::ReloadFromDisk),
            button(text(strings::KEEP_MINE))
                .style(theme::secondary)
                .on_press(Message::KeepMine),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        Some(banner(line.into(), theme::notice_danger))
    }

    fn export_banner(&self) -> Option<Element<'_, Message>> {
        let notice = self.export.as_ref()?;
        let close = button(text(strings::CLOSE_NOTICE))
            .style(theme::secondary)
            .on_press(Message::DismissExport);
        Some(match notice {
            ExportNotice::Busy => banner(text(strings::EXPORT_BUSY).into(), theme::notice_info),
            ExportNotice::Done { message, open } => {
                // A file: open it, or its folder; a folder: open it.
                let file = (!open.is_dir()).then(|| {
                    container(
                        button(text(strings::OPEN_PDF))
                            .style(theme::secondary)
                            .on_press(Message::OpenExported(open.clone())),
                    )
                    .id(iced::widget::Id::new("export-open"))
                });
                let folder = if open.is_dir() {
                    open.clone()
                } else {
                    crate::ui::screen::list::folder_of(open)
                };
                let line = row![text(message).width(Fill)]
                    .push(file)
                    .push(
                        container(
                            button(text(strings::OPEN_FOLDER))
                                .style(button::primary)
                                .on_press(Message::OpenExported(folder)),
                        )
                        .id(iced::widget::Id::new("export-open-folder")),
                    )
                    .push(close)
                    .spacing(8)
                    .align_y(Alignment::Center);
                banner(line.into(), theme::notice_info)
            }
            ExportNotice::Failed(message) => {
                let line = row![text(message).width(Fill), close]
                    .spacing(8)
                    .align_y(Alignment::Center);
                banner(line.into(), theme::notice_danger)
            }
        })
    }
}

/// A line under the header in a coloured box.
fn banner<'a>(
    line: Element<'a, Message>,
    style: fn(&iced::Theme) -> container::Style,
) -> Element<'a, Message> {
    container(container(line).padding([6, 12]).width(Fill).style(style))
        .padding([6, 20])
        .into()
}

/// The banner of a dossier open read-only (another window has it open).
fn read_only_banner(session: &Session) -> Option<Element<'_, Message>> {
    let reason = session.read_only()?;
    let lines = column![
        text(strings::read_only(reason)),
        text(strings::READ_ONLY_BUTTONS).size(theme::SMALL),
    ]
    .spacing(2);
    Some(banner(lines.into(), theme::notice_danger))
}
