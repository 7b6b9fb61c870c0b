//! The applications of a dossier: region and plan, the total per round, the
//! status in the chosen round (from `scoring::evaluate`) and how far the
//! current assessor is.

use std::path::{Path, PathBuf};

use iced::widget::{Id, button, column, container, row, rule, scrollable, space, text, text_input};
use iced::{Alignment, Element, Fill, Length, Task};

use crate::ui::dialog::FileDialog;
use crate::ui::screen::scoring::bold;
use crate::ui::widget::badge;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{strings, theme};
use leidraad_core::dossier::{Application, ApplicationId, Assessment, Round};
use leidraad_core::scoring;
use leidraad_core::session::Session;

pub const SCROLL: &str = "list-scroll";

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
    /// Ask where to save a package, under this file name
    /// ([`package_dialog`]).
    PlacePackage(String),
    /// Ask for a result file ([`result_dialog`]).
    PickResult,
    /// The package's place is known: write it ([`State::write_package`]).
    Package(Option<PathBuf>),
    /// The result file is known: import it ([`State::import`]).
    Import(Option<PathBuf>),
    /// Ask where to save this package's result file ([`result_save_dialog`]).
    PlaceResult(String),
    /// Its place is known: write it ([`State::write_result`]).
    WriteResult(Option<PathBuf>),
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
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
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
            Message::SavePackage => {
                if let Some(PackageForm {
                    assessor: Some(who),
                    round,
                }) = self.package.clone()
                {
                    let name = strings::package_file_name(&who, round);
                    self.pending_package = Some((who, round));
                    return Action::PlacePackage(name);
                }
            }
            Message::PackagePlaced(path) => return Action::Package(path),
            Message::ImportResult => return Action::PickResult,
            Message::ResultPicked(path) => return Action::Import(path),
            Message::SaveResult => return Action::PlaceResult(String::new()),
            Message::ResultPlaced(path) => return Action::WriteResult(path),
            Message::DismissNotice => self.notice = None,
        }
        Action::None
    }

    /// Write the package asked for to `path` (from the save dialog). The
    /// open dossier itself is never overwritten.
    pub fn write_package(&mut self, session: &Session, path: Option<&Path>) {
        let pending = self.pending_package.take();
        let (Some(path), Some((assessor, round))) = (path, pending) else {
            return;
        };
        if session.path() == Some(path) {
            self.notice = Some(Notice::Refused(strings::PACKAGE_OVER_DOSSIER.to_string()));
            return;
        }
        let made = leidraad_core::panel::package(
            session.rubric(),
            session.dossier(),
            &assessor,
            round,
            None,
            leidraad_core::dossier::now(),
        );
        self.notice = Some(match made {
            Err(e) => Notice::Refused(strings::package_failed(&strings::panel_error(&e))),
            Ok(p) => {
                match leidraad_core::store::write_atomic(
                    path,
                    leidraad_core::store::to_ron(&p).as_bytes(),
                    false,
                ) {
                    Ok(()) => {
                        self.package = None;
                        Notice::Done(strings::package_written(
                            &assessor,
                            round,
                            p.applications.len(),
                            &path.display().to_string(),
                        ))
                    }
                    Err(e) => Notice::Refused(strings::package_failed(&e.to_string())),
                }
            }
        });
    }

    /// Write the open package, scored, as the result file to send back. To
    /// its own place it is simply saved.
    pub fn write_result(&mut self, session: &mut Session, path: Option<&Path>) {
        let Some(path) = path else { return };
        let Some(info) = session.dossier().package.clone() else {
            return;
        };
        let written = if session.path() == Some(path) {
            session.save().map_err(|e| e.to_string())
        } else {
            leidraad_core::store::write_atomic(
                path,
                leidraad_core::store::to_ron(session.dossier()).as_bytes(),
                false,
            )
            .map_err(|e| e.to_string())
        };
        self.notice = Some(match written {
            Ok(()) => {
                let open = session
                    .dossier()
                    .assessments
                    .iter()
                    .filter(|a| a.round == info.round && !a.is_submitted())
                    .count();
                Notice::Done(strings::result_written(&path.display().to_string(), open))
            }
            Err(e) => Notice::Refused(strings::result_failed(&e)),
        });
    }

    /// Import a result file (from the open dialog) into the dossier, as
    /// `by` (the window's user). Refused as a whole, with nothing changed,
    /// when anything in it does not fit.
    pub fn import(&mut self, session: &mut Session, by: &str, path: &Path) {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let name = path.display().to_string();
        let result = match leidraad_core::store::read_text(path)
            .and_then(|text| leidraad_core::store::parse_dossier(&text, &name, session.rubric()))
        {
            Ok(r) => r,
            Err(e) => {
                self.notice = Some(Notice::Refused(strings::import_unreadable(
                    &file,
                    &e.to_string(),
                )));
                return;
            }
        };
        let by = if by.trim().is_empty() {
            strings::NO_ASSESSOR
        } else {
            by
        };
        let mut report = None;
        let imported = session.edit_if(|rubric, dossier| {
            let r = leidraad_core::panel::import_result(
                rubric,
                dossier,
                &result,
                by,
                leidraad_core::dossier::now(),
            )?;
            // The same file a second time changes nothing: the dossier
            // then has nothing new to save.
            let changed = r.changed();
            report = Some(r);
            Ok::<_, leidraad_core::panel::PanelError>(changed)
        });
        let assessor = result
            .package
            .as_ref()
            .map_or(String::new(), |p| p.assessor.clone());
        self.notice = Some(match (imported, report) {
            (Ok(_), Some(r)) => Notice::Done(strings::import_done(
                &file,
                &assessor,
                &strings::import_counts(r.added.len(), r.updated.len(), r.unchanged.len()),
            )),
            (Err(e), _) => {
                Notice::Refused(strings::import_refused(&file, &strings::panel_error(&e)))
            }
            (Ok(_), None) => return,
        });
    }

    /// Arrow keys move the selection; Enter scores the selected row.
    pub fn key(&mut self, session: &Session, key: ListKey) -> Action {
        let n = session.dossier().applications.len();
        if n == 0 {
            return Action::None;
        }
        match key {
            ListKey::Down => {
                self.selected = Some(self.selected.map_or(0, |i| (i + 1).min(n - 1)));
            }
            ListKey::Up => {
                self.selected = Some(self.selected.map_or(0, |i| i.saturating_sub(1)));
            }
            ListKey::Enter => {
                if let Some(app) = self
                    .selected
                    .and_then(|i| session.dossier().applications.get(i))
                {
                    return Action::Score(app.id.clone(), self.round);
                }
            }
        }
        Action::None
    }

    pub fn view<'a>(&'a self, session: &'a Session, assessor: &'a str) -> Element<'a, Message> {
        let rounds = scale::rounds("list-", self.round, true, Message::Round);

        let is_package = session.dossier().package.is_some();
        let mut page = column![
            row![
                text(strings::APPLICATIONS).size(theme::TITLE).font(bold()),
                space::horizontal(),
                rounds,
                button(text(strings::TO_RANKING))
                    .padding([6, 12])
                    .style(theme::secondary)
                    .on_press(Message::Ranking),
            ]
            .push(
                // A package holds one assessor's applications: nothing to add.
                (!is_package).then(|| {
                    button(text(strings::ADD_APPLICATION))
                        .padding([6, 12])
                        .style(button::primary)
                        .on_press(Message::Add)
                }),
            )
            .spacing(12)
            .align_y(Alignment::Center),
            row![
                text(strings::list_intro(self.round))
                    .style(theme::muted)
                    .width(Fill),
                tool(strings::EXPORT_ALL, "list-export-all", Message::ExportAll),
            ]
            .push((!is_package).then(|| {
                row![
                    space().width(8),
                    text(strings::PANEL_TOOLS)
                        .size(theme::SMALL)
                        .style(theme::muted),
                    tool(
                        strings::DISAGREEMENTS,
                        "list-disagreements",
                        Message::Disagreements
                    ),
                    tool(strings::MAKE_PACKAGE, "list-package", Message::AskPackage),
                    tool(strings::IMPORT_RESULT, "list-import", Message::ImportResult),
                ]
                .spacing(8)
                .align_y(Alignment::Center)
            }))
            .spacing(8)
            .align_y(Alignment::Center),
        ]
        .spacing(12)
        .padding([16, 24]);

        if let Some(info) = &session.dossier().package {
            page = page.push(
                container(
                    row![
                        text(strings::package_banner(
                            &info.assessor,
                            info.round,
                            &info.source
                        ))
                        .width(Fill),
                        tool(
                            strings::SAVE_RESULT,
                            "list-save-result",
                            Message::SaveResult
                        ),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(12)
                .width(Fill)
                .style(theme::notice_info),
            );
        }
        if let Some(n) = &self.notice {
            page = page.push(notice(n));
        }
        if let Some(form) = &self.package {
            page = page.push(package_form(session, form));
        }

        if assessor.trim().is_empty() {
            page = page.push(self.name_banner(session));
        }

        if session.dossier().applications.is_empty() {
            page = page.push(
                container(text(strings::NO_APPLICATIONS))
                    .padding(16)
                    .width(Fill)
                    .style(theme::notice_info),
            );
            return page.into();
        }

        let head = |s: &'a str, w: Length| text(s).size(theme::SMALL).font(bold()).width(w);
        let header = row![
            head(strings::COL_REGION, Fill),
            head(strings::COL_SUBMITTED, Length::Fixed(COL_DATE)),
            head(strings::COL_TOTAL_1, Length::Fixed(COL_TOTAL))
                .align_x(iced::alignment::Horizontal::Right),
            head(strings::COL_TOTAL_2, Length::Fixed(COL_TOTAL))
                .align_x(iced::alignment::Horizontal::Right),
            space().width(12),
            head(strings::COL_STATUS, Length::Fixed(COL_STATUS)),
            head(strings::COL_PROGRESS, Length::Fixed(COL_PROGRESS)),
            space().width(Length::Fixed(COL_ACTIONS)),
        ]
        .spacing(8)
        .padding([6, 12]);

        let e1 = session.evaluation(Round::One);
        let e2 = session.evaluation(Round::Two);
        let eval = session.evaluation(self.round);
        // Blind scoring: an assessor sees the panel's totals (made of the
        // others' scores) only after submitting their own.
        let blind = leidraad_core::panel::Blind::new(session.dossier(), assessor);
        // The viewer's own assessments of this round, found once (not once
        // per row: a list may hold a thousand applications).
        let own: std::collections::HashMap<&leidraad_core::dossier::ApplicationId, &Assessment> =
            session
                .dossier()
                .assessments
                .iter()
                .filter(|a| a.round == self.round && a.assessor == assessor)
                .map(|a| (&a.application, a))
                .collect();
        // The results of both rounds by application, looked up once per row.
        let results: [std::collections::HashMap<
            &leidraad_core::dossier::ApplicationId,
            &scoring::AppResult,
        >; 2] = [e1, e2].map(|e| e.applications.iter().map(|r| (&r.id, r)).collect());
        let result = |e: &scoring::Evaluation, id| {
            results[usize::from(e.round.number() - 1)].get(id).copied()
        };
        let mut rows = column![].spacing(0);
        for (index, app) in session.dossier().applications.iter().enumerate() {
            // Hidden only when it is made of someone else's work.
            let visible = |e: &scoring::Evaluation| {
                result(e, &app.id).is_none_or(|r| !blind.hides(r, e.round))
            };
            let total = |e: &scoring::Evaluation| {
                if !visible(e) {
                    return strings::LIST_HIDDEN.to_string();
                }
                result(e, &app.id)
                    .and_then(|r| r.total)
                    .map_or(strings::NO_TOTAL.to_string(), |t| t.to_dutch())
            };
            let status = visible(eval)
                .then(|| result(eval, &app.id))
                .flatten()
                .map(|r| r.status);
            let own = own.get(&app.id).copied();
            let conflict = session.dossier().has_conflict(assessor, &app.id);
            let progress = if conflict {
                strings::LIST_CONFLICT.to_string()
            } else {
                progress_text(session, own)
            };
            let selected = self.selected == Some(index);
            let line = row![
                region_cell(app),
                submitted_cell(session, app),
                text(total(e1))
                    .width(COL_TOTAL)
                    .align_x(iced::alignment::Horizontal::Right),
                text(total(e2))
                    .width(COL_TOTAL)
                    .align_x(iced::alignment::Horizontal::Right),
                space().width(12),
                container(match status {
                    Some(s) => badge::status(s),
                    None => text("").into(),
                })
                .width(COL_STATUS),
                text(progress)
                    .size(theme::SMALL)
                    .width(COL_PROGRESS)
                    .style(if conflict {
                        theme::warning_text
                    } else {
                        text::default
                    }),
                row![
                    button(text(strings::EDIT))
                        .padding([4, 12])
                        .style(theme::secondary)
                        .on_press(Message::Edit(app.id.clone())),
                    container(
                        button(text(strings::SCORE))
                            .padding([4, 12])
                            .style(button::primary)
                            .on_press_maybe((!conflict).then(|| Message::Score(app.id.clone())))
                    )
                    .id(Id::from(format!("score-{}", app.id))),
                    container(
                        button(text(strings::PANEL))
                            .padding([4, 12])
                            .style(theme::secondary)
                            .on_press(Message::Panel(app.id.clone()))
                    )
                    .id(Id::from(format!("panel-{}", app.id))),
                ]
                .spacing(6)
                .width(COL_ACTIONS),
            ]
            .spacing(8)
            .padding([8, 12])
            .align_y(Alignment::Center);
            rows = rows.push(container(line).id(Id::from(format!("row-{index}"))).style(
                if selected {
                    theme::card_focused
                } else {
                    theme::card
                },
            ));
            rows = rows.push(space().height(4));
        }
        page = page.push(header).push(rule::horizontal(1));
        column![
            page,
            scrollable(container(rows).padding([0, 24]))
                .id(Id::new(SCROLL))
                .height(Fill)
        ]
        .into()
    }

    fn name_banner<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let input = text_input(strings::NAME_PLACEHOLDER, &self.name)
            .id(Id::new("list-name"))
            .on_input(Message::NameChanged)
            .on_submit(Message::UseName)
            .padding(6)
            .width(340)
            .style(theme::input);
        let mut r = row![
            input,
            button(text(strings::USE_NAME))
                .style(button::primary)
                .on_press(Message::UseName)
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        if !session.dossier().assessors.is_empty() {
            r = r.push(text(strings::OR_PICK).style(theme::muted));
            for a in &session.dossier().assessors {
                r = r.push(
                    button(text(&a.name))
                        .style(theme::secondary)
                        .on_press(Message::PickAssessor(a.name.clone())),
                );
            }
        }
        container(column![text(strings::NAME_NEEDED).font(bold()), r.wrap()].spacing(8))
            .padding(12)
            .width(Fill)
            .style(theme::notice_info)
            .into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Up,
    Down,
    Enter,
}

const COL_DATE: f32 = 150.0;
const COL_TOTAL: f32 = 70.0;
const COL_STATUS: f32 = 150.0;
const COL_PROGRESS: f32 = 170.0;
const COL_ACTIONS: f32 = 310.0;

/// A button of the panel toolbar, in a container with an id (tests).
fn tool<'a>(label: &'a str, id: &'static str, message: Message) -> Element<'a, Message> {
    container(
        button(text(label).size(theme::TEXT))
            .padding([4, 10])
            .style(theme::secondary)
            .on_press(message),
    )
    .id(Id::new(id))
    .into()
}

fn notice<'a>(n: &'a Notice) -> Element<'a, Message> {
    let (line, style): (&str, fn(&iced::Theme) -> container::Style) = match n {
        Notice::Done(s) => (s, theme::notice_info),
        Notice::Refused(s) => (s, theme::notice_danger),
    };
    container(
        row![
            text(line).width(Fill),
            button(text(strings::CLOSE_NOTICE))
                .style(theme::secondary)
                .on_press(Message::DismissNotice),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
    )
    .padding([6, 12])
    .width(Fill)
    .style(style)
    .into()
}

