//! The sensitivity of the round-2 ranking: whether small changes to the
//! scores move the award, and which changes do.

use std::collections::BTreeSet;

use iced::Element;
use iced::widget::{column, container, row, text};

use super::{Message, State};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::dossier::ApplicationId;
use leidraad_core::sensitivity;
use leidraad_core::session::Session;

/// How many sensitivity findings are listed by name.
const FINDINGS_SHOWN: usize = 8;

impl State {
    pub fn sensitivity(&self) -> Option<&sensitivity::Report> {
        self.sensitivity.as_ref().map(|(_, r)| r)
    }

    pub(super) fn sensitivity_view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
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
}
