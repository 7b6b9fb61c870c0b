//! The root of the window: which screen is shown and where each message
//! goes. Screens return an `Action`; the root routes it. Opening, saving and
//! exporting live in `files`, the keyboard in `keys`, the frame around the
//! screens in `view`. Every change to the dossier goes through the core's
//! [`Session`]; the root decides no rule of its own.

mod builtin_dialog;
mod commands;
mod files;
mod keys;
mod palette;
mod roles;
mod view;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use iced::{Subscription, Task, event, window};

pub use self::commands::Command;
pub use self::files::ExportNotice;
pub use self::palette::{Palette, PaletteMessage};
use crate::ui::config::{Config, Places, UserRole};
use crate::ui::screen::{
    application, disagreements, error, list, panel, ranking, scoring, selfcheck, start,
};
use crate::ui::strings;
use crate::ui::widget::reveal;
use leidraad_core::dossier::{ApplicationId, Dossier, Round};
use leidraad_core::edit::Target;
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::session::{Saved, Session};

/// How long after the last change the dossier is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(800);

pub enum Screen {
    Start(start::State),
    Error(error::State),
    List,
    Application(application::State),
    Scoring(scoring::State),
    Ranking(Box<ranking::State>),
    /// The panel screen of one application (side by side, consensus, ...).
    Panel(Box<panel::State>),
    /// Where the assessors disagree in a round, worst first.
    Disagreements(Box<disagreements::State>),
    /// The self-check for applicants (no dossier involved).
    SelfCheck(Box<selfcheck::State>),
}

#[derive(Debug, Clone)]
pub enum Message {
    Start(start::Message),
    Error(error::Message),
    List(list::Message),
    Application(application::Message),
    Scoring(scoring::Message),
    Ranking(ranking::Message),
    Panel(panel::Message),
    Disagreements(disagreements::Message),
    SelfCheck(selfcheck::Message),
    Key(keys::KeyPress),
    /// A mouse button went down somewhere in the window.
    MousePressed,
    CloseRequested(window::Id),
    DossierPicked(Option<PathBuf>),
    RubricPicked(Option<PathBuf>),
    NewDossierPlaced(Option<PathBuf>),
    AutosaveDue,
    /// A save that ran off the window's thread has finished (None: its
    /// worker stopped without an answer).
    Saved(Option<Saved>),
    /// Read the dossier again after another program changed it on disk.
    ReloadFromDisk,
    /// Save this window's version over the one another program wrote.
    KeepMine,
    /// Where to save the requested score sheet (None: cancelled).
    ExportPlaced(Option<PathBuf>),
    /// Where to save the scores as CSV (None: cancelled).
    CsvPlaced(Option<PathBuf>),
    /// Where to save the spreadsheet, .xlsx or .ods (None: cancelled).
    WorkbookPlaced(Option<PathBuf>),
    /// The folder for every PDF of the dossier (None: cancelled).
    ExportFolderPicked(Option<PathBuf>),
    /// An export that ran off the window's thread has finished.
    Exported(ExportNotice),
    /// Open a written PDF or folder with the desktop's viewer.
    OpenExported(PathBuf),
    DismissExport,
    /// A file dialog to be answered by the window's own dialog (no system
    /// dialog can open on this desktop).
    DialogRequested(crate::ui::dialog::builtin::Request),
    /// For the window's own file dialog.
    Dialog(crate::ui::dialog::builtin::Message),
    Save,
    Home,
    ToList,
    /// Put the window's user on the staff list of a dossier that lists no
    /// staff yet.
    ClaimStaff,
    /// Zoom in (`Some(true)`), out (`Some(false)`) or back to 100 % (None).
    Zoom(Option<bool>),
    /// Ask for a dossier to open (Ctrl+O).
    OpenDialog,
    /// To the list, with the keyboard in its filter (Ctrl+F).
    FindInList,
    /// For the command palette (Ctrl+K).
    Palette(PaletteMessage),
}

pub use self::keys::{KeyPress, key_event};

/// What the header says about saving.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveStatus {
    /// When this window last saved the dossier.
    pub saved_at: Option<DateTime<Local>>,
    /// Why the last save failed; None after a save that worked.
    pub problem: Option<SaveProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// Writing failed (disk full, no permission, ...): the message.
    Failed(String),
    /// Another program changed the file on disk: nothing was written, the
    /// user chooses to reload or to keep this version.
    ChangedOnDisk,
}

