//! The applications of a dossier: region and plan, the total per round, the
//! status in the chosen round (from `scoring::evaluate`) and how far the
//! current assessor is. The list also makes packages for assessors and
//! takes their results back in; it runs those file dialogs itself (`files`).
//! What it looks like is in `view`.

mod files;

pub use files::folder_of;
mod view;

use std::path::PathBuf;

use iced::Task;
use iced::widget::scrollable::{AbsoluteOffset, Viewport};

use leidraad_core::dossier::{ApplicationId, Round};
use leidraad_core::session::Session;

pub const SCROLL: &str = "list-scroll";
/// The filter field above the list (Ctrl+F).
pub const FILTER: &str = "list-filter";

/// The height of every row of the list, and the space under it. The rows
/// have one height so that the list can build only those in view: a dossier
/// may hold 10,000 applications, and a wheel step must not wait for them.
pub const ROW_HEIGHT: f32 = 56.0;
pub const ROW_GAP: f32 = 4.0;
const ROW_PITCH: f32 = ROW_HEIGHT + ROW_GAP;
/// The height of the list's viewport until the scrollable has reported it
/// (the first frame): more than any screen shows.
const ASSUMED_VIEW_HEIGHT: f32 = 2400.0;
/// The space kept above a row brought into view by the keyboard.
const REVEAL_MARGIN: f32 = 24.0;

#[derive(Debug, Clone)]
pub enum Message {
    Round(Round),
    Score(ApplicationId),
    Edit(ApplicationId),
    Add,
    Select(usize),
    NameChanged(String),
    UseName,
    PickAssessor(String),
    /// Every score sheet of the dossier and the ranking reports, as PDF.
    ExportAll,
    Ranking,
    /// Where the assessors disagree, in the chosen round.
    Disagreements,
    /// The panel screen of one application (side by side).
    Panel(ApplicationId),
    /// Open the form to make a package for one assessor.
    AskPackage,
    PackageAssessor(String),
    PackageRound(Round),
    /// Ask where to save the package.
    SavePackage,
    CancelPackage,
    /// Where to save the package (None: cancelled).
    PackagePlaced(Option<PathBuf>),
    /// Ask for a result file to import.
    ImportResult,
    /// The result file to import (None: cancelled).
    ResultPicked(Option<PathBuf>),
    /// In a package: ask where to save the result file.
    SaveResult,
    /// Where to save the result file (None: cancelled).
    ResultPlaced(Option<PathBuf>),
    DismissNotice,
    /// Open the folder a package or result was written to.
    OpenFolder(PathBuf),
    /// The list was scrolled or its viewport changed size.
    Scrolled(Viewport),
    /// The text of the filter field (application id or region).
    Filter(String),
    /// Enter in the filter field: score the selected row, else the first
    /// row shown.
    FilterSubmit,
}

impl Message {
    /// Whether this message asks for a file dialog (the root holds it back
    /// while a dialog of its own is open).
    pub fn opens_dialog(&self) -> bool {
        matches!(
            self,
            Message::SavePackage | Message::ImportResult | Message::SaveResult
        )
    }
}

pub enum Action {
    None,
    Score(ApplicationId, Round),
    Edit(ApplicationId),
    Add,
    SetAssessor(String),
    ExportAll,
    Ranking(Round),
    Disagreements(Round),
    Panel(ApplicationId, Round),
    /// A file dialog of the list; its answer comes back as a [`Message`].
    Run(Task<Message>),
    /// Open a folder with the desktop's file manager.
    OpenFolder(PathBuf),
}

/// The form for a package: whose, and which round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageForm {
    pub assessor: Option<String>,
    pub round: Round,
}

/// The outcome of the last package or import, shown above the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Done(String),
    /// A file was written (package, result): what and where, and the
    /// folder to offer to open.
    Written(String, PathBuf),
    Refused(String),
}

pub struct State {
    pub round: Round,
    /// The row the keyboard is on.
    pub selected: Option<usize>,
    name: String,
    /// The package form, when open.
    pub package: Option<PackageForm>,
    /// The package waiting for its place on disk.
    pending_package: Option<(String, Round)>,
    pub notice: Option<Notice>,
    /// Whether one of the list's file dialogs is open (one at a time).
    dialog_open: bool,
    /// Where the list is scrolled to and how high its viewport is (None
    /// until the scrollable has reported it).
    scroll_y: f32,
    view_height: Option<f32>,
    /// What the list is narrowed to (Ctrl+F): a part of an application's
    /// id or region, any case; empty shows every application.
    pub filter: String,
    /// The width of the id column, with the dossier's generation and
    /// number of applications it was measured for: measured once per
    /// change, not on every frame (10,000 ids take milliseconds).
    id_width: std::cell::Cell<Option<(u64, usize, f32)>>,
}

