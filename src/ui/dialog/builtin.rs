//! The window's own file dialog, for desktops without a system one: a path
//! field, the folder's subfolders and matching files to click, and one line
//! saying what to install for the system dialog.
//!
//! Every file action funnels through [`super::FileDialog::show`]; when no
//! system dialog can open, `show` sends a [`Request`] here and waits for its
//! answer, so the callers need not know which dialog answered. The root
//! receives the requests through [`requests`] (a subscription) and shows
//! [`State`] until the user chooses or cancels.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use iced::futures::channel::{mpsc, oneshot};
use iced::futures::{Stream, StreamExt};
use iced::widget::{Id, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill};

use super::Ask;
use crate::ui::{strings, theme};

/// At most this many entries of a folder are listed (the path field reaches
/// the rest).
const LISTED_MAX: usize = 300;

/// The id of the path field (focused when the dialog opens).
pub const PATH_FIELD: &str = "builtin-dialog-path";

/// A file dialog waiting for the built-in answer.
#[derive(Clone)]
pub struct Request {
    pub(super) ask: Ask,
    pub title: &'static str,
    /// Every extension the dialog's filters offer (none: any file).
    pub extensions: Vec<&'static str>,
    pub file_name: Option<String>,
    pub directory: Option<PathBuf>,
    /// Why the system dialog cannot open.
    pub reason: std::borrow::Cow<'static, str>,
    reply: Arc<Mutex<Option<oneshot::Sender<Option<PathBuf>>>>>,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("title", &self.title)
            .field("directory", &self.directory)
            .finish_non_exhaustive()
    }
}

impl Request {
    /// Answer the waiting dialog (None: cancelled by the user).
    fn answer(&self, chosen: Option<PathBuf>) {
        if let Some(tx) = self.reply.lock().ok().and_then(|mut r| r.take()) {
            let _ = tx.send(chosen);
        }
    }
}

type Queue = (
    mpsc::UnboundedSender<Request>,
    Mutex<Option<mpsc::UnboundedReceiver<Request>>>,
);

fn queue() -> &'static Queue {
    static QUEUE: OnceLock<Queue> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (tx, rx) = mpsc::unbounded();
        (tx, Mutex::new(Some(rx)))
    })
}

