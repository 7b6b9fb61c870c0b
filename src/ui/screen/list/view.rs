//! What the list looks like: the heading and its tools, the banners above
//! the list (open package, notice, package form, name asked for), the
//! column header and one row per application.

use std::collections::HashMap;

use iced::widget::{
    Column, Id, Row, button, column, container, keyed_column, responsive, row, rule, scrollable,
    space, text, text_input,
};
use iced::{Alignment, Element, Fill, Length, Padding};

use super::{Message, Notice, PackageForm, ROW_GAP, ROW_HEIGHT, SCROLL, State};
use crate::ui::screen::scoring::bold;
use crate::ui::widget::badge;
use crate::ui::widget::scale::{self, Choice};
use crate::ui::{measure, strings, theme};
use leidraad_core::dossier::{Application, ApplicationId, Assessment, PackageInfo, Round};
use leidraad_core::panel::Blind;
use leidraad_core::scoring::{self, AppResult, Evaluation, Status};
use leidraad_core::session::Session;

const COL_DATE: f32 = 150.0;
const COL_TOTAL: f32 = 70.0;
const COL_STATUS: f32 = 150.0;
const COL_PROGRESS: f32 = 170.0;
const COL_ACTIONS: f32 = 310.0;
/// Between the id and the region.
const ID_GAP: f32 = 10.0;

impl State {
    pub fn view<'a>(&'a self, session: &'a Session, assessor: &'a str) -> Element<'a, Message> {
        // Blind scoring for this viewer, found once per view (a dossier
        // may hold 10,000 applications).
        let blind = Blind::new(session.dossier(), assessor);
        let mut page = self
            .heading(session, blind.sees_everything())
            .spacing(12)
            .padding([16, 24]);

        if let Some(info) = &session.dossier().package {
            page = page.push(package_banner(info));
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

        page = page
            .push(header(self.filter_field()))
            .push(rule::horizontal(1));
        column![
            page,
            scrollable(container(self.rows(session, assessor, blind)).padding([0, 24]))
                .id(Id::new(SCROLL))
                .on_scroll(Message::Scrolled)
                .height(Fill)
        ]
        .into()
    }

    /// The title with the rounds and the main buttons, and the tools under
    /// it (the panel's tools only outside a package).
    /// `sees_everything`: nothing is hidden from the viewer (exporting
    /// every sheet and ranking is allowed).
    fn heading<'a>(&self, session: &Session, sees_everything: bool) -> Column<'a, Message> {
        let rounds = scale::rounds("list-", self.round, true, Message::Round);

        let is_package = session.dossier().package.is_some();
        // Read-only (another window has the dossier): what would change it
        // is disabled; the banner under the header says why.
        let read_only = session.is_read_only();
        column![
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
                        .on_press_maybe((!read_only).then_some(Message::Add))
                }),
            )
            .spacing(12)
            .align_y(Alignment::Center),
            row![
                self.intro(session),
                // Every sheet and ranking: only for a viewer from whom
                // nothing is hidden.
                tool_maybe(
                    strings::EXPORT_ALL,
                    "list-export-all",
                    sees_everything.then_some(Message::ExportAll)
                ),
            ]
            .push((!is_package).then(|| panel_tools(read_only)))
            .spacing(8)
            .align_y(Alignment::Center),
        ]
    }

    /// One row per application, built only for the rows in view and a
    /// screenful above and below them (see [`State::rows_in_view`]); the
    /// others are an empty space of their height, so the scroll bar and
    /// every row's place are those of the whole list.
    fn rows<'a>(
        &'a self,
        session: &'a Session,
        assessor: &'a str,
        blind: Blind<'a>,
    ) -> Element<'a, Message> {
        let apps = &session.dossier().applications;
        // The rows the filter lets through, by their place in the dossier.
        let all = self.shown(session);
        let shown = self.rows_in_view(all.len());
        let lookup = Lookup::new(session, assessor, self.round, blind, self.id_width(session));
        let space_for = |rows: usize| space().height(rows as f32 * (ROW_HEIGHT + ROW_GAP));
        // Keyed by the application's place, so a row keeps its widgets'
        // state (a hovered button) while rows come and go at the ends.
        let mut rows = keyed_column([(usize::MAX, space_for(shown.start).into())]);
        for &index in &all[shown.clone()] {
            let app = &apps[index];
            let selected = self.selected == Some(index);
            let card = container(lookup.line(app))
                .id(Id::from(format!("row-{index}")))
                .height(ROW_HEIGHT)
                .align_y(Alignment::Center)
                .style(if selected {
                    theme::row_selected
                } else {
                    theme::card
                });
            let row: Element<'a, Message> = container(card)
                .padding(Padding::ZERO.bottom(ROW_GAP))
                .into();
            rows = rows.push(index, row);
        }
        rows.push(usize::MAX - 1, space_for(all.len() - shown.end))
            .into()
    }

    /// The filter field (Ctrl+F), above the rows' buttons: small, so that
    /// the column names keep their height.
    fn filter_field<'a>(&self) -> Element<'a, Message> {
        text_input(strings::FILTER_PLACEHOLDER, &self.filter)
            .id(Id::new(super::FILTER))
            .on_input(Message::Filter)
            .on_submit(Message::FilterSubmit)
            .size(theme::SMALL)
            .padding([3, 8])
            .width(COL_ACTIONS)
            .style(theme::input)
            .into()
    }

    /// The line under the title: how many rows the filter lets through
    /// while there is one, else what the list shows.
    fn intro<'a>(&self, session: &Session) -> Element<'a, Message> {
        if self.filter.trim().is_empty() {
            return text(strings::list_intro(self.round))
                .style(theme::muted)
                .width(Fill)
                .into();
        }
        let total = session.dossier().applications.len();
        let shown = self.shown(session).len();
        text(strings::filter_count(&self.filter, shown, total))
            .font(bold())
            .width(Fill)
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

/// What the rows look up, found once for the whole list (not once per row:
/// a list may hold a thousand applications).
struct Lookup<'a> {
    session: &'a Session,
    /// The viewer.
    assessor: &'a str,
    e1: &'a Evaluation,
    e2: &'a Evaluation,
    /// The evaluation of the chosen round.
    eval: &'a Evaluation,
    /// Blind scoring: an assessor sees the panel's totals (made of the
    /// others' scores) only after submitting their own.
    blind: Blind<'a>,
    /// The viewer's own assessments of the chosen round.
    own: HashMap<&'a ApplicationId, &'a Assessment>,
    /// The results of both rounds by application.
    results: [HashMap<&'a ApplicationId, &'a AppResult>; 2],
    /// The width of the id column: the widest id of the dossier.
    id_width: f32,
}

