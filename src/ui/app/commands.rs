//! What the command palette (Ctrl+K) offers: the actions of the screen
//! shown and the window's own, each as the message its button sends, with
//! its label and its shortcut. Every button of a screen that the keyboard
//! cannot reach otherwise (ranking, panel, disagreements, start) is here.

use leidraad_core::allocation::Rule;
use leidraad_core::dossier::{DecisionKind, Round};
use leidraad_core::scoring::{DecisionState, Status};
use leidraad_core::session::Session;

use super::{App, Message, Screen};
use crate::ui::screen::{disagreements, list, panel, ranking, scoring, start};
use crate::ui::strings;

/// One entry of the palette.
#[derive(Debug, Clone)]
pub struct Command {
    pub label: String,
    /// Its shortcut, if it has one.
    pub keys: Option<&'static str>,
    pub message: Message,
}

fn command(label: impl Into<String>, keys: Option<&'static str>, message: Message) -> Command {
    Command {
        label: label.into(),
        keys,
        message,
    }
}

impl App {
    /// The screen's actions first, then the window's.
    pub fn commands(&self) -> Vec<Command> {
        let mut out = Vec::new();
        match (&self.screen, &self.session) {
            (Screen::Start(_), _) => start_commands(self, &mut out),
            (Screen::List, Some(session)) => list_commands(self, session, &mut out),
            (Screen::Scoring(s), Some(session)) => scoring_commands(s, session, &mut out),
            (Screen::Ranking(s), Some(session)) => ranking_commands(s, session, &mut out),
            (Screen::Panel(s), Some(session)) => panel_commands(s, session, &mut out),
            (Screen::Disagreements(s), Some(session)) => {
                disagreements_commands(s, session, &mut out);
            }
            _ => {}
        }
        self.window_commands(&mut out);
        out
    }

    /// What every screen offers: the banners' buttons, the dossier's
    /// places, files and the zoom.
    fn window_commands(&self, out: &mut Vec<Command>) {
        let to_list = |m: list::Message| Message::List(m);
        if let Some(super::ExportNotice::Done { open, .. }) = &self.export {
            let label = if open.is_dir() {
                strings::OPEN_FOLDER
            } else {
                strings::OPEN_PDF
            };
            out.push(command(label, None, Message::OpenExported(open.clone())));
        }
        if self.export.is_some() {
            out.push(command(
                strings::CMD_CLOSE_NOTICE,
                None,
                Message::DismissExport,
            ));
        }
        if self.save_status.problem == Some(super::SaveProblem::ChangedOnDisk) {
            out.push(command(
                strings::RELOAD_FROM_DISK,
                None,
                Message::ReloadFromDisk,
            ));
            out.push(command(strings::KEEP_MINE, None, Message::KeepMine));
        }
        if self.session.is_some() {
            if !matches!(self.screen, Screen::List) {
                out.push(command(strings::CMD_TO_LIST, None, Message::ToList));
            }
            out.push(command(
                strings::CMD_FIND,
                Some("Ctrl+F"),
                Message::FindInList,
            ));
            if !matches!(self.screen, Screen::Ranking(_)) {
                out.push(command(
                    strings::TO_RANKING,
                    None,
                    to_list(list::Message::Ranking),
                ));
            }
            if !matches!(self.screen, Screen::Disagreements(_)) {
                out.push(command(
                    strings::DISAGREEMENTS_TITLE,
                    None,
                    to_list(list::Message::Disagreements),
                ));
            }
            out.push(command(strings::SAVE, Some("Ctrl+S"), Message::Save));
            out.push(command(
                strings::EXPORT_ALL,
                None,
                to_list(list::Message::ExportAll),
            ));
            out.push(command(strings::HOME, None, Message::Home));
        }
        out.push(command(
            strings::OPEN_DOSSIER,
            Some("Ctrl+O"),
            Message::OpenDialog,
        ));
        out.push(command(
            strings::CMD_ZOOM_IN,
            Some("Ctrl+="),
            Message::Zoom(Some(true)),
        ));
        out.push(command(
            strings::CMD_ZOOM_OUT,
            Some("Ctrl+-"),
            Message::Zoom(Some(false)),
        ));
        out.push(command(
            strings::CMD_ZOOM_RESET,
            Some("Ctrl+0"),
            Message::Zoom(None),
        ));
    }
}