/// Ask the window for a path with the built-in dialog and wait for it.
pub(super) async fn ask(
    ask: Ask,
    title: &'static str,
    filters: Vec<(&'static str, &'static [&'static str])>,
    file_name: Option<String>,
    directory: Option<PathBuf>,
    reason: std::borrow::Cow<'static, str>,
) -> Option<PathBuf> {
    let (tx, rx) = oneshot::channel();
    let request = Request {
        ask,
        title,
        extensions: filters
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .collect(),
        file_name,
        directory,
        reason,
        reply: Arc::new(Mutex::new(Some(tx))),
    };
    if queue().0.unbounded_send(request).is_err() {
        eprintln!("leidraad: {}", strings::DIALOG_NOT_SHOWN);
        return None;
    }
    rx.await.ok().flatten()
}

/// The requests for the built-in dialog, for the root's subscription (the
/// first caller gets them; the window has one).
pub fn requests() -> impl Stream<Item = Request> {
    let rx = queue().1.lock().ok().and_then(|mut r| r.take());
    iced::futures::stream::iter(rx).flatten()
}

/// The next request, waiting up to `timeout` (tests, which have no
/// subscription running).
pub fn next_request(timeout: std::time::Duration) -> Option<Request> {
    let until = std::time::Instant::now() + timeout;
    loop {
        {
            let mut guard = queue().1.lock().ok()?;
            let rx = guard.as_mut()?;
            if let Ok(Some(r)) = rx.try_recv().map(Some) {
                return Some(r);
            }
        }
        if std::time::Instant::now() >= until {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    PathChanged(String),
    /// A listed entry was clicked: a folder is entered, a file is put in
    /// the path field.
    Entry(PathBuf),
    /// Up to the parent folder.
    Up,
    Choose,
    Cancel,
}

/// The dialog on screen.
#[derive(Debug)]
pub struct State {
    request: Request,
    /// What the path field holds.
    pub path: String,
    /// Why the last choice was not taken.
    pub problem: Option<String>,
    /// The file to be replaced once the user chooses it again.
    replace: Option<PathBuf>,
}

impl State {
    pub fn new(request: Request) -> State {
        let dir = request.directory.clone().unwrap_or_else(default_folder);
        let path = match (&request.ask, &request.file_name) {
            (Ask::Save, Some(name)) => dir.join(name),
            _ => dir,
        };
        State {
            request,
            path: path.display().to_string(),
            problem: None,
            replace: None,
        }
    }

    /// Handle a message; true when the dialog is done (answered).
    pub fn update(&mut self, message: Message) -> bool {
        match message {
            Message::PathChanged(p) => {
                self.path = p;
                self.problem = None;
                self.replace = None;
            }
            Message::Entry(p) => {
                self.path = p.display().to_string();
                self.problem = None;
                self.replace = None;
                if p.is_file() && matches!(self.request.ask, Ask::Open) {
                    return self.choose();
                }
            }
            Message::Up => {
                if let Some(parent) = self.folder().parent() {
                    self.path = parent.display().to_string();
                }
            }
            Message::Choose => return self.choose(),
            Message::Cancel => {
                self.request.answer(None);
                return true;
            }
        }
        false
    }

    /// Answer with the path if it fits what was asked; else say why.
    fn choose(&mut self) -> bool {
        match self.checked() {
            Ok(path) => {
                self.request.answer(Some(path));
                true
            }
            Err(problem) => {
                self.problem = Some(problem);
                false
            }
        }
    }

    fn checked(&mut self) -> Result<PathBuf, String> {
        let typed = self.path.trim();
        if typed.is_empty() {
            return Err(strings::DIALOG_EMPTY_PATH.to_string());
        }
        let path = std::path::absolute(PathBuf::from(typed)).unwrap_or_else(|_| typed.into());
        let shown = path.display().to_string();
        match self.request.ask {
            Ask::Open if path.is_file() => Ok(path),
            Ask::Open => Err(strings::dialog_no_file(&shown)),
            Ask::Folder if path.is_dir() => Ok(path),
            Ask::Folder => Err(strings::dialog_no_folder(&shown)),
            Ask::Save => {
                if path.is_dir() {
                    return Err(strings::dialog_is_folder(&shown));
                }
                let path = with_extension(path, &self.request.extensions);
                let shown = path.display().to_string();
                match path.parent() {
                    Some(dir) if dir.is_dir() => {}
                    _ => return Err(strings::dialog_no_parent(&shown)),
                }
                if path.exists() && self.replace.as_ref() != Some(&path) {
                    self.path = shown.clone();
                    self.replace = Some(path);
                    return Err(strings::dialog_replace(&shown));
                }
                Ok(path)
            }
        }
    }

    /// The folder the path field points into.
    fn folder(&self) -> PathBuf {
        let p = PathBuf::from(self.path.trim());
        if p.is_dir() {
            p
        } else {
            p.parent()
                .filter(|d| d.is_dir())
                .map_or_else(default_folder, Path::to_path_buf)
        }
    }

    /// The subfolders and matching files of [`Self::folder`], folders
    /// first, each sorted by name; hidden entries left out.
    pub fn entries(&self) -> Vec<(PathBuf, bool)> {
        let Ok(read) = std::fs::read_dir(self.folder()) else {
            return Vec::new();
        };
        let wanted = |p: &Path| {
            self.request.extensions.is_empty()
                || p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    self.request
                        .extensions
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(e))
                })
        };
        let mut entries: Vec<(PathBuf, bool)> = read
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| {
                let p = e.path();
                let dir = p.is_dir();
                (p, dir)
            })
            .filter(|(p, dir)| *dir || (!matches!(self.request.ask, Ask::Folder) && wanted(p)))
            .collect();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        entries.truncate(LISTED_MAX);
        entries
    }

    pub fn view(&self) -> Element<'_, Message> {
        let field = text_input(strings::DIALOG_PATH_HINT, &self.path)
            .id(Id::new(PATH_FIELD))
            .on_input(Message::PathChanged)
            .on_submit(Message::Choose)
            .padding(8);
        let mut list = column![].spacing(2);
        for (path, dir) in self.entries() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let label = if dir { format!("{name}/") } else { name };
            list = list.push(
                button(text(label).size(theme::TEXT))
                    .style(theme::secondary)
                    .width(Fill)
                    .on_press(Message::Entry(path)),
            );
        }
        let choose = match self.request.ask {
            Ask::Open => strings::DIALOG_OPEN,
            Ask::Save => strings::DIALOG_SAVE,
            Ask::Folder => strings::DIALOG_CHOOSE_FOLDER,
        };
        let buttons = row![
            button(text(strings::DIALOG_UP))
                .style(theme::secondary)
                .on_press(Message::Up),
            iced::widget::space::horizontal(),
            button(text(strings::DIALOG_CANCEL))
                .style(theme::secondary)
                .on_press(Message::Cancel),
            button(text(choose))
                .style(button::primary)
                .on_press(Message::Choose),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let mut body = column![
            text(self.request.title).size(20),
            container(text(self.request.reason.as_ref()).size(theme::SMALL))
                .padding([4, 8])
                .width(Fill)
                .style(theme::notice_info),
            text(strings::dialog_folder(&self.folder().display().to_string())).size(theme::SMALL),
            field,
        ]
        .spacing(10);
        if let Some(problem) = &self.problem {
            body = body.push(
                container(text(problem).size(theme::SMALL))
                    .padding([4, 8])
                    .width(Fill)
                    .style(theme::notice_danger),
            );
        }
        body = body
            .push(container(scrollable(list).height(Fill)).height(Fill))
            .push(buttons);
        container(container(body).padding(16).style(theme::card))
            .padding(20)
            .width(Fill)
            .height(Fill)
            .into()
    }
}

/// The user's Documents folder, else the home folder, else the current one.
pub fn default_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .filter(|d| d.is_dir())
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `path` with the first of `extensions` added when it has none of them.
fn with_extension(path: PathBuf, extensions: &[&str]) -> PathBuf {
    let has = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|w| w.eq_ignore_ascii_case(e)));
    match extensions.first() {
        Some(first) if !has => {
            let mut s = path.into_os_string();
            s.push(format!(".{first}"));
            PathBuf::from(s)
        }
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_extension_is_added_and_a_present_one_kept() {
        assert_eq!(
            with_extension("/tmp/a".into(), &["pdf"]),
            PathBuf::from("/tmp/a.pdf")
        );
        assert_eq!(
            with_extension("/tmp/a.PDF".into(), &["pdf"]),
            PathBuf::from("/tmp/a.PDF")
        );
        assert_eq!(
            with_extension("/tmp/a".into(), &[]),
            PathBuf::from("/tmp/a")
        );
    }
}