impl<'a> Lookup<'a> {
    fn new(
        session: &'a Session,
        assessor: &'a str,
        round: Round,
        blind: Blind<'a>,
        id_width: f32,
    ) -> Lookup<'a> {
        let e1 = session.evaluation(Round::One);
        let e2 = session.evaluation(Round::Two);
        let own = session
            .dossier()
            .assessments
            .iter()
            .filter(|a| a.round == round && a.assessor == assessor)
            .map(|a| (&a.application, a))
            .collect();
        let results = [e1, e2].map(|e| e.applications.iter().map(|r| (&r.id, r)).collect());
        Lookup {
            session,
            assessor,
            e1,
            e2,
            eval: session.evaluation(round),
            blind,
            own,
            results,
            id_width,
        }
    }

    fn result(&self, e: &Evaluation, id: &ApplicationId) -> Option<&'a AppResult> {
        self.results[usize::from(e.round.number() - 1)]
            .get(id)
            .copied()
    }

    /// Hidden only when it is made of someone else's work.
    fn visible(&self, e: &Evaluation, id: &ApplicationId) -> bool {
        self.result(e, id)
            .is_none_or(|r| !self.blind.hides(r, e.round))
    }

    fn total(&self, e: &Evaluation, id: &ApplicationId) -> String {
        if !self.visible(e, id) {
            return strings::LIST_HIDDEN.to_string();
        }
        self.result(e, id)
            .and_then(|r| r.total)
            .map_or(strings::NO_TOTAL.to_string(), |t| t.to_dutch())
    }

    /// The status in the chosen round, when the viewer may see it: not
    /// where it is made of hidden work, nor in round 2 where the round-1
    /// total it rests on is hidden ("niet uitgenodigd" tells how round 1
    /// ended).
    fn status(&self, id: &ApplicationId) -> Option<Status> {
        let result = self.result(self.eval, id)?;
        let round_one = self.result(self.e1, id);
        (!self.blind.hides_status(result, self.eval.round, round_one)).then_some(result.status)
    }

    /// The status badge; "KO: panel beslist" where the application waits
    /// for the panel's verdict on a knock-out (an assessor's twijfel, or
    /// assessors who differ), not for anyone's unfinished work.
    fn status_cell(&self, id: &ApplicationId) -> Element<'a, Message> {
        let Some(status) = self.status(id) else {
            return text("").into();
        };
        let result = self.result(self.eval, id);
        let kos: Vec<String> = result
            .map(|r| r.panel_decides().map(|k| k.to_string()).collect())
            .unwrap_or_default();
        if kos.is_empty() {
            return badge::status(status);
        }
        let panel = container(text(strings::panel_decides_on(&kos)).size(theme::SMALL))
            .padding([2, 8])
            .style(theme::tone_box(theme::Tone::Warn));
        if result.is_some_and(|r| r.waits_only_for_panel()) {
            panel.into()
        } else {
            column![badge::status(status), panel].spacing(2).into()
        }
    }

    /// The cells of one application's row.
    fn line(&self, app: &'a Application) -> Row<'a, Message> {
        let conflict = self.session.dossier().has_conflict(self.assessor, &app.id);
        let progress = if conflict {
            strings::LIST_CONFLICT.to_string()
        } else {
            progress_text(self.session, self.own.get(&app.id).copied())
        };
        row![
            region_cell(app, self.id_width),
            submitted_cell(self.session, app),
            text(self.total(self.e1, &app.id))
                .width(COL_TOTAL)
                .align_x(iced::alignment::Horizontal::Right),
            text(self.total(self.e2, &app.id))
                .width(COL_TOTAL)
                .align_x(iced::alignment::Horizontal::Right),
            space().width(12),
            container(self.status_cell(&app.id)).width(COL_STATUS),
            text(progress)
                .size(theme::SMALL)
                .width(COL_PROGRESS)
                .style(if conflict {
                    theme::warning_text
                } else {
                    text::default
                }),
            actions(app, conflict),
        ]
        .spacing(8)
        .padding([8, 12])
        .align_y(Alignment::Center)
    }
}

