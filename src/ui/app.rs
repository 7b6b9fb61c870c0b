//! The root of the window: which screen is shown, the open dossier, the
//! preferences, saving, dialogs and the keyboard. Screens return an
//! `Action`; this module carries it out.

use crate::ui::dialog::FileDialog;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::widget::{button, column, container, row, space, text};
use iced::{Alignment, Element, Event, Fill, Subscription, Task, event, window};

use crate::ui::config::{Config, Places};
use crate::ui::screen::scoring::{KeyInput, bold};
use crate::ui::screen::{
    application, disagreements, error, list, panel, ranking, scoring, selfcheck, start,
};
use crate::ui::session::Session;
use crate::ui::widget::reveal;
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Dossier, Round};
use leidraad_core::edit::Target;
use leidraad_core::rubric::Rubric;

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
    Key(KeyPress),
    /// A mouse button went down somewhere in the window.
    MousePressed,
    CloseRequested(window::Id),
    DossierPicked(Option<PathBuf>),
    RubricPicked(Option<PathBuf>),
    NewDossierPlaced(Option<PathBuf>),
    AutosaveDue,
    /// Where to save the requested score sheet (None: cancelled).
    ExportPlaced(Option<PathBuf>),
    /// Where to save the scores as CSV (None: cancelled).
    CsvPlaced(Option<PathBuf>),
    /// The folder for every PDF of the dossier (None: cancelled).
    ExportFolderPicked(Option<PathBuf>),
    /// Open a written PDF or folder with the desktop's viewer.
    OpenExported(PathBuf),
    DismissExport,
    Save,
    Home,
    ToList,
}

/// A key press as the root sees it: `captured` when a text field took it.
#[derive(Debug, Clone)]
pub struct KeyPress {
    /// The key without modifiers (for shortcuts).
    pub key: Key,
    /// The key as typed, with Shift applied; None when the same as `key`.
    pub typed: Option<Key>,
    pub modifiers: Modifiers,
    pub captured: bool,
}

pub struct App {
    pub places: Option<Places>,
    pub config: Config,
    pub session: Option<Session>,
    pub screen: Screen,
    pub list: list::State,
    /// The disagreements screen the panel screen was opened from, to go
    /// back to.
    panel_from: Option<Box<disagreements::State>>,
    dialog_open: bool,
    /// A new dossier waiting for its place on disk.
    pending_new: Option<(String, Box<Rubric>)>,
    autosave_pending: bool,
    last_change: Option<Instant>,
    seen_generation: u64,
    close_warned: bool,
    /// The score sheet waiting for its place on disk.
    pending_sheet: Option<leidraad_report::SheetKind>,
    /// Whether the scores wait for their CSV file.
    pending_csv: bool,
    /// The outcome of the last PDF export, shown under the header.
    pub export: Option<ExportNotice>,
}

