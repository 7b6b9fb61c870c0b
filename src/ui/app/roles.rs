//! Roles in the window: who uses the program (the settings, asked at the
//! first start) and where that sends the window; the banner of a name that
//! is neither staff nor an assessor of the open dossier, with the first
//! claim of a dossier that lists no staff yet.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Fill, Task};

use super::{App, Message, Screen};
use crate::ui::config::UserRole;
use crate::ui::screen::{selfcheck, start};
use crate::ui::{strings, theme};
use leidraad_core::roles::{self, Role};
use leidraad_core::rubric::Rubric;
use leidraad_core::session::Session;

impl App {
    /// Keep the chosen role in the settings and go where it leads: an
    /// applicant straight to the self-check; an assessor or programme staff
    /// to the name on the start screen (and on to a dossier once named).
    pub(super) fn set_role(&mut self, role: UserRole) {
        self.config.role = Some(role);
        self.save_config();
        match role {
            UserRole::Applicant => self.open_selfcheck(),
            UserRole::Assessor | UserRole::Staff => {
                if let Screen::Start(s) = &mut self.screen {
                    *s = start::State::new(&self.config);
                }
            }
        }
    }

    /// The self-check for applicants, resumed from its working file.
    pub(super) fn open_selfcheck(&mut self) {
        let working = (self.places.as_ref()).map(|p| p.data_dir.join(selfcheck::WORKING_FILE));
        let state = selfcheck::State::resume(Rubric::builtin(), working);
        self.screen = Screen::SelfCheck(Box::new(state));
    }

    /// After the first name is given on a first start (no dossier open
    /// yet): on to the most recent dossier or the example, as every later
    /// start does.
    pub(super) fn after_first_name(&mut self) {
        if self.session.is_none()
            && matches!(self.config.role, Some(UserRole::Assessor | UserRole::Staff))
            && let Some(path) = self.start_dossier()
        {
            self.open_path(&path);
        }
    }

    /// Put the window's user on the staff list of a dossier that lists
    /// none yet (logged like every change).
    pub(super) fn claim_staff(&mut self) {
        let name = self.config.assessor.trim().to_string();
        let Some(session) = &mut self.session else {
            return;
        };
        let done =
            session.edit(|_, d| roles::add_staff(d, &name, &name, leidraad_core::dossier::now()));
        if done.is_ok() {
            self.list.notice = Some(crate::ui::screen::list::Notice::Done(strings::staff_added(
                &name,
            )));
        }
    }

    /// Run an export of the whole dossier only for a user from whom
    /// nothing is hidden (the buttons are disabled for the others; this
    /// holds for every other way in).
    pub(super) fn if_sees_everything(
        &mut self,
        export: impl FnOnce(&mut App) -> Task<Message>,
    ) -> Task<Message> {
        let sees = self.session.as_ref().is_some_and(|s| {
            leidraad_core::panel::Blind::new(s.dossier(), &self.config.assessor).sees_everything()
        });
        if sees {
            export(self)
        } else {
            self.export = Some(super::ExportNotice::Failed(
                strings::EXPORT_NEEDS_ALL.to_string(),
            ));
            Task::none()
        }
    }

    /// Whether the window's user may claim the open dossier for the
    /// programme bureau: they say they are staff, the dossier lists no
    /// staff yet and they are no assessor of it.
    fn may_claim(&self, session: &Session) -> bool {
        self.config.role == Some(UserRole::Staff)
            && !session.is_read_only()
            && session.dossier().package.is_none()
            && roles::may_change_staff(session.dossier(), &self.config.assessor)
    }

    /// The banner of a named user who is neither staff nor an assessor of
    /// the open dossier: why totals and statuses are missing, and what to do.
    pub(super) fn outsider_banner<'a>(&self, session: &'a Session) -> Option<Element<'a, Message>> {
        let name = self.config.assessor.trim();
        if name.is_empty() || session.dossier().role_of(name) != Role::Outsider {
            return None;
        }
        let mut lines = column![text(strings::OUTSIDER_BANNER)].spacing(6);
        if self.may_claim(session) {
            lines = lines.push(
                row![
                    text(strings::CLAIM_STAFF_HINT)
                        .size(theme::SMALL)
                        .width(Fill),
                    container(
                        button(text(strings::CLAIM_STAFF))
                            .style(button::primary)
                            .on_press(Message::ClaimStaff),
                    )
                    .id("claim-staff"),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        } else {
            lines = lines.push(text(strings::OUTSIDER_ASK_STAFF).size(theme::SMALL));
        }
        Some(
            container(
                container(lines)
                    .padding([6, 12])
                    .width(Fill)
                    .style(theme::notice_info),
            )
            .padding([6, 20])
            .into(),
        )
    }
}