/// Whose package, which round; then where to save it.
fn package_form<'a>(session: &'a Session, form: &'a PackageForm) -> Element<'a, Message> {
    let label = |s: &'a str| text(s).font(bold()).width(110);
    let mut who = row![label(strings::PACKAGE_FOR)]
        .spacing(6)
        .align_y(Alignment::Center);
    if session.dossier().assessors.is_empty() {
        who = who.push(text(strings::PACKAGE_NO_ASSESSORS).style(theme::muted));
    }
    for a in &session.dossier().assessors {
        who = who.push(scale::choice(Choice {
            label: a.name.clone(),
            id: format!("package-assessor-{}", a.name),
            selected: form.assessor.as_deref() == Some(a.name.as_str()),
            on_press: Some(Message::PackageAssessor(a.name.clone())),
            style: None,
        }));
    }
    let rounds = Round::ALL.map(|r| {
        scale::choice(Choice {
            label: strings::round_short(r).to_string(),
            id: format!("package-round-{}", r.number()),
            selected: form.round == r,
            on_press: Some(Message::PackageRound(r)),
            style: None,
        })
    });
    let when = row![label(strings::PACKAGE_ROUND)]
        .extend(rounds)
        .push(space::horizontal())
        .push(
            container(
                button(text(strings::PACKAGE_SAVE))
                    .padding([6, 12])
                    .style(button::primary)
                    .on_press_maybe(form.assessor.is_some().then_some(Message::SavePackage)),
            )
            .id(Id::new("package-save")),
        )
        .push(
            button(text(strings::CANCEL))
                .padding([6, 12])
                .style(theme::secondary)
                .on_press(Message::CancelPackage),
        )
        .spacing(6)
        .align_y(Alignment::Center);
    container(
        column![
            text(strings::PACKAGE_TITLE).font(bold()),
            text(strings::PACKAGE_HINT).size(theme::SMALL),
            who.wrap(),
            when,
        ]
        .spacing(8),
    )
    .padding(12)
    .width(Fill)
    .style(theme::notice_info)
    .into()
}