pub struct App {
    pub places: Option<Places>,
    pub config: Config,
    pub session: Option<Session>,
    pub screen: Screen,
    pub list: list::State,
    /// What the header says about saving.
    pub save_status: SaveStatus,
    /// The outcome of the last export, shown under the header.
    pub export: Option<ExportNotice>,
    /// The disagreements screen the panel screen was opened from, to go
    /// back to.
    panel_from: Option<Box<disagreements::State>>,
    dialog_open: bool,
    /// A new dossier waiting for its place on disk.
    pending_new: Option<(String, Box<Rubric>)>,
    /// The dossier waiting for the rubric it was scored against.
    pending_rubric_for: Option<PathBuf>,
    autosave_pending: bool,
    last_change: Option<Instant>,
    seen_generation: u64,
    close_warned: bool,
    /// The score sheet waiting for its place on disk.
    pending_sheet: Option<leidraad_report::SheetKind>,
    /// Whether the scores wait for their CSV file.
    pending_csv: bool,
    /// Whether the spreadsheet waits for its file.
    pending_workbook: bool,
    /// The window's own file dialog, shown over the screen while it asks.
    pub builtin_dialog: Option<crate::ui::dialog::builtin::State>,
    /// The first start (no role in the settings yet): once the user has
    /// chosen a role and given a name, the window goes on to a dossier.
    first_start: bool,
    /// The command palette, while it is open (Ctrl+K).
    pub palette: Option<Palette>,
}

impl App {
    /// An app with no dossier open, showing the start screen.
    pub fn new(config: Config, places: Option<Places>) -> App {
        App {
            screen: Screen::Start(start::State::new(&config)),
            places,
            config,
            session: None,
            list: list::State::default(),
            save_status: SaveStatus::default(),
            export: None,
            panel_from: None,
            dialog_open: false,
            pending_new: None,
            pending_rubric_for: None,
            autosave_pending: false,
            last_change: None,
            seen_generation: 0,
            close_warned: false,
            pending_sheet: None,
            pending_csv: false,
            pending_workbook: false,
            builtin_dialog: None,
            first_start: false,
            palette: None,
        }
    }

    /// An app with a dossier open on its list (tests, benchmarks): the
    /// dossier lives in memory only.
    pub fn with_dossier(rubric: Rubric, dossier: Dossier, assessor: &str) -> App {
        let config = Config {
            assessor: assessor.to_string(),
            ..Config::default()
        };
        let mut app = App::new(config, None);
        app.set_session(Session::in_memory(rubric, dossier));
        app
    }

    /// Start-up: open the given file; else, by the role in the settings:
    /// none yet (the first start) the start screen, which asks who uses
    /// the program; an applicant the self-check; an assessor or programme
    /// staff the most recent dossier, or the user's copy of the example.
    pub fn boot(open: Option<PathBuf>, places: Option<Places>) -> (App, Task<Message>) {
        let config = places
            .as_ref()
            .map(|p| Config::load(&p.config_file))
            .unwrap_or_default();
        let mut app = App::new(config, places);
        if let Some(path) = open {
            app.open_path(&path);
            return (app, Task::none());
        }
        match app.config.role {
            None => app.first_start = true,
            Some(UserRole::Applicant) => app.open_selfcheck(),
            Some(UserRole::Assessor | UserRole::Staff) => {
                if let Some(path) = app.start_dossier() {
                    app.open_path(&path);
                }
            }
        }
        (app, Task::none())
    }

    /// The dossier a start opens: the most recent one that still exists,
    /// or the user's copy of the example.
    fn start_dossier(&self) -> Option<PathBuf> {
        self.config
            .recent
            .iter()
            .find(|p| p.is_file())
            .cloned()
            .or_else(|| self.example_path())
    }

    /// The user's copy of the example dossier, made on first use.
    fn example_path(&self) -> Option<PathBuf> {
        let places = self.places.as_ref()?;
        let path = places.example();
        match crate::ui::config::ensure_example(&path) {
            Ok(()) => Some(path),
            Err(e) => {
                eprintln!("{}", strings::example_copy_failed(&e.to_string()));
                None
            }
        }
    }

    pub fn title(&self) -> String {
        match &self.session {
            Some(s) => format!("{} — {}", s.dossier().title, strings::APP_TITLE),
            None => strings::APP_TITLE.to_string(),
        }
    }

    /// The window's scale factor: the zoom kept in the settings.
    pub fn scale_factor(&self) -> f32 {
        self.config.zoom.factor()
    }

    /// Zoom in (`Some(true)`), out or back to 100 %, and keep it in the
    /// settings file.
    fn zoom(&mut self, change: Option<bool>) {
        let zoom = match change {
            Some(bigger) => self.config.zoom.step(bigger),
            None => crate::ui::config::Zoom::default(),
        };
        if zoom != self.config.zoom {
            self.config.zoom = zoom;
            self.save_config();
        }
    }