impl Default for State {
    fn default() -> Self {
        State::new(Round::One)
    }
}

impl State {
    pub fn new(round: Round) -> State {
        State {
            round,
            selected: None,
            name: String::new(),
            package: None,
            pending_package: None,
            notice: None,
            dialog_open: false,
            scroll_y: 0.0,
            view_height: None,
            filter: String::new(),
            id_width: std::cell::Cell::new(None),
        }
    }

    /// The width of the id column: the widest id of the dossier.
    pub fn id_width(&self, session: &Session) -> f32 {
        let apps = &session.dossier().applications;
        let key = (session.generation(), apps.len());
        if let Some((g, n, w)) = self.id_width.get()
            && (g, n) == key
        {
            return w;
        }
        let w = crate::ui::measure::column(
            apps.iter().map(|a| a.id.0.as_str()),
            crate::ui::theme::SMALL,
            false,
            0.0,
        );
        self.id_width.set(Some((key.0, key.1, w)));
        w
    }

    /// The rows to build: those in view and a screenful above and below
    /// them, so that a click or wheel step arriving before the next view
    /// still finds its row.
    pub fn rows_in_view(&self, rows: usize) -> std::ops::Range<usize> {
        let height = self.view_height.unwrap_or(ASSUMED_VIEW_HEIGHT);
        // An offset kept from a longer list or another visit (a new
        // scrollable starts at the top and reports it on its first frame).
        let scroll_y = self
            .scroll_y
            .min((rows as f32 * ROW_PITCH - height).max(0.0));
        let top = (scroll_y - height).max(0.0);
        let bottom = scroll_y + 2.0 * height;
        let first = ((top / ROW_PITCH).floor() as usize).min(rows);
        let last = ((bottom / ROW_PITCH).ceil() as usize).clamp(first, rows);
        first..last
    }