fn start_commands(app: &App, out: &mut Vec<Command>) {
    let m = Message::Start;
    if app.session.is_some() {
        out.push(command(
            strings::BACK_TO_DOSSIER,
            Some("Esc"),
            m(start::Message::Back),
        ));
    }
    out.push(command(
        strings::EXAMPLE_DOSSIER,
        None,
        m(start::Message::OpenExample),
    ));
    for path in &app.config.recent {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        out.push(command(
            strings::cmd_open_recent(&name),
            None,
            m(start::Message::OpenRecent(path.clone())),
        ));
    }
    out.push(command(
        strings::USE_NAME,
        None,
        m(start::Message::SaveName),
    ));
    out.push(command(
        strings::BUILTIN_RUBRIC,
        None,
        m(start::Message::UseBuiltin),
    ));
    out.push(command(
        strings::RUBRIC_FROM_FILE,
        None,
        m(start::Message::PickRubric),
    ));
    out.push(command(strings::CREATE, None, m(start::Message::Create)));
    out.push(command(
        strings::SELFCHECK_START,
        None,
        m(start::Message::SelfCheck),
    ));
}

fn list_commands(app: &App, session: &Session, out: &mut Vec<Command>) {
    let m = Message::List;
    for round in Round::ALL {
        out.push(command(
            strings::round_long(round),
            None,
            m(list::Message::Round(round)),
        ));
    }
    if session.dossier().package.is_none() {
        out.push(command(
            strings::ADD_APPLICATION,
            Some("Ctrl+N"),
            m(list::Message::Add),
        ));
        out.push(command(
            strings::MAKE_PACKAGE,
            None,
            m(list::Message::AskPackage),
        ));
        out.push(command(
            strings::IMPORT_RESULT,
            None,
            m(list::Message::ImportResult),
        ));
    } else {
        out.push(command(
            strings::SAVE_RESULT,
            None,
            m(list::Message::SaveResult),
        ));
    }
    list_forms(app, session, out);
    // Every application, to score, to edit and to the panel: found by
    // typing its id or region.
    let apps = &session.dossier().applications;
    for i in app.list.shown(session) {
        let a = &apps[i];
        let who = format!("{} {}", a.id, a.region);
        out.push(command(
            strings::cmd_score(&who),
            None,
            m(list::Message::Score(a.id.clone())),
        ));
        out.push(command(
            strings::cmd_edit(&who),
            None,
            m(list::Message::Edit(a.id.clone())),
        ));
        out.push(command(
            strings::cmd_panel(&who),
            None,
            m(list::Message::Panel(a.id.clone())),
        ));
    }
}

/// The list's package form, its name banner and its notice.
fn list_forms(app: &App, session: &Session, out: &mut Vec<Command>) {
    let m = Message::List;
    let assessors = &session.dossier().assessors;
    if app.list.package.is_some() {
        for a in assessors {
            out.push(command(
                strings::cmd_package_for(&a.name),
                None,
                m(list::Message::PackageAssessor(a.name.clone())),
            ));
        }
        for round in Round::ALL {
            out.push(command(
                strings::cmd_package_round(strings::round_long(round)),
                None,
                m(list::Message::PackageRound(round)),
            ));
        }
        out.push(command(
            strings::cmd_package_save(strings::PACKAGE_SAVE),
            None,
            m(list::Message::SavePackage),
        ));
        out.push(command(
            strings::CANCEL,
            None,
            m(list::Message::CancelPackage),
        ));
    }
    if app.config.assessor.trim().is_empty() {
        for a in assessors {
            out.push(command(
                strings::cmd_i_am(&a.name),
                None,
                m(list::Message::PickAssessor(a.name.clone())),
            ));
        }
    }
    if app.list.notice.is_some() {
        out.push(command(
            strings::CMD_CLOSE_NOTICE,
            None,
            m(list::Message::DismissNotice),
        ));
    }
}

fn scoring_commands(s: &scoring::State, session: &Session, out: &mut Vec<Command>) {
    let m = Message::Scoring;
    let (conflict_form, withdraw_form) = s.forms_open();
    if conflict_form {
        out.push(command(
            strings::CONFLICT_CONFIRM,
            None,
            m(scoring::Message::DeclareConflict),
        ));
        out.push(command(
            strings::CANCEL,
            None,
            m(scoring::Message::CancelConflict),
        ));
    }
    if withdraw_form {
        out.push(command(
            strings::WITHDRAW_CONFIRM,
            None,
            m(scoring::Message::Withdraw),
        ));
        out.push(command(
            strings::WITHDRAW_CANCEL,
            None,
            m(scoring::Message::CancelWithdraw),
        ));
    }
    let t = &s.target;
    let submitted = session
        .dossier()
        .assessment(&t.application, &t.assessor, t.round)
        .is_some_and(|a| a.is_submitted());
    if submitted && !withdraw_form {
        out.push(command(
            strings::WITHDRAW,
            None,
            m(scoring::Message::AskWithdraw),
        ));
    }
    out.push(command(
        strings::CMD_PLAN,
        None,
        m(scoring::Message::Plan(scoring::plan::Message::Toggle)),
    ));
    out.push(command(
        strings::ATTACH_DOCUMENT,
        None,
        m(scoring::Message::Plan(scoring::plan::Message::Attach)),
    ));
    out.push(command(
        strings::CMD_BACK,
        Some("Esc"),
        m(scoring::Message::Back),
    ));
    out.push(command(
        strings::CMD_SUBMIT,
        Some("Ctrl+Enter"),
        m(scoring::Message::Submit),
    ));
    out.push(command(
        strings::CMD_UNDO,
        Some("Ctrl+Z"),
        m(scoring::Message::Undo),
    ));
    for (step, keys) in [(1, "Alt+→"), (-1, "Alt+←")] {
        let i = usize::from(step > 0);
        if let Some(id) = &s.neighbours[i] {
            out.push(command(
                strings::cmd_step(step > 0, &id.0),
                Some(keys),
                m(scoring::Message::Step(step)),
            ));
        }
    }
    for round in Round::ALL {
        out.push(command(
            strings::round_long(round),
            None,
            m(scoring::Message::Round(round)),
        ));
    }
    out.push(command(
        strings::EXPORT_SHEET,
        None,
        m(scoring::Message::ExportPdf),
    ));
    out.push(command(
        strings::DECLARE_CONFLICT,
        None,
        m(scoring::Message::AskConflict),
    ));
}

