//! Add or edit an application's data: region, plan, submission date (with
//! a warning after the deadline), the documents received, the amounts and
//! the scale of the proeftuin.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use iced::widget::{
    Column, Id, Row, button, checkbox, column, container, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill};

use crate::ui::screen::scoring::bold;
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Application, ApplicationId, ScaleData};
use leidraad_core::edit;
use leidraad_core::session::Session;

#[derive(Debug, Clone)]
pub enum Message {
    Region(String),
    Plan(String),
    Contact(String),
    Submitted(String),
    Document(String, bool),
    Requested(String),
    Own(String),
    Municipalities(String),
    Inhabitants(String),
    Young(String),
    Save,
    Cancel,
}

pub enum Action {
    None,
    /// Saved (or cancelled): back to the list.
    Done,
}

pub struct State {
    /// The application being edited; None for a new one.
    editing: Option<ApplicationId>,
    id: ApplicationId,
    region: String,
    plan: String,
    contact: String,
    submitted: String,
    documents: BTreeSet<String>,
    requested: String,
    own: String,
    municipalities: String,
    inhabitants: String,
    young: String,
    error: Option<String>,
}

fn opt_number(n: Option<u64>) -> String {
    n.map(strings::thousands).unwrap_or_default()
}

impl State {
    pub fn new_application(session: &Session) -> State {
        State {
            editing: None,
            id: edit::next_application_id(session.dossier()),
            region: String::new(),
            plan: String::new(),
            contact: String::new(),
            submitted: String::new(),
            documents: BTreeSet::new(),
            requested: String::new(),
            own: String::new(),
            municipalities: String::new(),
            inhabitants: String::new(),
            young: String::new(),
            error: None,
        }
    }

    pub fn edit(app: &Application) -> State {
        State {
            editing: Some(app.id.clone()),
            id: app.id.clone(),
            region: app.region.clone(),
            plan: app.plan_title.clone(),
            contact: app.contact.clone(),
            submitted: app.submitted.map(strings::date).unwrap_or_default(),
            documents: app.documents.clone(),
            requested: opt_number(app.requested_eur),
            own: opt_number(app.own_contribution_eur),
            municipalities: opt_number(app.scale.municipalities.map(u64::from)),
            inhabitants: opt_number(app.scale.inhabitants),
            young: opt_number(app.scale.young_people),
            error: None,
        }
    }

    pub fn update(&mut self, session: &mut Session, message: Message) -> Action {
        match message {
            Message::Region(s) => self.region = s,
            Message::Plan(s) => self.plan = s,
            Message::Contact(s) => self.contact = s,
            Message::Submitted(s) => self.submitted = s,
            Message::Document(id, on) => {
                if on {
                    self.documents.insert(id);
                } else {
                    self.documents.remove(&id);
                }
            }
            Message::Requested(s) => self.requested = s,
            Message::Own(s) => self.own = s,
            Message::Municipalities(s) => self.municipalities = s,
            Message::Inhabitants(s) => self.inhabitants = s,
            Message::Young(s) => self.young = s,
            Message::Cancel => return Action::Done,
            Message::Save => return self.save(session),
        }
        Action::None
    }

    /// Save when every field is valid; otherwise say what is wrong.
    pub fn save(&mut self, session: &mut Session) -> Action {
        match self.build() {
            Err(e) => {
                self.error = Some(e);
                Action::None
            }
            Ok(app) => {
                let result = match &self.editing {
                    None => session.edit(|_, d| edit::add_application(d, app)),
                    Some(id) => {
                        let id = id.clone();
                        session.edit(move |_, d| match d.application_mut(&id) {
                            Some(existing) => {
                                *existing = app;
                                Ok(())
                            }
                            None => Err(edit::EditError::UnknownApplication(id)),
                        })
                    }
                };
                match result {
                    Ok(()) => Action::Done,
                    Err(e) => {
                        self.error = Some(strings::edit_error(&e));
                        Action::None
                    }
                }
            }
        }
    }