    /// Scroll the list so that the selected row is in view (after a key, or
    /// coming back from another screen, where the list starts at the top):
    /// rows have one height, so its place is known without the widgets.
    pub fn reveal_selected<T: Send + 'static>(&mut self, session: &Session) -> Task<T> {
        let Some(selected) = self.selected else {
            return Task::none();
        };
        // Its place among the rows shown (the filter may hide rows above).
        let Some(index) = self.shown(session).iter().position(|&i| i == selected) else {
            return Task::none();
        };
        let top = index as f32 * ROW_PITCH;
        let height = self.view_height.unwrap_or(ASSUMED_VIEW_HEIGHT);
        if top < self.scroll_y + REVEAL_MARGIN {
            self.scroll_y = (top - REVEAL_MARGIN).max(0.0);
        } else if top + ROW_HEIGHT > self.scroll_y + height - REVEAL_MARGIN {
            self.scroll_y = top + ROW_HEIGHT + REVEAL_MARGIN - height;
        }
        iced::widget::operation::scroll_to(
            iced::widget::Id::new(SCROLL),
            AbsoluteOffset {
                x: None,
                y: Some(self.scroll_y),
            },
        )
    }

    /// Whether one of the list's file dialogs is open.
    pub fn dialog_open(&self) -> bool {
        self.dialog_open
    }

    /// Handle a message; `user` is the window's user (who imports).
    pub fn update(&mut self, session: &mut Session, user: &str, message: Message) -> Action {
        match message {
            Message::Round(r) => self.round = r,
            Message::Score(id) => return Action::Score(id, self.round),
            Message::Edit(id) => return Action::Edit(id),
            Message::Add => return Action::Add,
            Message::Select(i) => self.selected = Some(i),
            Message::NameChanged(s) => self.name = s,
            Message::UseName => {
                let name = self.name.trim().to_string();
                if !name.is_empty() {
                    return Action::SetAssessor(name);
                }
            }
            Message::PickAssessor(name) => return Action::SetAssessor(name),
            Message::ExportAll => return Action::ExportAll,
            Message::Ranking => return Action::Ranking(self.round),
            Message::Disagreements => return Action::Disagreements(self.round),
            Message::Panel(id) => return Action::Panel(id, self.round),
            Message::AskPackage => {
                self.package = Some(PackageForm {
                    assessor: None,
                    round: self.round,
                });
            }
            Message::PackageAssessor(name) => {
                if let Some(f) = &mut self.package {
                    f.assessor = Some(name);
                }
            }
            Message::PackageRound(r) => {
                if let Some(f) = &mut self.package {
                    f.round = r;
                }
            }
            Message::CancelPackage => self.package = None,
            Message::DismissNotice => self.notice = None,
            Message::OpenFolder(dir) => return Action::OpenFolder(dir),
            Message::Scrolled(viewport) => {
                self.scroll_y = viewport.absolute_offset().y;
                self.view_height = Some(viewport.bounds().height);
            }
            Message::Filter(text) => return self.set_filter(session, text),
            Message::FilterSubmit => return self.key(session, ListKey::Enter),
            Message::SavePackage
            | Message::PackagePlaced(_)
            | Message::ImportResult
            | Message::ResultPicked(_)
            | Message::SaveResult
            | Message::ResultPlaced(_) => return self.file_message(session, user, message),
        }
        Action::None
    }

    /// Arrow keys move the selection among the rows shown; Enter scores
    /// the selected row (the first one shown when none is selected).
    pub fn key(&mut self, session: &Session, key: ListKey) -> Action {
        let shown = self.shown(session);
        let Some(&last) = shown.last() else {
            return Action::None;
        };
        let at = self
            .selected
            .and_then(|s| shown.iter().position(|&i| i == s));
        match key {
            ListKey::Down => {
                let next = at.map_or(0, |p| (p + 1).min(shown.len() - 1));
                self.selected = Some(shown[next]);
            }
            ListKey::Up => {
                self.selected = Some(at.map_or(last, |p| shown[p.saturating_sub(1)]));
            }
            ListKey::Enter => {
                let row = at.map_or(shown[0], |p| shown[p]);
                self.selected = Some(row);
                if let Some(app) = session.dossier().applications.get(row) {
                    return Action::Score(app.id.clone(), self.round);
                }
            }
        }
        Action::None
    }

    /// The places (in the dossier) of the applications the list shows, in
    /// its order: those that match the filter.
    pub fn shown(&self, session: &Session) -> Vec<usize> {
        let apps = &session.dossier().applications;
        let needle = self.filter.trim().to_lowercase();
        if needle.is_empty() {
            return (0..apps.len()).collect();
        }
        apps.iter()
            .enumerate()
            .filter(|(_, a)| matches(&needle, &a.id.0, &a.region))
            .map(|(i, _)| i)
            .collect()
    }

    /// The application shown `step` rows after (or, negative, before)
    /// `from` in the list's order with its filter: for "volgende
    /// aanvraag" on the scoring screen. None past either end.
    pub fn neighbour(
        &self,
        session: &Session,
        from: &ApplicationId,
        step: isize,
    ) -> Option<ApplicationId> {
        let apps = &session.dossier().applications;
        let shown = self.shown(session);
        let here = apps.iter().position(|a| &a.id == from);
        let next = match here.and_then(|h| shown.iter().position(|&i| i == h)) {
            Some(p) => p.checked_add_signed(step)?,
            // Not among the rows shown (the filter hides it): the first
            // row shown after it, or the last before it.
            None => {
                let h = here?;
                if step > 0 {
                    shown.iter().position(|&i| i > h)?
                } else {
                    shown.iter().rposition(|&i| i < h)?
                }
            }
        };
        shown.get(next).map(|&i| apps[i].id.clone())
    }

    /// A new filter: the selection goes to the first row shown when the
    /// selected one is filtered out, and is brought into view.
    fn set_filter(&mut self, session: &Session, text: String) -> Action {
        self.filter = text;
        let shown = self.shown(session);
        if self.selected.is_none_or(|s| !shown.contains(&s)) {
            self.selected = shown.first().copied();
        }
        Action::Run(self.reveal_selected(session))
    }
}

/// Whether an application with this id and region matches the filter
/// `needle` (already lower case): a part of either, any case.
fn matches(needle: &str, id: &str, region: &str) -> bool {
    id.to_lowercase().contains(needle) || region.to_lowercase().contains(needle)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Up,
    Down,
    Enter,
}
