//! The self-check for applicants: a region tests its draft plan against the
//! leidraad, guided in the leidraad's order (checklist, knock-outs, criteria,
//! budget, result). No dossier, no assessors, no other regions. The result
//! is `selfcheck::Outcome`'s; its lines are the PDF's own texts.
//!
//! This module holds the state and what the messages do to it (the file
//! actions included); `view` draws the steps.

mod autosave;
mod plan;
mod view;

pub use autosave::WORKING_FILE;
pub use plan::Message as PlanMessage;

pub use view::{amount_id, answer_code};

use crate::ui::dialog::FileDialog;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use iced::Task;

use crate::ui::strings;
use leidraad_core::dossier::Value;
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::selfcheck::{KoAnswer, SelfCheck};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Checklist,
    Knockouts,
    Criteria,
    Budget,
    Result,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Checklist,
        Step::Knockouts,
        Step::Criteria,
        Step::Budget,
        Step::Result,
    ];

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// An amount field of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Amount {
    Year(i32),
    Total,
    Own,
    Requested,
}

#[derive(Debug, Clone)]
pub enum Message {
    Go(Step),
    Title(String),
    Date(String),
    Document(String),
    Signature(String),
    Answer(CriterionId, KoAnswer),
    KoNote(CriterionId, String),
    Score(CriterionId, Option<Value>),
    Item(CriterionId, String, u32),
    Note(CriterionId, String),
    Amount(Amount, String),
    /// Ask to start afresh.
    New,
    NewConfirmed,
    NewCancelled,
    Open,
    Opened(Option<PathBuf>),
    Save,
    SavePlaced(Option<PathBuf>),
    Print,
    PrintPlaced(Option<PathBuf>),
    Home,
    /// The draft plan and its passages per knock-out.
    Plan(plan::Message),
    /// The pause after the last change is over: write the working copy.
    KeepDue,
    /// The working copy was written (or why not).
    Kept(Result<(), String>),
    /// Open the folder a saved self-check or its PDF went to.
    OpenFolder(PathBuf),
}

pub enum Action {
    None,
    Home,
    Run(Task<Message>),
    /// Open a folder with the desktop's file manager.
    OpenFolder(PathBuf),
}

pub struct State {
    pub rubric: Rubric,
    pub check: SelfCheck,
    pub step: Step,
    pub path: Option<PathBuf>,
    /// What the last file action did (ok) or why it failed.
    pub notice: Option<(bool, String)>,
    date_text: String,
    date_ok: bool,
    /// The amount fields as typed, and whether each reads as an amount.
    amounts: std::collections::BTreeMap<Amount, (String, bool)>,
    dialog_open: bool,
    pub today: NaiveDate,
    /// The passages of the draft plan per knock-out (see `plan`).
    ko_passages: Vec<leidraad_core::selfcheck::KoPassages>,
    /// Where the answers are kept as they are typed (the data folder).
    pub working: Option<PathBuf>,
    /// "Nieuwe zelftoets" asked, waiting for its confirmation.
    pub confirm_new: bool,
    /// The folder of the file the notice says was written ('Map openen').
    pub written_in: Option<PathBuf>,
    /// Writing the working copy a little after the last change (see
    /// `autosave`).
    keeper: autosave::Keeper,
}

impl State {
    pub fn new(rubric: Rubric) -> State {
        let check = SelfCheck::new(&rubric);
        let mut s = State {
            rubric,
            check,
            step: Step::Checklist,
            path: None,
            notice: None,
            date_text: String::new(),
            date_ok: true,
            amounts: Default::default(),
            dialog_open: false,
            today: chrono::Local::now().date_naive(),
            ko_passages: Vec::new(),
            working: None,
            confirm_new: false,
            written_in: None,
            keeper: autosave::Keeper::default(),
        };
        s.sync_fields();
        s
    }

    /// The fields as text, from the self-check (after new or open).
    fn sync_fields(&mut self) {
        self.refresh_passages();
        self.date_text = self.check.date.map(strings::date).unwrap_or_default();
        self.date_ok = true;
        self.amounts.clear();
        let b = &self.check.budget;
        let show = |v: Option<u64>| (v.map(strings::thousands).unwrap_or_default(), true);
        self.amounts.insert(Amount::Total, show(b.stated_total));
        self.amounts.insert(Amount::Own, show(b.own_contribution));
        self.amounts.insert(Amount::Requested, show(b.requested));
        for y in self.years() {
            self.amounts
                .insert(Amount::Year(y), show(b.years.get(&y).copied()));
        }
    }