    fn build(&self) -> Result<Application, String> {
        if self.region.trim().is_empty() {
            return Err(strings::REGION_REQUIRED.to_string());
        }
        let submitted = match self.submitted.trim() {
            "" => None,
            s => Some(strings::parse_date(s).ok_or_else(|| strings::date_problem(s))?),
        };
        let number = |s: &str| -> Result<Option<u64>, String> {
            match s.trim() {
                "" => Ok(None),
                s => strings::parse_whole(s)
                    .map(Some)
                    .ok_or_else(|| strings::NUMBER_INVALID.to_string()),
            }
        };
        let municipalities = number(&self.municipalities)?
            .map(|n| u32::try_from(n).map_err(|_| strings::NUMBER_INVALID.to_string()))
            .transpose()?;
        let mut app = Application::new(&self.id.0, self.region.trim());
        app.plan_title = self.plan.trim().to_string();
        app.contact = self.contact.trim().to_string();
        app.submitted = submitted;
        app.documents = self.documents.clone();
        app.requested_eur = number(&self.requested)?;
        app.own_contribution_eur = number(&self.own)?;
        app.scale = ScaleData {
            municipalities,
            inhabitants: number(&self.inhabitants)?,
            young_people: number(&self.young)?,
        };
        Ok(app)
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let title = match &self.editing {
            None => format!("{} ({})", strings::NEW_APPLICATION, self.id),
            Some(id) => strings::edit_application(&id.0),
        };
        let deadline = session.rubric().process.deadline;
        let date_note = date_note(&self.submitted, deadline);
        let docs = self.documents(session);

        let mut form = column![
            text(title).size(theme::TITLE).font(bold()),
            text(strings::FORM_KEYS)
                .size(theme::SMALL)
                .style(theme::muted),
            field(
                strings::F_REGION,
                "app-region",
                &self.region,
                Message::Region,
                None
            ),
            field(strings::F_PLAN, "app-plan", &self.plan, Message::Plan, None),
            field(
                strings::F_CONTACT,
                "app-contact",
                &self.contact,
                Message::Contact,
                None
            ),
            field(
                strings::F_SUBMITTED,
                "app-submitted",
                &self.submitted,
                Message::Submitted,
                date_note
            ),
            row![text(strings::F_DOCUMENTS).width(220), docs].spacing(12),
            field(
                strings::F_REQUESTED,
                "app-requested",
                &self.requested,
                Message::Requested,
                amount_note(&self.requested)
            ),
            field(
                strings::F_OWN,
                "app-own",
                &self.own,
                Message::Own,
                amount_note(&self.own)
            ),
            text(strings::SCALE_DATA).size(theme::HEADING).font(bold()),
            field(
                strings::F_MUNICIPALITIES,
                "app-municipalities",
                &self.municipalities,
                Message::Municipalities,
                None
            ),
            field(
                strings::F_INHABITANTS,
                "app-inhabitants",
                &self.inhabitants,
                Message::Inhabitants,
                None
            ),
            field(
                strings::F_YOUNG,
                "app-young",
                &self.young,
                Message::Young,
                None
            ),
        ]
        .spacing(14)
        .padding([16, 24]);
        if let Some(e) = &self.error {
            form = form.push(
                container(text(e.as_str()))
                    .padding(8)
                    .style(theme::notice_danger),
            );
        }
        form = form.push(
            row![
                button(text(strings::SAVE_APPLICATION))
                    .padding([6, 16])
                    .style(button::primary)
                    .on_press_maybe((!session.is_read_only()).then_some(Message::Save)),
                button(text(strings::CANCEL))
                    .padding([6, 16])
                    .style(theme::secondary)
                    .on_press(Message::Cancel),
            ]
            .spacing(12),
        );
        scrollable(
            container(container(form).style(theme::card).max_width(1000))
                .padding(16)
                .width(Fill),
        )
        .height(Fill)
        .into()
    }

    /// The documents the rubric asks for, ticked when received.
    fn documents<'a>(&self, session: &'a Session) -> Column<'a, Message> {
        let mut docs = column![].spacing(6);
        for d in &session.rubric().process.documents {
            let id = d.id.clone();
            docs = docs.push(
                checkbox(self.documents.contains(&d.id))
                    .label(&d.name)
                    .on_toggle(move |on| Message::Document(id.clone(), on)),
            );
        }
        docs
    }

    /// The first field, focused when the form opens.
    pub fn first_field() -> Id {
        Id::new("app-region")
    }
}

/// A labelled text field of the form, with an optional note beside it.
fn field<'a>(
    label: &'a str,
    id: &'static str,
    value: &'a str,
    on: fn(String) -> Message,
    note: Option<Element<'a, Message>>,
) -> Row<'a, Message> {
    let input = text_input("", value)
        .id(Id::new(id))
        .on_input(on)
        .on_submit(Message::Save)
        .padding(6)
        .width(360)
        .style(theme::input);
    let mut r = row![text(label).width(220), input]
        .spacing(12)
        .align_y(Alignment::Center);
    if let Some(n) = note {
        r = r.push(n);
    }
    r
}

/// Beside the submission date: that it is unreadable, or after the
/// deadline.
fn date_note<'a>(submitted: &str, deadline: NaiveDate) -> Option<Element<'a, Message>> {
    match submitted.trim() {
        "" => None,
        s => match strings::parse_date(s) {
            None => Some(
                text(strings::date_problem(s))
                    .style(theme::danger_text)
                    .into(),
            ),
            Some(d) if d > deadline => Some(
                text(strings::after_deadline(deadline))
                    .style(theme::danger_text)
                    .into(),
            ),
            Some(_) => None,
        },
    }
}

/// Beside an amount: how it reads, or that it does not.
fn amount_note<'a>(s: &str) -> Option<Element<'a, Message>> {
    match s.trim() {
        "" => None,
        s => Some(match strings::parse_whole(s) {
            Some(n) => text(strings::amount_shown(n)).style(theme::muted).into(),
            None => text(strings::NUMBER_INVALID)
                .style(theme::danger_text)
                .into(),
        }),
    }
}
