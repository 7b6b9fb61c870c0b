//! The interview tab: the record of the interview with the applicant and
//! the addenda received after it (both only once round 1 invited the
//! application), and the two forms that record them.

use iced::widget::{Id, button, column, container, row, text, text_editor, text_input};
use iced::{Element, Fill};

use super::{Message, State, danger, heading, info, round_two_open};
use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::consensus;
use leidraad_core::dossier::{Addendum, ApplicationId, Confidence, Dossier, Interview, Round};
use leidraad_core::session::Session;

/// What the last action of a form did.
enum Notice {
    Done(&'static str),
    Error(String),
}

/// What is typed into the interview and addendum forms.
#[derive(Default)]
pub(super) struct Forms {
    interview: InterviewForm,
    addendum: AddendumForm,
}

/// The interview form (filled from the recorded interview, if any).
#[derive(Default)]
struct InterviewForm {
    date: String,
    participants: String,
    notes: text_editor::Content,
    confidence: Option<Confidence>,
    notice: Option<Notice>,
}

/// The form that registers a new addendum (empty after each one).
#[derive(Default)]
struct AddendumForm {
    date: String,
    document: String,
    note: String,
    notice: Option<Notice>,
}

/// Who records an interview or an addendum (the window's user) and the
/// date typed for it: both are needed, or the refusal to show.
fn recorder_and_date(viewer: &str, date: &str) -> Result<(String, chrono::NaiveDate), Notice> {
    let by = viewer.trim();
    if by.is_empty() {
        return Err(Notice::Error(strings::PANEL_NEED_NAME.to_string()));
    }
    let date =
        strings::parse_date(date).ok_or_else(|| Notice::Error(strings::date_problem(date)))?;
    Ok((by.to_string(), date))
}

impl Forms {
    /// Fill the interview form from the application's recorded interview,
    /// or empty it when there is none.
    pub(super) fn load_interview(&mut self, dossier: &Dossier, application: &ApplicationId) {
        let form = &mut self.interview;
        match dossier
            .interviews
            .iter()
            .find(|i| &i.application == application)
        {
            Some(i) => {
                form.date = strings::date(i.date);
                form.participants = i.participants.join(", ");
                form.notes = text_editor::Content::with_text(&i.notes);
                form.confidence = i.confidence;
            }
            None => {
                form.date.clear();
                form.participants.clear();
                form.notes = text_editor::Content::new();
                form.confidence = None;
            }
        }
    }

    pub(super) fn interview_date(&mut self, s: String) {
        self.interview.date = s;
        self.interview.notice = None;
    }

    pub(super) fn participants(&mut self, s: String) {
        self.interview.participants = s;
        self.interview.notice = None;
    }

    pub(super) fn interview_notes(&mut self, action: text_editor::Action) {
        if action.is_edit() {
            self.interview.notice = None;
        }
        self.interview.notes.perform(action);
    }

    /// Choosing the chosen confidence again clears it.
    pub(super) fn confidence(&mut self, c: Confidence) {
        let form = &mut self.interview;
        form.confidence = (form.confidence != Some(c)).then_some(c);
        form.notice = None;
    }

    pub(super) fn addendum_date(&mut self, s: String) {
        self.addendum.date = s;
        self.addendum.notice = None;
    }

    pub(super) fn addendum_document(&mut self, s: String) {
        self.addendum.document = s;
        self.addendum.notice = None;
    }

    pub(super) fn addendum_note(&mut self, s: String) {
        self.addendum.note = s;
        self.addendum.notice = None;
    }

    /// Record the interview as typed, as `viewer`.
    pub(super) fn save_interview(
        &mut self,
        session: &mut Session,
        viewer: &str,
        application: &ApplicationId,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        let (by, date) = match recorder_and_date(viewer, &self.interview.date) {
            Ok(both) => both,
            Err(refused) => {
                self.interview.notice = Some(refused);
                return;
            }
        };
        let interview = Interview {
            application: application.clone(),
            date,
            participants: self
                .interview
                .participants
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            notes: self
                .interview
                .notes
                .text()
                .trim_end_matches('\n')
                .to_string(),
            confidence: self.interview.confidence,
            recorded_by: String::new(),
            recorded: None,
        };
        self.interview.notice = Some(
            match session.edit(|r, d| consensus::record_interview(r, d, interview, &by, now)) {
                Ok(()) => {
                    self.load_interview(session.dossier(), application);
                    Notice::Done(strings::PANEL_INTERVIEW_SAVED)
                }
                Err(e) => Notice::Error(strings::edit_error(&e)),
            },
        );
    }