/// What the last PDF export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportNotice {
    /// Written; `open` is the file or folder to offer to open.
    Done {
        message: String,
        open: PathBuf,
    },
    Failed(String),
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
            panel_from: None,
            dialog_open: false,
            pending_new: None,
            autosave_pending: false,
            last_change: None,
            seen_generation: 0,
            close_warned: false,
            pending_sheet: None,
            pending_csv: false,
            export: None,
        }
    }

    /// An app with a dossier open on its list (tests, benchmarks).
    pub fn with_dossier(rubric: Rubric, dossier: Dossier, assessor: &str) -> App {
        let config = Config {
            assessor: assessor.to_string(),
            ..Config::default()
        };
        let mut app = App::new(config, None);
        app.set_session(Session::new(rubric, dossier, None));
        app
    }

    /// Start-up: open the given file, or the most recent dossier, or the
    /// user's copy of the example.
    pub fn boot(open: Option<PathBuf>, places: Option<Places>) -> (App, Task<Message>) {
        let config = places
            .as_ref()
            .map(|p| Config::load(&p.config_file))
            .unwrap_or_default();
        let mut app = App::new(config, places);
        let path = open.or_else(|| {
            app.config
                .recent
                .iter()
                .find(|p| p.is_file())
                .cloned()
                .or_else(|| app.example_path())
        });
        if let Some(path) = path {
            app.open_path(&path);
        }
        (app, Task::none())
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
            Some(s) => format!("{} — {}", s.dossier.title, strings::APP_TITLE),
            None => strings::APP_TITLE.to_string(),
        }
    }

    pub fn theme(&self) -> iced::Theme {
        theme::theme()
    }

    fn set_session(&mut self, session: Session) {
        if let Some(old) = &mut self.session
            && old.is_dirty()
        {
            old.save();
        }
        self.seen_generation = session.generation;
        self.session = Some(session);
        self.list = list::State::default();
        self.screen = Screen::List;
        if let Some(s) = &mut self.session {
            s.refresh();
        }
    }

    /// Open a dossier file; a file that fails to load shows the error
    /// screen and is left untouched.
    pub fn open_path(&mut self, path: &Path) {
        // The same file again: save and close it first, so that its lock is
        // free for the new session and what is loaded is what was saved.
        if let Some(old) = self.session.as_mut()
            && old.path.as_deref() == Some(path)
        {
            if old.is_dirty() {
                old.save();
            }
            self.session = None;
        }
        let rubric = self.config.rubric_for(path);
        match crate::cli::open(path, rubric.as_deref()) {
            Ok((rubric, dossier)) => {
                // Takes the dossier's lock, or opens it read-only.
                self.set_session(Session::open(rubric, dossier, path.to_path_buf()));
                self.config.remember(path);
                self.save_config();
            }
            Err(e) => self.screen = Screen::Error(error::State::new(path.to_path_buf(), e)),
        }
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
        if let (Screen::List, Some(s)) = (&self.screen, &mut self.session) {
            s.refresh();
        }
        if let Screen::Panel(p) = &mut self.screen
            && let Some(scroll) = p.take_scroll()
        {
            task = Task::batch([task, scroll.map(Message::Panel)]);
        }
        Task::batch([task, self.schedule_autosave()])
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Start(m) => {
                let Screen::Start(state) = &mut self.screen else {
                    return Task::none();
                };
                match state.update(m) {
                    start::Action::None => Task::none(),
                    start::Action::SetAssessor(name) => {
                        self.set_assessor(name);
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
                        self.screen =
                            Screen::SelfCheck(Box::new(selfcheck::State::new(Rubric::builtin())));
                        Task::none()
                    }
                }
            }
            Message::SelfCheck(m) => {
                let Screen::SelfCheck(state) = &mut self.screen else {
                    return Task::none();
                };
                match state.update(m) {
                    selfcheck::Action::None => Task::none(),
                    selfcheck::Action::Run(task) => task.map(Message::SelfCheck),
                    selfcheck::Action::Home => {
                        self.go_home();
                        Task::none()
                    }
                }
            }
            Message::Error(m) => {
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
                    error::Action::Home => {
                        self.go_home();
                        Task::none()
                    }
                }
            }
            Message::List(m) => match self.list.update(m) {
                list::Action::None => Task::none(),
                list::Action::Score(id, round) => self.open_scoring(id, round),
                list::Action::Edit(id) => {
                    if let Some(app) = self
                        .session
                        .as_ref()
                        .and_then(|s| s.dossier.application(&id))
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
                list::Action::ExportAll => self.export_folder_dialog(),
                list::Action::Ranking(round) => {
                    if let Some(s) = &mut self.session {
                        s.refresh();
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
                list::Action::PlacePackage(name) => {
                    if self.dialog_open {
                        return Task::none();
                    }
                    self.dialog_open = true;
                    list::package_dialog(self.dialog_dir(), name).map(Message::List)
                }
                list::Action::PickResult => {
                    if self.dialog_open {
                        return Task::none();
                    }
                    self.dialog_open = true;
                    list::result_dialog(self.dialog_dir()).map(Message::List)
                }
                list::Action::Package(path) => {
                    self.dialog_open = false;
                    if let Some(s) = &self.session {
                        self.list.write_package(s, path.as_deref());
                    }
                    Task::none()
                }
                list::Action::PlaceResult(_) => {
                    if self.dialog_open {
                        return Task::none();
                    }
                    let Some(info) = self
                        .session
                        .as_ref()
                        .and_then(|s| s.dossier.package.clone())
                    else {
                        return Task::none();
                    };
                    self.dialog_open = true;
                    let name = strings::result_file_name(&info.assessor, info.round);
                    list::result_save_dialog(self.dialog_dir(), name).map(Message::List)
                }
                list::Action::WriteResult(path) => {
                    self.dialog_open = false;
                    if let Some(s) = &mut self.session {
                        self.list.write_result(s, path.as_deref());
                    }
                    Task::none()
                }
                list::Action::Import(path) => {
                    self.dialog_open = false;
                    if let (Some(path), Some(s)) = (path, &mut self.session) {
                        self.list.import(s, &self.config.assessor, &path);
                    }
                    Task::none()
                }
            },
            Message::Application(m) => {
                let (Screen::Application(state), Some(session)) =
                    (&mut self.screen, &mut self.session)
                else {
                    return Task::none();
                };
                match state.update(session, m) {
                    application::Action::None => Task::none(),
                    application::Action::Done => {
                        self.screen = Screen::List;
                        Task::none()
                    }
                }
            }
            Message::Scoring(m) => {
                let (Screen::Scoring(state), Some(session)) = (&mut self.screen, &mut self.session)
                else {
                    return Task::none();
                };
                match state.update(session, m) {
                    scoring::Action::None => Task::none(),
                    scoring::Action::Back => self.back_to_list(),
                    scoring::Action::Run(task) => task.map(Message::Scoring),
                    scoring::Action::ExportPdf(kind) => self.export_sheet_dialog(kind),
                }
            }
            Message::Ranking(m) => {
                let (Screen::Ranking(state), Some(session)) = (&mut self.screen, &mut self.session)
                else {
                    return Task::none();
                };
                session.refresh();
                let action = state.update(session, &self.config.assessor, m);
                session.refresh();
                state.refresh(session);
                match action {
                    ranking::Action::None => Task::none(),
                    ranking::Action::Back => {
                        self.list.round = state.round;
                        self.back_to_list()
                    }
                    ranking::Action::ExportCsv => self.csv_dialog(),
                }
            }
            Message::Panel(m) => {
                let (Screen::Panel(state), Some(session)) = (&mut self.screen, &mut self.session)
                else {
                    return Task::none();
                };
                session.refresh();
                let action = state.update(session, &self.config.assessor, m);
                session.refresh();
                match action {
                    panel::Action::None => Task::none(),
                    panel::Action::Back => self.leave_panel(),
                    panel::Action::Run(task) => task.map(Message::Panel),
                    panel::Action::ExportPdf(kind) => self.export_sheet_dialog(kind),
                }
            }
            Message::Disagreements(m) => {
                let (Screen::Disagreements(state), Some(session)) =
                    (&mut self.screen, &self.session)
                else {
                    return Task::none();
                };
                match state.update(session, m) {
                    disagreements::Action::None => Task::none(),
                    disagreements::Action::Back => {
                        self.list.round = state.round;
                        self.back_to_list()
                    }
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
            Message::Key(k) => self.key(k),
            Message::MousePressed => match self.screen {
                // A click may have put the focus in a text field: follow it,
                // so that Tab continues from there.
                Screen::Scoring(_) => {
                    reveal::focused().map(|id| Message::Scoring(scoring::Message::Synced(id)))
                }
                _ => Task::none(),
            },
            Message::CloseRequested(_) => {
                if let Some(s) = &mut self.session
                    && s.is_dirty()
                {
                    s.save();
                    if s.save_error.is_some() && !self.close_warned {
                        // Keep the window open once, so the error is seen.
                        self.close_warned = true;
                        return Task::none();
                    }
                }
                // Closing the session releases the dossier's lock.
                self.session = None;
                iced::exit()
            }
            Message::DossierPicked(path) => {
                self.dialog_open = false;
                if let Some(p) = path {
                    self.open_path(&p);
                }
                Task::none()
            }
            Message::RubricPicked(path) => {
                self.dialog_open = false;
                let Some(path) = path else {
                    return Task::none();
                };
                match Rubric::load(&path) {
                    Ok(r) => {
                        if let Screen::Start(s) = &mut self.screen {
                            s.rubric = start::RubricChoice::File(path, Box::new(r));
                        }
                    }
                    Err(e) => self.screen = Screen::Error(error::State::new(path, e)),
                }
                Task::none()
            }
            Message::NewDossierPlaced(path) => {
                self.dialog_open = false;
                let (Some(path), Some((title, rubric))) = (path, self.pending_new.take()) else {
                    return Task::none();
                };
                let rubric_path = match &self.screen {
                    Screen::Start(s) => match &s.rubric {
                        start::RubricChoice::File(p, _) => Some(p.clone()),
                        start::RubricChoice::Builtin => None,
                    },
                    _ => None,
                };
                let dossier = Dossier::new(&title, &rubric);
                if let Err(e) = leidraad_core::store::save_dossier(&path, &dossier) {
                    if let Screen::Start(s) = &mut self.screen {
                        s.message = Some(strings::save_failed(&e.to_string()));
                    }
                    return Task::none();
                }
                if let Some(rp) = rubric_path {
                    self.config.set_rubric_for(&path, &rp);
                }
                self.open_path(&path);
                Task::none()
            }
            Message::AutosaveDue => {
                self.autosave_pending = false;
                let Some(s) = &mut self.session else {
                    return Task::none();
                };
                if !s.is_dirty() {
                    return Task::none();
                }
                let since = self.last_change.map_or(AUTOSAVE_DELAY, |t| t.elapsed());
                if since < AUTOSAVE_DELAY {
                    self.autosave_pending = true;
                    return delay(AUTOSAVE_DELAY - since);
                }
                s.save();
                Task::none()
            }
            Message::ExportPlaced(path) => {
                self.dialog_open = false;
                let (Some(path), Some(kind)) = (path, self.pending_sheet.take()) else {
                    return Task::none();
                };
                self.export_sheet(&kind, &path);
                Task::none()
            }
            Message::CsvPlaced(path) => {
                self.dialog_open = false;
                let pending = std::mem::take(&mut self.pending_csv);
                let (Some(path), true) = (path, pending) else {
                    return Task::none();
                };
                self.export_csv(&path);
                Task::none()
            }
            Message::ExportFolderPicked(dir) => {
                self.dialog_open = false;
                if let Some(dir) = dir {
                    self.export_everything(&dir);
                }
                Task::none()
            }
            Message::OpenExported(path) => {
                if let Err(e) = open_with_desktop(&path) {
                    self.export = Some(ExportNotice::Failed(strings::open_failed(&e)));
                }
                Task::none()
            }
            Message::DismissExport => {
                self.export = None;
                Task::none()
            }
            Message::Save => {
                if let Some(s) = &mut self.session {
                    s.save();
                }
                Task::none()
            }
            Message::Home => {
                self.go_home();
                Task::none()
            }
            Message::ToList => self.back_to_list(),
        }
    }

    fn go_home(&mut self) {
        self.screen = Screen::Start(start::State::new(&self.config));
    }

    fn back_to_list(&mut self) -> Task<Message> {
        if self.session.is_some() {
            self.screen = Screen::List;
        }
        match self.list.selected {
            Some(i) => reveal::reveal(
                iced::widget::Id::new(list::SCROLL),
                iced::widget::Id::from(format!("row-{i}")),
            ),
            None => Task::none(),
        }
    }

    fn new_application(&mut self) -> Task<Message> {
        // A package holds one assessor's applications: nothing to add there.
        let Some(session) = self
            .session
            .as_ref()
            .filter(|s| s.dossier.package.is_none())
        else {
            return Task::none();
        };
        self.screen = Screen::Application(application::State::new_application(session));
        iced::widget::operation::focus(application::State::first_field())
    }

    fn open_scoring(
        &mut self,
        id: leidraad_core::dossier::ApplicationId,
        round: Round,
    ) -> Task<Message> {
        let Some(session) = &mut self.session else {
            return Task::none();
        };
        if self.config.assessor.trim().is_empty() {
            return iced::widget::operation::focus(iced::widget::Id::new("list-name"));
        }
        if let Some(i) = session.dossier.applications.iter().position(|a| a.id == id) {
            self.list.selected = Some(i);
        }
        let target = Target {
            application: id,
            assessor: self.config.assessor.clone(),
            round,
        };
        let mut state = scoring::State::new(session, target);
        // Start the keyboard on the first field, as a reader would.
        let first = scoring::fields(&session.rubric)[0];
        let task = state.move_focus(&session.rubric, first);
        self.screen = Screen::Scoring(state);
        task.map(Message::Scoring)
    }

    /// Open the panel screen of an application (programme staff and the
    /// chair) on the given round and tab, optionally focused on one
    /// criterion or knock-out.
    pub fn open_panel(
        &mut self,
        application: leidraad_core::dossier::ApplicationId,
        round: Round,
        tab: panel::Tab,
        focus: Option<leidraad_core::rubric::CriterionId>,
    ) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let Some(i) = session
            .dossier
            .applications
            .iter()
            .position(|a| a.id == application)
        {
            self.list.selected = Some(i);
        }
        session.refresh();
        // The scroll to `focus` runs after this message (see `update`).
        let state = panel::State::new(session, application, round, tab, focus);
        self.screen = Screen::Panel(Box::new(state));
    }

    /// Back from the panel screen: to the disagreements it was opened from,
    /// else to the list.
    fn leave_panel(&mut self) -> Task<Message> {
        match (self.panel_from.take(), &mut self.session) {
            (Some(mut from), Some(session)) => {
                session.refresh();
                from.refresh(session);
                self.screen = Screen::Disagreements(from);
                Task::none()
            }
            _ => self.back_to_list(),
        }
    }

    /// Save a little after the last change, not on every key.
    fn schedule_autosave(&mut self) -> Task<Message> {
        let Some(s) = &self.session else {
            return Task::none();
        };
        if s.generation == self.seen_generation {
            return Task::none();
        }
        self.seen_generation = s.generation;
        self.last_change = Some(Instant::now());
        if self.autosave_pending {
            return Task::none();
        }
        self.autosave_pending = true;
        delay(AUTOSAVE_DELAY)
    }

    fn key(&mut self, k: KeyPress) -> Task<Message> {
        let command = k.modifiers.command();
        let shift = k.modifiers.shift();
        let character = match k.key.as_ref() {
            Key::Character(c) => c.chars().next(),
            _ => None,
        };
        // What was typed, with Shift applied: for text, not for shortcuts.
        let typed = match k.typed.as_ref().unwrap_or(&k.key).as_ref() {
            Key::Character(c) => c.chars().next(),
            _ => None,
        };
        match (k.key.as_ref(), character) {
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'s') => {
                return self.update(Message::Save);
            }
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'o') => return self.open_dialog(),
            (_, Some(c)) if command && c.eq_ignore_ascii_case(&'n') => {
                return self.new_application();
            }
            (Key::Named(Named::Enter), _) if command => {
                if let (Screen::Scoring(state), Some(session)) =
                    (&mut self.screen, &mut self.session)
                {
                    state.submit(session);
                }
                return Task::none();
            }
            (Key::Named(Named::Tab), _) => {
                return match &self.screen {
                    Screen::Scoring(_) => {
                        self.handle(Message::Scoring(scoring::Message::Tab { backwards: shift }))
                    }
                    _ if shift => iced::widget::operation::focus_previous(),
                    _ => iced::widget::operation::focus_next(),
                };
            }
            _ => {}
        }
        if k.captured || command {
            return Task::none();
        }
        match &mut self.screen {
            Screen::Scoring(state) => {
                let Some(session) = &mut self.session else {
                    return Task::none();
                };
                let input = match (k.key.as_ref(), character) {
                    (Key::Named(Named::Escape), _) => return self.back_to_list(),
                    (Key::Named(Named::Enter), _) => KeyInput::Enter,
                    (Key::Named(Named::Delete | Named::Backspace), _) => KeyInput::Delete,
                    (Key::Named(Named::ArrowLeft), _) => KeyInput::Step(-1),
                    (Key::Named(Named::ArrowRight), _) => KeyInput::Step(1),
                    (Key::Named(Named::Space), _) => KeyInput::Char(' '),
                    (_, Some(_)) => match typed {
                        Some(c) => KeyInput::Char(c),
                        None => return Task::none(),
                    },
                    _ => return Task::none(),
                };
                match state.key(session, &input) {
                    scoring::Action::Run(t) => t.map(Message::Scoring),
                    scoring::Action::ExportPdf(kind) => self.export_sheet_dialog(kind),
                    scoring::Action::Back => self.back_to_list(),
                    scoring::Action::None => Task::none(),
                }
            }
            Screen::List => {
                let Some(session) = &self.session else {
                    return Task::none();
                };
                let key = match k.key.as_ref() {
                    Key::Named(Named::ArrowDown) => list::ListKey::Down,
                    Key::Named(Named::ArrowUp) => list::ListKey::Up,
                    Key::Named(Named::Enter) => list::ListKey::Enter,
                    _ => return Task::none(),
                };
                match self.list.key(session, key) {
                    list::Action::Score(id, round) => self.open_scoring(id, round),
                    _ => match self.list.selected {
                        Some(i) => reveal::reveal(
                            iced::widget::Id::new(list::SCROLL),
                            iced::widget::Id::from(format!("row-{i}")),
                        ),
                        None => Task::none(),
                    },
                }
            }
            Screen::Ranking(_) => match k.key.as_ref() {
                Key::Named(Named::Escape) => self.back_to_list(),
                _ => Task::none(),
            },
            Screen::Panel(_) => match k.key.as_ref() {
                Key::Named(Named::Escape) => self.leave_panel(),
                _ => Task::none(),
            },
            Screen::Disagreements(_) => match k.key.as_ref() {
                Key::Named(Named::Escape) => self.back_to_list(),
                _ => Task::none(),
            },
            Screen::Application(_) => match k.key.as_ref() {
                Key::Named(Named::Escape) => {
                    self.screen = Screen::List;
                    Task::none()
                }
                _ => Task::none(),
            },
            Screen::Start(_) | Screen::Error(_) | Screen::SelfCheck(_) => Task::none(),
        }
    }

    fn open_dialog(&mut self) -> Task<Message> {
        if self.dialog_open {
            return Task::none();
        }
        self.dialog_open = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::open(strings::OPEN_DOSSIER)
                .filter(strings::DIALOG_FILTER_DOSSIER, &["ron"])
                .directory(dir)
                .show(),
            Message::DossierPicked,
        )
    }

    fn rubric_dialog(&mut self) -> Task<Message> {
        if self.dialog_open {
            return Task::none();
        }
        self.dialog_open = true;
        Task::perform(
            FileDialog::open(strings::RUBRIC_FROM_FILE)
                .filter(strings::DIALOG_FILTER_RUBRIC, &["ron"])
                .show(),
            Message::RubricPicked,
        )
    }

    fn save_dialog(&mut self) -> Task<Message> {
        if self.dialog_open {
            return Task::none();
        }
        self.dialog_open = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::NEW_DOSSIER_TITLE)
                .file_name(strings::DEFAULT_DOSSIER_FILE)
                .filter(strings::DIALOG_FILTER_DOSSIER, &["ron"])
                .directory(dir)
                .show(),
            Message::NewDossierPlaced,
        )
    }

    /// Ask where to save one score sheet; the sheet is made when the
    /// place is known ([`Message::ExportPlaced`]).
    fn export_sheet_dialog(&mut self, kind: leidraad_report::SheetKind) -> Task<Message> {
        if self.dialog_open {
            return Task::none();
        }
        let has_data = self.session.as_ref().is_some_and(|s| match &kind {
            leidraad_report::SheetKind::Assessment {
                application,
                assessor,
                round,
            } => s
                .dossier
                .assessment(application, assessor, *round)
                .is_some(),
            leidraad_report::SheetKind::Consensus { application, round } => {
                s.dossier.consensus_for(application, *round).is_some()
            }
        });
        if !has_data {
            self.export = Some(ExportNotice::Failed(strings::NOTHING_TO_EXPORT.to_string()));
            return Task::none();
        }
        self.dialog_open = true;
        let name = leidraad_report::sheet_file_name(&kind);
        self.pending_sheet = Some(kind);
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::EXPORT_SHEET_TITLE)
                .file_name(name)
                .filter(strings::DIALOG_FILTER_PDF, &["pdf"])
                .directory(dir)
                .show(),
            Message::ExportPlaced,
        )
    }

    /// Ask where to save the scores of every round as CSV (the long format
    /// of `import-csv`).
    fn csv_dialog(&mut self) -> Task<Message> {
        if self.dialog_open || self.session.is_none() {
            return Task::none();
        }
        self.dialog_open = true;
        self.pending_csv = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::save(strings::EXPORT_CSV_TITLE)
                .file_name(strings::CSV_FILE_NAME)
                .filter(strings::DIALOG_FILTER_CSV, &["csv"])
                .directory(dir)
                .show(),
            Message::CsvPlaced,
        )
    }

    fn export_csv(&mut self, path: &Path) {
        let Some(s) = &self.session else {
            return;
        };
        let csv = leidraad_core::interchange::csv::export(&s.rubric, &s.dossier, None);
        self.export = Some(
            match leidraad_core::store::write_atomic(path, csv.as_bytes(), false) {
                Ok(()) => ExportNotice::Done {
                    message: strings::exported_csv(&path.display().to_string()),
                    open: path.to_path_buf(),
                },
                Err(e) => ExportNotice::Failed(strings::export_failed(&e.to_string())),
            },
        );
    }

    /// Ask for a folder for every score sheet and the ranking reports.
    fn export_folder_dialog(&mut self) -> Task<Message> {
        if self.dialog_open || self.session.is_none() {
            return Task::none();
        }
        self.dialog_open = true;
        let dir = self.dialog_dir();
        Task::perform(
            FileDialog::folder(strings::EXPORT_ALL_TITLE)
                .directory(dir)
                .show(),
            Message::ExportFolderPicked,
        )
    }

    /// Make one score sheet and write it to `path`.
    fn export_sheet(&mut self, kind: &leidraad_report::SheetKind, path: &Path) {
        let Some(s) = &self.session else {
            return;
        };
        let today = chrono::Local::now().date_naive();
        let result = leidraad_report::score_sheet(&s.rubric, &s.dossier, kind, today)
            .and_then(|bytes| leidraad_report::write_pdf(path, &bytes));
        self.export = Some(match result {
            Ok(()) => ExportNotice::Done {
                message: strings::exported_one(&path.display().to_string()),
                open: path.to_path_buf(),
            },
            Err(e) => ExportNotice::Failed(strings::export_failed(&e.to_string())),
        });
    }

    /// Write every score sheet and the ranking report of each round with
    /// data into `dir`.
    fn export_everything(&mut self, dir: &Path) {
        let Some(s) = &self.session else {
            return;
        };
        let options = leidraad_report::ExportOptions {
            round: None,
            application: None,
            printed: chrono::Local::now().date_naive(),
        };
        self.export = Some(
            match leidraad_report::export_all(&s.rubric, &s.dossier, dir, &options) {
                Ok(files) => ExportNotice::Done {
                    message: strings::exported_many(files.len(), &dir.display().to_string()),
                    open: dir.to_path_buf(),
                },
                Err(e) => ExportNotice::Failed(strings::export_failed(&e.to_string())),
            },
        );
    }

    fn export_banner(&self) -> Option<Element<'_, Message>> {
        let notice = self.export.as_ref()?;
        let close = button(text(strings::CLOSE_NOTICE))
            .style(theme::secondary)
            .on_press(Message::DismissExport);
        let (line, style): (Element<'_, Message>, fn(&iced::Theme) -> container::Style) =
            match notice {
                ExportNotice::Done { message, open } => {
                    let label = if open.is_dir() {
                        strings::OPEN_FOLDER
                    } else {
                        strings::OPEN_PDF
                    };
                    (
                        row![
                            text(message).width(Fill),
                            button(text(label))
                                .style(button::primary)
                                .on_press(Message::OpenExported(open.clone())),
                            close
                        ]
                        .spacing(8)
                        .align_y(Alignment::Center)
                        .into(),
                        theme::notice_info,
                    )
                }
                ExportNotice::Failed(message) => (
                    row![text(message).width(Fill), close]
                        .spacing(8)
                        .align_y(Alignment::Center)
                        .into(),
                    theme::notice_danger,
                ),
            };
        Some(
            container(container(line).padding([6, 12]).width(Fill).style(style))
                .padding([6, 20])
                .into(),
        )
    }

    fn dialog_dir(&self) -> Option<PathBuf> {
        self.session
            .as_ref()
            .and_then(|s| s.path.as_ref())
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .or_else(|| self.places.as_ref().map(|p| p.data_dir.clone()))
    }

    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            event::listen_with(key_event),
            window::close_requests().map(Message::CloseRequested),
        ])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match (&self.screen, &self.session) {
            (Screen::Start(s), session) => s
                .view(
                    &self.config,
                    session.as_ref().map(|s| s.dossier.title.as_str()),
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
        match &self.session {
            Some(session)
                if !matches!(
                    self.screen,
                    Screen::Start(_) | Screen::Error(_) | Screen::SelfCheck(_)
                ) =>
            {
                column![self.header(session)]
                    .push(read_only_banner(session))
                    .push(self.export_banner())
                    .push(page)
                    .into()
            }
            _ => page.into(),
        }
    }

    fn header<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let saved: Element<'a, Message> = if let Some(e) = &session.save_error {
            container(text(strings::save_failed(e)).size(theme::SMALL))
                .padding([2, 6])
                .style(theme::notice_danger)
                .into()
        } else {
            let s = if session.is_dirty() {
                strings::UNSAVED_CHANGES.to_string()
            } else if let Some(at) = &session.saved_at {
                strings::saved_at(at)
            } else {
                strings::NOT_SAVED_YET.to_string()
            };
            text(s).size(theme::SMALL).into()
        };
        let assessor = if self.config.assessor.is_empty() {
            strings::NO_ASSESSOR
        } else {
            self.config.assessor.as_str()
        };
        let bar = row![
            column![
                text(&session.dossier.title).size(18).font(bold()),
                text(session.file_name()).size(theme::SMALL),
            ],
            space::horizontal(),
            text(format!("{}: {assessor}", strings::ASSESSOR)).size(theme::TEXT),
            saved,
            button(text(format!("{} (Ctrl+S)", strings::SAVE)))
                .style(theme::header_button)
                .on_press(Message::Save),
            button(text(strings::HOME))
                .style(theme::header_button)
                .on_press(Message::Home),
        ]
        .spacing(16)
        .align_y(Alignment::Center)
        .padding([8, 20]);
        container(bar).width(Fill).style(theme::header).into()
    }
}