/// The buttons of a row: edit, score (not with a conflict of interest) and
/// the panel screen.
fn actions<'a>(app: &Application, conflict: bool) -> Element<'a, Message> {
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
    .width(COL_ACTIONS)
    .into()
}

/// The names of the columns, and the filter field above the buttons.
fn header<'a>(filter: Element<'a, Message>) -> Row<'a, Message> {
    let head = |s: &'a str, w: Length| text(s).size(theme::SMALL).font(bold()).width(w);
    row![
        head(strings::COL_REGION, Fill),
        head(strings::COL_SUBMITTED, Length::Fixed(COL_DATE)),
        head(strings::COL_TOTAL_1, Length::Fixed(COL_TOTAL))
            .align_x(iced::alignment::Horizontal::Right),
        head(strings::COL_TOTAL_2, Length::Fixed(COL_TOTAL))
            .align_x(iced::alignment::Horizontal::Right),
        space().width(12),
        head(strings::COL_STATUS, Length::Fixed(COL_STATUS)),
        head(strings::COL_PROGRESS, Length::Fixed(COL_PROGRESS)),
        filter,
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .padding([6, 12])
}

/// The panel's tools: disagreements, a package, a result to import (these
/// two change the dossier: not when it is open read-only).
fn panel_tools<'a>(read_only: bool) -> Row<'a, Message> {
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
        tool_maybe(
            strings::MAKE_PACKAGE,
            "list-package",
            (!read_only).then_some(Message::AskPackage)
        ),
        tool_maybe(
            strings::IMPORT_RESULT,
            "list-import",
            (!read_only).then_some(Message::ImportResult)
        ),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
}

/// In a package: whose it is, and how to send it back.
fn package_banner<'a>(info: &'a PackageInfo) -> Element<'a, Message> {
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
    .style(theme::notice_info)
    .into()
}

/// A button of the panel toolbar, in a container with an id (tests).
fn tool<'a>(label: &'a str, id: &'static str, message: Message) -> Element<'a, Message> {
    tool_maybe(label, id, Some(message))
}

/// [`tool`], disabled without a message.
fn tool_maybe<'a>(
    label: &'a str,
    id: &'static str,
    message: Option<Message>,
) -> Element<'a, Message> {
    container(
        button(text(label).size(theme::TEXT))
            .padding([4, 10])
            .style(theme::secondary)
            .on_press_maybe(message),
    )
    .id(Id::new(id))
    .into()
}

fn notice<'a>(n: &'a Notice) -> Element<'a, Message> {
    let (line, style): (&str, fn(&iced::Theme) -> container::Style) = match n {
        Notice::Done(s) | Notice::Written(s, _) => (s, theme::notice_info),
        Notice::Refused(s) => (s, theme::notice_danger),
    };
    let open = match n {
        Notice::Written(_, dir) => Some(
            container(
                button(text(strings::OPEN_FOLDER))
                    .style(button::primary)
                    .on_press(Message::OpenFolder(dir.clone())),
            )
            .id(Id::new("list-open-folder")),
        ),
        _ => None,
    };
    container(
        row![text(line).width(Fill)]
            .push(open)
            .push(
                button(text(strings::CLOSE_NOTICE))
                    .style(theme::secondary)
                    .on_press(Message::DismissNotice),
            )
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

/// The region on the first line, over the whole width of the column; the
/// id under it, in a column as wide as the widest id of the dossier, with
/// the plan's title beside it. Each on one line, shortened with "…" where
/// the column is too narrow (a row has one height, see `ROW_HEIGHT`; the
/// application's screen shows them whole). The id is never shortened.
fn region_cell<'a, M: 'a>(app: &'a Application, id_width: f32) -> Element<'a, M> {
    responsive(move |size| {
        let region = measure::ellipsize(&app.region, measure::BODY, true, size.width.max(0.0));
        let room = (size.width - id_width - ID_GAP).max(0.0);
        let title = measure::ellipsize(&app.plan_title, theme::SMALL, false, room);
        let c = column![
            text(region.into_owned())
                .font(bold())
                .wrapping(text::Wrapping::None),
            row![
                text(app.id.to_string())
                    .size(theme::SMALL)
                    .style(theme::muted)
                    .width(id_width)
                    .wrapping(text::Wrapping::None),
                text(title.into_owned())
                    .size(theme::SMALL)
                    .wrapping(text::Wrapping::None)
            ]
            .spacing(ID_GAP)
        ];
        container(c).height(Fill).align_y(Alignment::Center).into()
    })
    .into()
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