    pub fn theme(&self) -> iced::Theme {
        crate::ui::theme::theme()
    }

    fn save_config(&self) {
        if let Some(p) = &self.places
            && let Err(e) = self.config.save(&p.config_file)
        {
            eprintln!("leidraad: {e}");
        }
    }

    fn set_assessor(&mut self, name: String) {
        self.config.assessor = name;
        self.save_config();
        if let Screen::Start(s) = &mut self.screen {
            *s = start::State::new(&self.config);
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let mut task = self.handle(message);
        if let Screen::Panel(p) = &mut self.screen
            && let Some(scroll) = p.take_scroll()
        {
            task = Task::batch([task, scroll.map(Message::Panel)]);
        }
        Task::batch([task, self.schedule_autosave()])
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Start(m) => self.start(m),
            Message::SelfCheck(m) => self.selfcheck(m),
            Message::Error(m) => self.error(m),
            Message::List(m) => self.list_message(m),
            Message::Application(_)
            | Message::Scoring(_)
            | Message::Ranking(_)
            | Message::Panel(_)
            | Message::Disagreements(_) => self.screen_message(message),
            Message::Key(k) => self.key(k),
            Message::MousePressed => match &mut self.screen {
                // A click may have put the focus in a text field: follow it,
                // so that Tab continues from there.
                Screen::Scoring(state) => {
                    state.pointer_pressed();
                    reveal::focused().map(|id| Message::Scoring(scoring::Message::Synced(id)))
                }
                _ => Task::none(),
            },
            Message::CloseRequested(_) => self.close(),
            Message::Home => {
                self.go_home();
                Task::none()
            }
            Message::ToList => self.back_to_list(),
            Message::ClaimStaff => {
                self.claim_staff();
                Task::none()
            }
            Message::Zoom(change) => {
                self.zoom(change);
                Task::none()
            }
            Message::OpenDialog => self.open_dialog(),
            Message::FindInList => self.find_in_list(),
            Message::Palette(m) => self.palette_message(m),
            Message::DialogRequested(r) => self.builtin_requested(r),
            Message::Dialog(m) => self.builtin_message(m),
            other => self.file_message(other),
        }
    }

    fn start(&mut self, m: start::Message) -> Task<Message> {
        let Screen::Start(state) = &mut self.screen else {
            return Task::none();
        };
        match state.update(m) {
            start::Action::None => Task::none(),
            start::Action::SetAssessor(name) => {
                self.set_assessor(name);
                if std::mem::take(&mut self.first_start) {
                    self.after_first_name();
                }
                Task::none()
            }
            start::Action::SetRole(role) => {
                self.set_role(role);
                Task::none()
            }
            start::Action::Open => self.open_dialog(),
            start::Action::OpenPath(p) => {
                self.open_path(&p);
                Task::none()
            }
            start::Action::OpenExample => {
                if let Some(p) = self.example_path() {
                    self.open_path(&p);
                }
                Task::none()
            }
            start::Action::PickRubric => self.rubric_dialog(),
            start::Action::Create(title, rubric) => {
                self.pending_new = Some((title, rubric));
                self.save_dialog()
            }
            start::Action::Back => {
                if self.session.is_some() {
                    self.screen = Screen::List;
                }
                Task::none()
            }
            start::Action::SelfCheck => {
                self.open_selfcheck();
                Task::none()
            }
        }
    }

    fn selfcheck(&mut self, m: selfcheck::Message) -> Task<Message> {
        let Screen::SelfCheck(state) = &mut self.screen else {
            return Task::none();
        };
        match state.update(m) {
            selfcheck::Action::None => Task::none(),
            selfcheck::Action::Run(task) => task.map(Message::SelfCheck),
            selfcheck::Action::OpenFolder(dir) => self.update(Message::OpenExported(dir)),
            selfcheck::Action::Home => {
                self.go_home();
                Task::none()
            }
        }
    }

    fn error(&mut self, m: error::Message) -> Task<Message> {
        let Screen::Error(state) = &mut self.screen else {
            return Task::none();
        };
        match state.update(m) {
            error::Action::None => Task::none(),
            error::Action::Retry(p) => {
                self.open_path(&p);
                Task::none()
            }
            error::Action::OpenOther => self.open_dialog(),
            error::Action::PickRubric(dossier) => {
                self.pending_rubric_for = Some(dossier);
                self.rubric_dialog()
            }
            error::Action::Home => {
                self.go_home();
                Task::none()
            }
        }
    }