/// The banner of a dossier open read-only (another window has it open).
fn read_only_banner(session: &Session) -> Option<Element<'_, Message>> {
    let reason = session.read_only.as_ref()?;
    Some(
        container(
            container(text(reason.message()))
                .padding([6, 12])
                .width(Fill)
                .style(theme::notice_danger),
        )
        .padding([6, 20])
        .into(),
    )
}

fn key_event(event: Event, status: event::Status, _window: window::Id) -> Option<Message> {
    match event {
        Event::Keyboard(keyboard::Event::KeyPressed {
            key,
            modified_key,
            modifiers,
            ..
        }) => {
            let typed = (modified_key != key).then_some(modified_key);
            Some(Message::Key(KeyPress {
                key,
                typed,
                modifiers,
                captured: matches!(status, event::Status::Captured),
            }))
        }
        Event::Mouse(iced::mouse::Event::ButtonPressed(_)) => Some(Message::MousePressed),
        _ => None,
    }
}

/// Open a file or folder with the desktop's default program.
fn open_with_desktop(path: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reap the opener when it exits, so no zombie is left behind.
            std::thread::spawn(move || child.wait());
        })
        .map_err(|e| format!("{program}: {e}"))
}

/// A message after `d`, from a sleeping thread (the thread-pool executor
/// has no timer). The thread starts only when the task runs.
fn delay(d: Duration) -> Task<Message> {
    Task::perform(
        async move {
            let (tx, rx) = iced::futures::channel::oneshot::channel();
            std::thread::spawn(move || {
                std::thread::sleep(d);
                let _ = tx.send(());
            });
            let _ = rx.await;
        },
        |()| Message::AutosaveDue,
    )
}