/// Ask where to save a package.
pub fn package_dialog(directory: Option<PathBuf>, file_name: String) -> Task<Message> {
    Task::perform(
        FileDialog::save(strings::PACKAGE_DIALOG_TITLE)
            .file_name(file_name)
            .filter(strings::DIALOG_FILTER_DOSSIER, &["ron"])
            .directory(directory)
            .show(),
        Message::PackagePlaced,
    )
}

/// Ask where to save the result file of the open package.
pub fn result_save_dialog(directory: Option<PathBuf>, file_name: String) -> Task<Message> {
    Task::perform(
        FileDialog::save(strings::RESULT_SAVE_DIALOG_TITLE)
            .file_name(file_name)
            .filter(strings::DIALOG_FILTER_RESULT, &["ron"])
            .directory(directory)
            .show(),
        Message::ResultPlaced,
    )
}

/// Ask for a result file to import.
pub fn result_dialog(directory: Option<PathBuf>) -> Task<Message> {
    Task::perform(
        FileDialog::open(strings::RESULT_DIALOG_TITLE)
            .filter(strings::DIALOG_FILTER_RESULT, &["ron"])
            .directory(directory)
            .show(),
        Message::ResultPicked,
    )
}

fn region_cell<'a, M: 'a>(app: &'a Application) -> Element<'a, M> {
    let mut c = column![row![
        text(app.id.to_string()).style(theme::muted).width(40),
        text(&app.region).font(bold())
    ]];
    if !app.plan_title.is_empty() {
        c = c.push(row![
            space().width(40),
            text(&app.plan_title).size(theme::SMALL)
        ]);
    }
    c.width(Fill).into()
}

fn submitted_cell<'a, M: 'a>(session: &Session, app: &Application) -> Element<'a, M> {
    let Some(date) = app.submitted else {
        return text(strings::NO_TOTAL).width(COL_DATE).into();
    };
    let mut c = column![text(strings::date(date))];
    if date > session.rubric().process.deadline {
        c = c.push(
            text(strings::AFTER_DEADLINE)
                .size(theme::SMALL)
                .style(theme::danger_text),
        );
    }
    c.width(COL_DATE).into()
}

fn progress_text(session: &Session, own: Option<&Assessment>) -> String {
    let Some(a) = own else {
        return strings::NOT_STARTED.to_string();
    };
    let (judged, kos, scored, criteria) = scoring::progress(session.rubric(), a);
    let p = strings::progress(judged, kos, scored, criteria);
    if a.is_submitted() {
        format!("{p} · {}", strings::SUBMITTED_MARK)
    } else {
        p
    }
}