    /// A message for the list: it handles its own files (packages, result
    /// files) and returns what the root has to do.
    fn list_message(&mut self, m: list::Message) -> Task<Message> {
        let Some(session) = &mut self.session else {
            return Task::none();
        };
        // One file dialog at a time: the list keeps its own dialogs apart,
        // and waits while one of the root's is open.
        if self.dialog_open && m.opens_dialog() {
            return Task::none();
        }
        let action = self.list.update(session, &self.config.assessor, m);
        self.list_action(action)
    }

    fn list_action(&mut self, action: list::Action) -> Task<Message> {
        match action {
            list::Action::None => Task::none(),
            list::Action::Run(task) => task.map(Message::List),
            list::Action::OpenFolder(dir) => self.update(Message::OpenExported(dir)),
            list::Action::Score(id, round) => self.open_scoring(id, round),
            list::Action::Edit(id) => {
                if let Some(app) = self
                    .session
                    .as_ref()
                    .and_then(|s| s.dossier().application(&id))
                {
                    self.screen = Screen::Application(application::State::edit(app));
                    return iced::widget::operation::focus(application::State::first_field());
                }
                Task::none()
            }
            list::Action::Add => self.new_application(),
            list::Action::SetAssessor(name) => {
                self.set_assessor(name);
                Task::none()
            }
            list::Action::ExportAll => self.if_sees_everything(Self::export_folder_dialog),
            list::Action::Ranking(round) => {
                if let Some(s) = &self.session {
                    self.screen = Screen::Ranking(Box::new(ranking::State::new(s, round)));
                }
                Task::none()
            }
            list::Action::Disagreements(round) => {
                if let Some(s) = &self.session {
                    let state = disagreements::State::new(s, round);
                    self.screen = Screen::Disagreements(Box::new(state));
                }
                Task::none()
            }
            list::Action::Panel(id, round) => {
                self.panel_from = None;
                self.open_panel(id, round, panel::Tab::SideBySide, None);
                Task::none()
            }
        }
    }

    /// A message for the screen that shows the open dossier.
    fn screen_message(&mut self, message: Message) -> Task<Message> {
        let Some(session) = &mut self.session else {
            return Task::none();
        };
        let user = &self.config.assessor;
        match (&mut self.screen, message) {
            (Screen::Application(state), Message::Application(m)) => {
                match state.update(session, m) {
                    application::Action::None => Task::none(),
                    application::Action::Done => {
                        self.screen = Screen::List;
                        Task::none()
                    }
                }
            }
            (Screen::Scoring(state), Message::Scoring(m)) => match state.update(session, m) {
                scoring::Action::None => Task::none(),
                scoring::Action::Back => self.back_to_list(),
                scoring::Action::Step(step) => self.step_application(step),
                scoring::Action::Run(task) => task.map(Message::Scoring),
                scoring::Action::ExportPdf(kind) => self.export_sheet_dialog(kind),
            },
            (Screen::Ranking(state), Message::Ranking(m)) => {
                let action = state.update(session, user, m);
                state.refresh(session);
                match action {
                    ranking::Action::None => Task::none(),
                    // The ranking's round is its own: the list (and so
                    // 'Beoordelen') keeps the round chosen there.
                    ranking::Action::Back => self.back_to_list(),
                    ranking::Action::ExportCsv => self.if_sees_everything(Self::csv_dialog),
                    ranking::Action::ExportWorkbook => {
                        self.if_sees_everything(Self::workbook_dialog)
                    }
                    // A decision is saved at once, not after the pause.
                    ranking::Action::SaveNow => self.save_now(),
                }
            }
            (Screen::Panel(state), Message::Panel(m)) => match state.update(session, user, m) {
                panel::Action::None => Task::none(),
                panel::Action::Back => self.leave_panel(),
                panel::Action::Run(task) => task.map(Message::Panel),
                panel::Action::ExportPdf(kind) => self.export_sheet_dialog(kind),
            },
            (Screen::Disagreements(state), Message::Disagreements(m)) => {
                match state.update(session, m) {
                    disagreements::Action::None => Task::none(),
                    disagreements::Action::Back => self.back_to_list(),
                    disagreements::Action::OpenPanel(id, round, focus) => {
                        if let Screen::Disagreements(from) =
                            std::mem::replace(&mut self.screen, Screen::List)
                        {
                            self.panel_from = Some(from);
                        }
                        self.open_panel(id, round, panel::Tab::SideBySide, focus);
                        Task::none()
                    }
                }
            }
            // A message for a screen that is no longer shown.
            _ => Task::none(),
        }
    }