    /// Register the addendum as typed, as `viewer`.
    pub(super) fn register_addendum(
        &mut self,
        session: &mut Session,
        viewer: &str,
        application: &ApplicationId,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        let form = &mut self.addendum;
        let (by, received) = match recorder_and_date(viewer, &form.date) {
            Ok(both) => both,
            Err(refused) => {
                form.notice = Some(refused);
                return;
            }
        };
        if form.document.trim().is_empty() {
            form.notice = Some(Notice::Error(strings::PANEL_DOCUMENT_REQUIRED.to_string()));
            return;
        }
        let addendum = Addendum {
            application: application.clone(),
            received,
            document: form.document.trim().to_string(),
            note: form.note.trim().to_string(),
            recorded_by: String::new(),
            recorded: None,
        };
        form.notice = Some(
            match session.edit(|r, d| consensus::register_addendum(r, d, addendum, &by, now)) {
                Ok(()) => {
                    form.date.clear();
                    form.document.clear();
                    form.note.clear();
                    Notice::Done(strings::PANEL_ADDENDUM_SAVED)
                }
                Err(e) => Notice::Error(strings::edit_error(&e)),
            },
        );
    }

    /// The interview card: who recorded it, the date, the participants,
    /// the notes and the save button.
    fn interview_card<'a>(
        &'a self,
        recorded: Option<&'a Interview>,
        editable: bool,
    ) -> Element<'a, Message> {
        let form = &self.interview;
        let mut interview = column![heading(strings::PANEL_INTERVIEW)].spacing(8);
        interview = interview.push(match recorded {
            Some(i) => text(strings::panel_interview_recorded(
                &i.recorded_by,
                i.recorded.as_ref(),
            ))
            .size(theme::SMALL)
            .style(theme::muted),
            None => text(strings::PANEL_NO_INTERVIEW)
                .size(theme::SMALL)
                .style(theme::muted),
        });
        let mut notes = text_editor(&form.notes)
            .id(Id::new("interview-notes"))
            .placeholder(strings::PANEL_INTERVIEW_NOTES_PLACEHOLDER)
            .min_height(100)
            .size(theme::TEXT)
            .style(theme::editor);
        if editable {
            notes = notes.on_action(Message::InterviewNotes);
        }
        interview = interview.push(
            row![
                labelled(
                    strings::PANEL_INTERVIEW_DATE,
                    text_input("dd-mm-jjjj", &form.date)
                        .id(Id::new("interview-date"))
                        .on_input_maybe(editable.then_some(Message::InterviewDate))
                        .padding(6)
                        .style(theme::input)
                        .width(140)
                        .into()
                ),
                labelled(
                    strings::PANEL_PARTICIPANTS,
                    text_input(strings::PANEL_PARTICIPANTS_PLACEHOLDER, &form.participants)
                        .id(Id::new("interview-participants"))
                        .on_input_maybe(editable.then_some(Message::Participants))
                        .padding(6)
                        .style(theme::input)
                        .into()
                ),
            ]
            .spacing(12),
        );
        interview = interview.push(labelled(strings::PANEL_INTERVIEW_NOTES, notes.into()));
        let mut confidence = row![text(strings::PANEL_CONFIDENCE).size(theme::SMALL)]
            .spacing(6)
            .align_y(iced::Alignment::Center);
        for c in Confidence::ALL {
            confidence = confidence.push(crate::ui::widget::scale::choice(
                crate::ui::widget::scale::Choice {
                    label: leidraad_core::nl::confidence(c).to_string(),
                    id: format!("confidence-{c:?}").to_lowercase(),
                    selected: form.confidence == Some(c),
                    on_press: editable.then_some(Message::InterviewConfidence(c)),
                    style: None,
                },
            ));
        }
        interview = interview.push(confidence);
        interview = interview.push(
            container(
                button(text(strings::PANEL_SAVE_INTERVIEW))
                    .padding([8, 14])
                    .style(button::primary)
                    .on_press_maybe(editable.then_some(Message::SaveInterview)),
            )
            .id(Id::new("interview-save")),
        );
        interview = interview.push(notice(form.notice.as_ref()));
        container(interview)
            .padding(14)
            .width(Fill)
            .style(theme::card)
            .into()
    }

    /// The addenda card: the addenda received so far and the form to
    /// register another.
    fn addenda_card<'a>(&'a self, list: Vec<&'a Addendum>, editable: bool) -> Element<'a, Message> {
        let form = &self.addendum;
        let mut addenda = column![heading(strings::PANEL_ADDENDA)].spacing(8);
        if list.is_empty() {
            addenda = addenda.push(
                text(strings::PANEL_NO_ADDENDA)
                    .size(theme::TEXT)
                    .style(theme::muted),
            );
        }
        for a in list {
            addenda = addenda.push(addendum_item(a));
        }
        addenda = addenda.push(
            row![
                labelled(
                    strings::PANEL_ADDENDUM_DATE,
                    text_input("dd-mm-jjjj", &form.date)
                        .id(Id::new("addendum-date"))
                        .on_input_maybe(editable.then_some(Message::AddendumDate))
                        .padding(6)
                        .style(theme::input)
                        .width(140)
                        .into()
                ),
                labelled(
                    strings::PANEL_ADDENDUM_DOCUMENT,
                    text_input(strings::PANEL_ADDENDUM_DOCUMENT_PLACEHOLDER, &form.document,)
                        .id(Id::new("addendum-document"))
                        .on_input_maybe(editable.then_some(Message::AddendumDocument))
                        .padding(6)
                        .style(theme::input)
                        .into()
                ),
            ]
            .spacing(12),
        );
        addenda = addenda.push(labelled(
            strings::PANEL_ADDENDUM_NOTE,
            text_input(strings::PANEL_ADDENDUM_NOTE_PLACEHOLDER, &form.note)
                .id(Id::new("addendum-note"))
                .on_input_maybe(editable.then_some(Message::AddendumNote))
                .padding(6)
                .style(theme::input)
                .into(),
        ));
        addenda = addenda.push(
            container(
                button(text(strings::PANEL_REGISTER_ADDENDUM))
                    .padding([8, 14])
                    .style(button::primary)
                    .on_press_maybe(editable.then_some(Message::RegisterAddendum)),
            )
            .id(Id::new("addendum-save")),
        );
        addenda = addenda.push(notice(form.notice.as_ref()));
        container(addenda)
            .padding(14)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

impl State {
    /// The interview record and the addenda (only after an invitation).
    /// Whether round 1 invited the application says how round 1 ended: not
    /// shown to a viewer from whom blind scoring hides round 1.
    pub(super) fn interview_tab<'a>(
        &'a self,
        session: &'a Session,
        viewer: &str,
    ) -> Element<'a, Message> {
        let dossier = session.dossier();
        if !leidraad_core::panel::may_see_others(dossier, viewer, &self.application, Round::One) {
            return super::blind(dossier, viewer, &self.application, Round::One);
        }
        if !round_two_open(session, &self.application) {
            return info(strings::PANEL_INTERVIEW_NOT_INVITED);
        }
        let editable = !session.is_read_only();
        let recorded = dossier
            .interviews
            .iter()
            .find(|i| i.application == self.application);
        let list: Vec<&Addendum> = dossier
            .addenda
            .iter()
            .filter(|a| a.application == self.application)
            .collect();
        column![
            self.interview.interview_card(recorded, editable),
            self.interview.addenda_card(list, editable),
        ]
        .spacing(12)
        .padding(iced::padding::bottom(24))
        .into()
    }
}

/// One registered addendum: when, which document, the note and who
/// registered it.
fn addendum_item<'a>(a: &'a Addendum) -> Element<'a, Message> {
    let mut item =
        column![text(strings::panel_addendum_line(a.received, &a.document)).font(bold())]
            .spacing(2);
    if !a.note.is_empty() {
        item = item.push(text(&a.note).size(theme::TEXT));
    }
    if !a.recorded_by.is_empty() {
        item = item.push(
            text(strings::panel_registered_by(&a.recorded_by))
                .size(theme::SMALL)
                .style(theme::muted),
        );
    }
    container(item)
        .padding([6, 10])
        .width(Fill)
        .style(theme::card)
        .into()
}

fn notice<'a>(n: Option<&Notice>) -> Option<Element<'a, Message>> {
    match n? {
        Notice::Done(s) => Some(text(*s).style(theme::success_text).into()),
        Notice::Error(e) => Some(danger(e.clone())),
    }
}

fn labelled<'a>(label: &'a str, field: Element<'a, Message>) -> Element<'a, Message> {
    column![text(label).size(theme::SMALL).style(theme::muted), field]
        .spacing(2)
        .into()
}