    /// The years offered in the budget: the spending window with a year on
    /// either side (so money planned outside it can be entered and is
    /// flagged), and any other year the file holds.
    pub fn years(&self) -> Vec<i32> {
        let (a, b) = self.rubric.process.spending_years;
        let mut years: Vec<i32> = (a - 1..=b + 1).collect();
        years.extend(self.check.budget.years.keys().copied());
        years.sort_unstable();
        years.dedup();
        years
    }

    pub fn update(&mut self, message: Message) -> Action {
        let changes = State::changes_answers(&message);
        let action = match message {
            Message::KeepDue => return self.keep_due(),
            Message::Kept(outcome) => {
                self.kept(outcome);
                return Action::None;
            }
            message => self.handle(message),
        };
        let keep = if changes {
            self.changed()
        } else {
            Task::none()
        };
        match action {
            // Leaving the self-check: the answers are written first.
            Action::Home => {
                self.flush();
                Action::Home
            }
            Action::Run(task) => Action::Run(Task::batch([task, keep])),
            Action::None if changes => Action::Run(keep),
            Action::None => Action::None,
            Action::OpenFolder(dir) => Action::OpenFolder(dir),
        }
    }

    fn handle(&mut self, message: Message) -> Action {
        match message {
            Message::Go(step) => self.step = step,
            Message::Title(t) => self.check.title = t,
            Message::Date(t) => {
                let trimmed = t.trim();
                if trimmed.is_empty() {
                    self.check.date = None;
                    self.date_ok = true;
                } else if let Some(d) = parse_date(trimmed) {
                    self.check.date = Some(d);
                    self.date_ok = true;
                } else {
                    self.date_ok = false;
                }
                self.date_text = t;
            }
            Message::Document(id) => {
                if !self.check.documents.remove(&id) {
                    self.check.documents.insert(id);
                }
            }
            Message::Signature(s) => {
                if !self.check.signatures.remove(&s) {
                    self.check.signatures.insert(s);
                }
            }
            Message::Answer(id, answer) => {
                self.check.knockouts.entry(id).or_default().answer = answer;
            }
            Message::KoNote(id, note) => {
                self.check.knockouts.entry(id).or_default().note = note;
            }
            Message::Score(id, value) => {
                if let Err(e) = self.check.set_value(&self.rubric, &id, value) {
                    self.notice = Some((false, e.to_string()));
                }
            }
            Message::Item(id, item, n) => {
                let mut items = match self.check.value(&id) {
                    Some(Value::Items(items)) => items.clone(),
                    _ => Default::default(),
                };
                items.insert(item, n);
                if let Err(e) = self
                    .check
                    .set_value(&self.rubric, &id, Some(Value::Items(items)))
                {
                    self.notice = Some((false, e.to_string()));
                }
            }
            Message::Note(id, note) => {
                self.check.criteria.entry(id).or_default().note = note;
            }
            Message::Amount(field, t) => {
                let parsed = parse_amount(&t);
                let ok = parsed.is_some() || t.trim().is_empty();
                if ok {
                    let b = &mut self.check.budget;
                    match field {
                        Amount::Total => b.stated_total = parsed,
                        Amount::Own => b.own_contribution = parsed,
                        Amount::Requested => b.requested = parsed,
                        Amount::Year(y) => match parsed {
                            Some(v) => {
                                b.years.insert(y, v);
                            }
                            None => {
                                b.years.remove(&y);
                            }
                        },
                    }
                }
                self.amounts.insert(field, (t, ok));
            }
            // Handled in `update`.
            Message::KeepDue | Message::Kept(_) => {}
            Message::OpenFolder(dir) => return Action::OpenFolder(dir),
            Message::New => self.confirm_new = true,
            Message::NewCancelled => self.confirm_new = false,
            Message::NewConfirmed => {
                self.confirm_new = false;
                self.check = SelfCheck::new(&self.rubric);
                self.path = None;
                self.notice = None;
                self.step = Step::Checklist;
                self.sync_fields();
            }
            Message::Open => return self.dialog(Dialog::Open),
            Message::Opened(path) => {
                self.dialog_open = false;
                if let Some(p) = path {
                    self.open(&p);
                }
            }
            Message::Save => match self.path.clone() {
                Some(p) => self.save(&p),
                None => return self.dialog(Dialog::Save),
            },
            Message::SavePlaced(path) => {
                self.dialog_open = false;
                if let Some(p) = path {
                    self.save(&p);
                }
            }
            Message::Print => return self.dialog(Dialog::Print),
            Message::PrintPlaced(path) => {
                self.dialog_open = false;
                if let Some(p) = path {
                    self.print(&p);
                }
            }
            Message::Home => return Action::Home,
            Message::Plan(m) => return self.plan_update(m),
        }
        Action::None
    }