    /// To the list with the keyboard in its filter.
    fn find_in_list(&mut self) -> Task<Message> {
        if self.session.is_none() {
            return Task::none();
        }
        let back = self.back_to_list();
        Task::batch([
            back,
            iced::widget::operation::focus(iced::widget::Id::new(list::FILTER)),
        ])
    }

    fn go_home(&mut self) {
        self.screen = Screen::Start(start::State::new(&self.config));
    }

    fn back_to_list(&mut self) -> Task<Message> {
        if self.session.is_some() {
            self.screen = Screen::List;
        }
        match &self.session {
            Some(session) => self.list.reveal_selected(session),
            None => Task::none(),
        }
    }

    fn new_application(&mut self) -> Task<Message> {
        // A package holds one assessor's applications: nothing to add there.
        let Some(session) = self
            .session
            .as_ref()
            .filter(|s| s.dossier().package.is_none())
        else {
            return Task::none();
        };
        self.screen = Screen::Application(application::State::new_application(session));
        iced::widget::operation::focus(application::State::first_field())
    }

    fn select_row(&mut self, id: &ApplicationId) {
        if let Some(i) = self
            .session
            .as_ref()
            .and_then(|s| s.dossier().applications.iter().position(|a| &a.id == id))
        {
            self.list.selected = Some(i);
        }
    }

    fn open_scoring(&mut self, id: ApplicationId, round: Round) -> Task<Message> {
        if self.session.is_none() {
            return Task::none();
        }
        if self.config.assessor.trim().is_empty() {
            return iced::widget::operation::focus(iced::widget::Id::new("list-name"));
        }
        self.select_row(&id);
        let Some(session) = &mut self.session else {
            return Task::none();
        };
        let target = Target {
            application: id.clone(),
            assessor: self.config.assessor.clone(),
            round,
        };
        let mut state = scoring::State::new(session, target);
        state.neighbours = [-1, 1].map(|step| self.list.neighbour(session, &id, step));
        // Start the keyboard on the first field, as a reader would.
        let first = scoring::fields(session.rubric())[0];
        let task = state.move_focus(session.rubric(), first);
        self.screen = Screen::Scoring(state);
        task.map(Message::Scoring)
    }

    /// From the scoring screen to the next (+1) or previous (-1)
    /// application in the list's order (with its filter), in the same
    /// round: what was typed is in the dossier already (every change goes
    /// through the session as it is made), so this is leaving the screen
    /// and opening the other application.
    fn step_application(&mut self, step: isize) -> Task<Message> {
        let (Screen::Scoring(state), Some(session)) = (&self.screen, &self.session) else {
            return Task::none();
        };
        let round = state.target.round;
        match self
            .list
            .neighbour(session, &state.target.application, step)
        {
            Some(id) => self.open_scoring(id, round),
            None => Task::none(),
        }
    }

    /// Open the panel screen of an application (programme staff and the
    /// chair) on the given round and tab, optionally focused on one
    /// criterion or knock-out.
    pub fn open_panel(
        &mut self,
        application: ApplicationId,
        round: Round,
        tab: panel::Tab,
        focus: Option<CriterionId>,
    ) {
        self.select_row(&application);
        let Some(session) = &self.session else {
            return;
        };
        // The scroll to `focus` runs after this message (see `update`).
        let state = panel::State::new(session, application, round, tab, focus);
        self.screen = Screen::Panel(Box::new(state));
    }

    /// Back from the panel screen: to the disagreements it was opened from,
    /// else to the list.
    fn leave_panel(&mut self) -> Task<Message> {
        match (self.panel_from.take(), &self.session) {
            (Some(mut from), Some(session)) => {
                from.refresh(session);
                self.screen = Screen::Disagreements(from);
                Task::none()
            }
            _ => self.back_to_list(),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            event::listen_with(keys::key_event),
            window::close_requests().map(Message::CloseRequested),
            Subscription::run(crate::ui::dialog::builtin::requests).map(Message::DialogRequested),
        ])
    }
}

/// A message after `d`, from a sleeping thread (the thread-pool executor
/// has no timer). The thread starts only when the task runs.
fn delay(d: Duration) -> Task<Message> {
    off_thread(move || std::thread::sleep(d), |_| Message::AutosaveDue)
}

/// Run `work` on a thread of its own and turn its outcome into a message
/// (None when the thread stopped without an answer): saving and exporting
/// never hold up the window.
fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce(Option<T>) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(
        async move {
            let (tx, rx) = iced::futures::channel::oneshot::channel();
            std::thread::spawn(move || {
                let _ = tx.send(work());
            });
            rx.await.ok()
        },
        done,
    )
}