fn ranking_commands(s: &ranking::State, session: &Session, out: &mut Vec<Command>) {
    use ranking::{Column, Message as R, Pane};
    let m = Message::Ranking;
    out.push(command(strings::CMD_BACK, Some("Esc"), m(R::Back)));
    for round in Round::ALL {
        out.push(command(
            strings::round_long(round),
            None,
            m(R::Round(round)),
        ));
    }
    out.push(command(strings::EXPORT_CSV, None, m(R::ExportCsv)));
    out.push(command(
        strings::EXPORT_WORKBOOK,
        None,
        m(R::ExportWorkbook),
    ));
    use crate::ui::widget::chart::Kind;
    for (pane, label) in [
        (Pane::Table, strings::TAB_TABLE),
        (Pane::Chart(Kind::Bars), strings::TAB_BARS),
        (Pane::Chart(Kind::Heat), strings::TAB_HEAT),
        (Pane::Chart(Kind::Rounds), strings::TAB_ROUNDS),
    ] {
        out.push(command(strings::cmd_pane(label), None, m(R::Pane(pane))));
    }
    let mut columns = vec![
        (Column::Rank, strings::COL_RANK.to_string()),
        (Column::Region, strings::COL_REGION.to_string()),
        (Column::Total, strings::COL_TOTAL.to_string()),
        (Column::Status, strings::COL_STATUS.to_string()),
        (Column::FailedKo, strings::COL_FAILED_KO.to_string()),
    ];
    for (i, g) in session.rubric().groups.iter().enumerate() {
        columns.push((Column::Group(i), g.name.clone()));
    }
    for (column, label) in columns {
        out.push(command(strings::cmd_sort(&label), None, m(R::Sort(column))));
    }
    // The open forms: their choices and their buttons.
    if let Some(form) = &s.tie {
        let eval = session.evaluation(s.round);
        if let Some(t) = eval.ties.iter().find(|t| t.number == form.group) {
            for id in &t.members {
                out.push(command(
                    strings::cmd_tie_pick(&id.0),
                    None,
                    m(R::ToggleTie(id.clone())),
                ));
            }
        }
        out.push(command(strings::RECORD, Some("Enter"), m(R::RecordTie)));
        out.push(command(strings::CANCEL, None, m(R::CancelTie)));
    }
    if s.decide.is_some() {
        out.push(command(strings::RECORD, Some("Enter"), m(R::RecordDecide)));
        out.push(command(strings::CANCEL, None, m(R::CancelDecide)));
    }
    if s.round == Round::Two {
        ranking_round_two(session, out);
    }
}

/// Round 2 of the ranking: ties, decisions and waivers, the budget.
fn ranking_round_two(session: &Session, out: &mut Vec<Command>) {
    use ranking::Message as R;
    let m = Message::Ranking;
    let eval = session.evaluation(Round::Two);
    for t in eval.ties.iter().filter(|t| t.decision.is_none()) {
        out.push(command(
            strings::cmd_tie(t.number),
            None,
            m(R::StartTie(t.number)),
        ));
    }
    for (n, d) in session.dossier().decisions.iter().enumerate() {
        let standing = eval
            .decision(n)
            .is_none_or(|s| s.state != DecisionState::Revoked);
        if d.round == Round::Two && standing && !matches!(d.kind, DecisionKind::Revoke { .. }) {
            out.push(command(strings::cmd_revoke(n), None, m(R::StartRevoke(n))));
        }
    }
    for a in eval
        .applications
        .iter()
        .filter(|a| a.status == Status::BelowThreshold)
    {
        out.push(command(
            strings::cmd_waiver(&a.id.0),
            None,
            m(R::StartWaiver(a.id.clone())),
        ));
    }
    for rule in Rule::PROPOSALS {
        out.push(command(
            strings::cmd_proposal(strings::rule_label(rule)),
            None,
            m(R::Proposal(rule)),
        ));
    }
    out.push(command(
        strings::RECORD_ALLOCATION,
        None,
        m(R::RecordAllocation),
    ));
}

