//! The self-check's draft plan: added from a file (read on a worker
//! thread, a scan refused with the reader's message), kept in the
//! self-check file, and per knock-out the passages found in it, the
//! knock-outs without any as a risk and a negated passage as a red flag.
//! The passages are found when the plan is added or the file opened, never
//! while drawing.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{Id, button, column, container, text};
use iced::{Element, Fill, Task};

use super::{Action, State};
use crate::ui::dialog::FileDialog;
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::document::{Document, Kind};
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::selfcheck::{KoPassages, SelfCheck};

#[derive(Debug, Clone)]
pub enum Message {
    /// Ask for the draft plan.
    Add,
    Picked(Option<PathBuf>),
    /// The file read with its passages per knock-out, or why not.
    Read(Result<Arc<(Document, Vec<KoPassages>)>, String>),
}

impl State {
    pub(super) fn plan_update(&mut self, message: Message) -> Action {
        match message {
            Message::Add => {
                if self.dialog_open {
                    return Action::None;
                }
                self.dialog_open = true;
                Action::Run(Task::perform(
                    FileDialog::open(strings::SELFCHECK_PLAN_DIALOG)
                        .filter(strings::ATTACH_FILTER, &["pdf", "docx", "odt", "txt"])
                        .show(),
                    |p| super::Message::Plan(Message::Picked(p)),
                ))
            }
            Message::Picked(None) => {
                self.dialog_open = false;
                Action::None
            }
            Message::Picked(Some(path)) => {
                let rubric = self.rubric.clone();
                Action::Run(Task::perform(
                    async move {
                        let (tx, rx) = iced::futures::channel::oneshot::channel();
                        std::thread::spawn(move || {
                            let _ = tx.send(read(&rubric, &path));
                        });
                        rx.await
                            .unwrap_or_else(|_| Err(strings::WORKER_LOST.to_string()))
                    },
                    |r| super::Message::Plan(Message::Read(r)),
                ))
            }
            Message::Read(result) => {
                self.dialog_open = false;
                match result {
                    Ok(read) => {
                        let (doc, passages) = &*read;
                        self.check.plan = Some(doc.clone());
                        self.ko_passages = passages.clone();
                        self.notice = None;
                    }
                    Err(why) => {
                        self.notice = Some((false, strings::selfcheck_plan_refused(&why)));
                    }
                }
                Action::None
            }
        }
    }

    /// The passages again, from the self-check's plan (after new or open).
    pub(super) fn refresh_passages(&mut self) {
        self.ko_passages = self.check.ko_passages(&self.rubric);
    }

    /// Above the knock-outs: the draft plan, the button to add one, and
    /// what the passages are (and are not).
    pub(super) fn plan_header(&self) -> Element<'_, super::Message> {
        let mut c = column![
            text(strings::SELFCHECK_PLAN_HEADING)
                .size(theme::HEADING)
                .font(bold()),
            text(strings::SELFCHECK_PLAN_INTRO).size(theme::SMALL),
        ]
        .spacing(6);
        c = c.push(match &self.check.plan {
            Some(p) => text(strings::selfcheck_plan(&p.name, p.pages.len())).font(bold()),
            None => text(strings::SELFCHECK_NO_PLAN).style(theme::muted),
        });
        c = c.push(
            container(
                button(text(strings::SELFCHECK_ADD_PLAN).size(theme::TEXT))
                    .padding([4, 10])
                    .style(theme::secondary)
                    .on_press_maybe(
                        (!self.dialog_open).then_some(super::Message::Plan(Message::Add)),
                    ),
            )
            .id(Id::new("selfcheck-add-plan")),
        );
        container(c)
            .padding(14)
            .width(Fill)
            .style(theme::card)
            .into()
    }

    /// Under a knock-out: its passages, or "geen passage gevonden" as a
    /// risk; a negated passage first, as a red flag. Nothing without a plan.
    pub(super) fn ko_passages_view(&self, ko: &CriterionId) -> Option<Element<'_, super::Message>> {
        let k = self.ko_passages.iter().find(|k| &k.id == ko)?;
        let mut c = column![
            text(strings::SELFCHECK_PLAN_HEADING)
                .size(theme::SMALL)
                .font(bold())
        ]
        .spacing(4);
        if k.nothing_found() {
            c = c.push(
                container(text(strings::SELFCHECK_NOTHING_FOUND).size(theme::SMALL))
                    .padding([2, 8])
                    .style(theme::tone_box(theme::Tone::Warn)),
            );
            return Some(c.into());
        }
        for p in k.negated() {
            c = c.push(
                container(
                    text(format!(
                        "{}: {}\u{201c}{}\u{201d}",
                        strings::SELFCHECK_RED_FLAG,
                        strings::selfcheck_page(p),
                        p.text
                    ))
                    .size(theme::SMALL),
                )
                .padding([2, 8])
                .style(theme::tone_box(theme::Tone::Bad)),
            );
        }
        for p in k
            .found
            .passages
            .iter()
            .filter(|p| !p.terms.is_empty() && !p.negated)
        {
            c = c.push(
                text(format!(
                    "{}\u{201c}{}\u{201d} ({})",
                    strings::selfcheck_page(p),
                    p.text,
                    p.terms.join(", ")
                ))
                .size(theme::SMALL),
            );
        }
        Some(c.into())
    }
}

/// Read a draft plan and find its passages per knock-out (worker thread).
fn read(
    rubric: &Rubric,
    path: &std::path::Path,
) -> Result<Arc<(Document, Vec<KoPassages>)>, String> {
    let doc = crate::document_file::read(path, Kind::Plan)?;
    let check = SelfCheck {
        plan: Some(doc.clone()),
        ..SelfCheck::default()
    };
    let passages = check.ko_passages(rubric);
    Ok(Arc::new((doc, passages)))
}