    pub fn open(&mut self, path: &Path) {
        match SelfCheck::load(path, &self.rubric) {
            Ok(c) => {
                self.check = c;
                self.path = Some(path.to_path_buf());
                self.notice = Some((true, strings::selfcheck_opened(&path.display().to_string())));
                self.written_in = None;
                self.sync_fields();
            }
            Err(e) => self.notice = Some((false, e.to_string())),
        }
    }

    pub fn save(&mut self, path: &Path) {
        self.check.rubric = Some(self.rubric.reference());
        match self.check.save(path) {
            Ok(()) => {
                self.path = Some(path.to_path_buf());
                self.notice = Some((true, strings::selfcheck_saved(&path.display().to_string())));
                self.written_in = Some(crate::ui::screen::list::folder_of(path));
            }
            Err(e) => self.notice = Some((false, strings::save_failed(&e.to_string()))),
        }
    }

    pub fn print(&mut self, path: &Path) {
        let written = leidraad_report::selfcheck::render(&self.rubric, &self.check, self.today)
            .and_then(|bytes| leidraad_report::write_pdf(path, &bytes));
        self.written_in = written
            .is_ok()
            .then(|| crate::ui::screen::list::folder_of(path));
        self.notice = Some(match written {
            Ok(()) => (
                true,
                strings::selfcheck_printed(&path.display().to_string()),
            ),
            Err(e) => (false, e.to_string()),
        });
    }

    fn dialog(&mut self, which: Dialog) -> Action {
        if self.dialog_open {
            return Action::None;
        }
        self.dialog_open = true;
        let dir = self
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf);
        let task = match which {
            Dialog::Open => Task::perform(
                FileDialog::open(strings::SELFCHECK_OPEN)
                    .filter(strings::SELFCHECK_FILTER, &["ron"])
                    .directory(dir)
                    .show(),
                Message::Opened,
            ),
            Dialog::Save => Task::perform(
                FileDialog::save(strings::SELFCHECK_SAVE)
                    .filter(strings::SELFCHECK_FILTER, &["ron"])
                    .file_name(strings::SELFCHECK_FILE_NAME)
                    .directory(dir)
                    .show(),
                Message::SavePlaced,
            ),
            Dialog::Print => Task::perform(
                FileDialog::save(strings::SELFCHECK_PRINT)
                    .filter(strings::DIALOG_FILTER_PDF, &["pdf"])
                    .file_name(strings::SELFCHECK_PDF_NAME)
                    .directory(dir)
                    .show(),
                Message::PrintPlaced,
            ),
        };
        Action::Run(task)
    }
}

enum Dialog {
    Open,
    Save,
    Print,
}

/// "1.100.000", "€ 1.100.000,-", "1100000": whole euros.
pub fn parse_amount(s: &str) -> Option<u64> {
    let t = s.trim().trim_start_matches('€').trim();
    let t = t
        .strip_suffix(",-")
        .or_else(|| t.strip_suffix(",00"))
        .unwrap_or(t);
    let digits: String = t.chars().filter(|c| *c != '.' && *c != ' ').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// "15-07-2022" or "2022-07-15".
fn parse_date(s: &str) -> Option<NaiveDate> {
    strings::parse_date(s).or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_the_plans_write_them() {
        assert_eq!(parse_amount("1.100.000"), Some(1_100_000));
        assert_eq!(parse_amount("€ 250.000,-"), Some(250_000));
        assert_eq!(parse_amount(" 42 "), Some(42));
        assert_eq!(parse_amount("1,5 mln"), None);
        assert_eq!(parse_amount(""), None);
    }
}