fn panel_commands(s: &panel::State, session: &Session, out: &mut Vec<Command>) {
    use panel::{Message as P, Tab};
    let m = Message::Panel;
    out.push(command(strings::CMD_BACK, Some("Esc"), m(P::Back)));
    for tab in Tab::ALL {
        out.push(command(strings::cmd_tab(tab.label()), None, m(P::Tab(tab))));
    }
    for round in Round::ALL {
        out.push(command(
            strings::round_long(round),
            None,
            m(P::Round(round)),
        ));
    }
    out.push(command(strings::EXPORT_SHEET, None, m(P::ExportPdf)));
    match s.tab {
        Tab::Consensus => {
            out.push(command(
                strings::PANEL_START_FROM_PROPOSAL,
                None,
                m(P::StartFromProposal),
            ));
            if s.confirming_record() {
                out.push(command(
                    strings::CMD_CONFIRM_RECORD,
                    None,
                    m(P::RecordConfirm),
                ));
                out.push(command(strings::CANCEL, None, m(P::RecordCancel)));
            } else {
                out.push(command(strings::RECORD_CONSENSUS, None, m(P::Record)));
            }
            out.push(command(strings::REOPEN_CONSENSUS, None, m(P::Reopen)));
            consensus_choices(session, out);
        }
        Tab::Interview => {
            for c in leidraad_core::dossier::Confidence::ALL {
                out.push(command(
                    strings::cmd_confidence(leidraad_core::nl::confidence(c)),
                    None,
                    m(P::InterviewConfidence(c)),
                ));
            }
            out.push(command(
                strings::PANEL_SAVE_INTERVIEW,
                None,
                m(P::SaveInterview),
            ));
            out.push(command(
                strings::PANEL_REGISTER_ADDENDUM,
                None,
                m(P::RegisterAddendum),
            ));
        }
        Tab::SideBySide | Tab::Rounds | Tab::History => {}
    }
}

/// The consensus form's choices: every verdict of every knock-out and
/// every value of every criterion (typed values have their own field).
fn consensus_choices(session: &Session, out: &mut Vec<Command>) {
    use leidraad_core::dossier::{Value, Verdict};
    use leidraad_core::rubric::Scale;
    use panel::Message as P;
    let m = Message::Panel;
    let rubric = session.rubric();
    for ko in &rubric.knockouts {
        for v in Verdict::ALL {
            out.push(command(
                strings::cmd_consensus(ko.id.as_str(), strings::verdict(v)),
                None,
                m(P::Verdict(ko.id.clone(), v)),
            ));
        }
    }
    for c in rubric.criteria() {
        let id = &c.id;
        let value = |label: String, v: Value| {
            command(
                strings::cmd_consensus(id.as_str(), &label),
                None,
                m(P::Value(id.clone(), Some(v))),
            )
        };
        match &c.scale {
            Scale::YesNo { .. } => {
                out.push(value(strings::YES.to_string(), Value::Yes));
                out.push(value(strings::NO.to_string(), Value::No));
            }
            Scale::Items { items, max_each } => {
                for item in items {
                    for n in 0..=*max_each {
                        out.push(command(
                            strings::cmd_consensus(&format!("{id} {}", item.id), &n.to_string()),
                            None,
                            m(P::Item(id.clone(), item.id.clone(), Some(n))),
                        ));
                    }
                }
            }
            scale => {
                let (min, max) = scale.bounds();
                if max - min <= 20 {
                    for n in min..=max {
                        out.push(value(n.to_string(), Value::Points(n)));
                    }
                }
            }
        }
        out.push(command(
            strings::cmd_consensus(id.as_str(), strings::CMD_EMPTY),
            None,
            m(P::Value(id.clone(), None)),
        ));
    }
}

fn disagreements_commands(s: &disagreements::State, session: &Session, out: &mut Vec<Command>) {
    use disagreements::Message as D;
    let m = Message::Disagreements;
    out.push(command(strings::CMD_BACK, Some("Esc"), m(D::Back)));
    for round in Round::ALL {
        out.push(command(
            strings::round_long(round),
            None,
            m(D::Round(round)),
        ));
    }
    for (i, flag) in s.flags.iter().enumerate() {
        let id = flag.application();
        let region = session
            .dossier()
            .application(id)
            .map_or("", |a| a.region.as_str());
        out.push(command(
            strings::cmd_flag(i + 1, &id.0, region),
            None,
            m(D::Open(i)),
        ));
    }
}
