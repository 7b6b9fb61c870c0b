//! The panel: one package per assessor out, their result files back in,
//! conflicts of interest, and where the assessors disagree.
//!
//! A package is itself a dossier, restricted to one assessor's applications
//! and that assessor's own work, so the assessor opens it in the window as
//! any dossier and cannot see anyone else's scores. A result file is the
//! package after scoring; importing it merges that assessor's assessments
//! into the programme's dossier.

use crate::dossier::join_ids as join;
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::audit::{self, Entry, Field};
use crate::dossier::{
    ApplicationId, Assessment, Conflict, Dossier, PackageInfo, Round, Verdict, validate_value,
};
use crate::exact::Exact;
use crate::roles::Role;
use crate::rubric::{CriterionId, Rubric};
use crate::scoring::{self, Status};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PanelError {
    #[error("{0} is not an application of this dossier")]
    UnknownApplication(ApplicationId),
    #[error("{assessor} declared a conflict of interest for {application}")]
    Conflict {
        assessor: String,
        application: ApplicationId,
    },
    #[error(
        "the result was scored against rubric {found}, this dossier against {expected}; import refused"
    )]
    OtherRubric { found: String, expected: String },
    #[error("this file is not a result file: it carries no package information")]
    NotAPackage,
    #[error(
        "the result file holds work of {found}, but it is {expected}'s package; a result file holds one assessor's work"
    )]
    OtherAssessor { expected: String, found: String },
    #[error(
        "{application}, round {round}: the dossier holds newer work by {assessor} (changed {dossier}) than the result file (changed {result}); import refused"
    )]
    Older {
        application: ApplicationId,
        assessor: String,
        round: Round,
        dossier: DateTime<Utc>,
        result: DateTime<Utc>,
    },
    #[error("{application} by {assessor}: {message}")]
    Invalid {
        application: ApplicationId,
        assessor: String,
        message: String,
    },
    #[error("{0} may not be scored in round 2: round 1 did not invite it")]
    NotInvited(ApplicationId),
    #[error(
        "this result file belongs to a package of another dossier (or was made before packages were recorded); import refused"
    )]
    OtherDossier,
    #[error("this dossier did not issue the package this result file answers; import refused")]
    NotIssued,
    #[error(
        "{application}, round {round}: not in the package this result file answers; import refused"
    )]
    NotInPackage {
        application: ApplicationId,
        round: Round,
    },
    #[error(transparent)]
    ReadOnly(#[from] crate::session::ReadOnlyError),
    /// The result withdraws a submission on which the panel has recorded
    /// consensus since.
    #[error(
        "{application}, round {round}: the result file withdraws {assessor}'s submission, but the panel has recorded consensus on it; import refused"
    )]
    WithdrawnAfterConsensus {
        application: ApplicationId,
        assessor: String,
        round: Round,
    },
}

/// The package for one assessor and round: the applications assigned (all,
/// or the ones given), minus those with a declared conflict; the assessor's
/// own assessments of them; nobody else's scores or the consensus.
pub fn package(
    rubric: &Rubric,
    dossier: &Dossier,
    assessor: &str,
    round: Round,
    assigned: Option<&BTreeSet<ApplicationId>>,
    now: DateTime<Utc>,
) -> Result<Dossier, PanelError> {
    if let Some(ids) = assigned {
        for id in ids {
            if dossier.application(id).is_none() {
                return Err(PanelError::UnknownApplication(id.clone()));
            }
        }
    }
    let round_one = (round == Round::Two).then(|| scoring::evaluate(rubric, dossier, Round::One));
    let include = |id: &ApplicationId| {
        assigned.is_none_or(|ids| ids.contains(id))
            && !dossier.has_conflict(assessor, id)
            && round_one
                .as_ref()
                .is_none_or(|e| e.status_of(id) == Some(Status::Invited))
    };
    let mut p = Dossier::new(&dossier.title, rubric);
    p.rubric = dossier.rubric.clone();
    p.assessors = dossier
        .assessors
        .iter()
        .filter(|a| a.name == assessor)
        .cloned()
        .collect();
    if p.assessors.is_empty() {
        p.ensure_assessor(assessor);
    }
    p.applications = dossier
        .applications
        .iter()
        .filter(|a| include(&a.id))
        .cloned()
        .collect();
    // Round 2 starts from the assessor's own round-1 work, so round 1 goes
    // along (read-only in practice: it is submitted).
    p.assessments = dossier
        .assessments
        .iter()
        .filter(|a| a.assessor == assessor && include(&a.application))
        .filter(|a| a.round == round || a.round == Round::One)
        .cloned()
        .collect();
    p.conflicts = dossier
        .conflicts
        .iter()
        .filter(|c| c.assessor == assessor)
        .cloned()
        .collect();
    // What the assessor needs to read for round 2. The audit log stays
    // home: it holds the other assessors' scores.
    p.interviews = dossier
        .interviews
        .iter()
        .filter(|i| include(&i.application))
        .cloned()
        .collect();
    p.addenda = dossier
        .addenda
        .iter()
        .filter(|a| include(&a.application))
        .cloned()
        .collect();
    p.id = dossier.id.clone();
    p.package = Some(PackageInfo {
        assessor: assessor.to_string(),
        round,
        source: dossier.title.clone(),
        created: now,
        dossier: dossier.id.clone(),
        id: String::new(),
    });
    Ok(p)
}

/// Issue a package: make it as [`package`] does, give it an id of its own,
/// and record in the dossier that it was issued (to whom, for which round
/// and applications), so that only its result is imported later. A dossier
/// without an id yet (made by an older version) gets one now.
pub fn issue_package(
    rubric: &Rubric,
    dossier: &mut Dossier,
    assessor: &str,
    round: Round,
    assigned: Option<&BTreeSet<ApplicationId>>,
    now: DateTime<Utc>,
) -> Result<Dossier, PanelError> {
    if dossier.id.is_empty() {
        dossier.id = crate::dossier::new_id();
    }
    let mut p = package(rubric, dossier, assessor, round, assigned, now)?;
    let id = crate::dossier::new_id();
    if let Some(info) = &mut p.package {
        info.id = id.clone();
    }
    let applications: BTreeSet<ApplicationId> =
        p.applications.iter().map(|a| a.id.clone()).collect();
    audit::record(
        dossier,
        Entry::new(now, assessor, Field::Package)
            .subject(assessor)
            .change(
                "",
                format!("pakket {id}, ronde {round}: {}", join(applications.iter())),
            ),
    );
    dossier.issued.push(crate::dossier::Issued {
        id,
        assessor: assessor.to_string(),
        round,
        applications,
        created: now,
    });
    Ok(p)
}

/// The package record a result file answers to: issued by this dossier,
/// for the assessor the file names.
fn issued_for<'d>(
    dossier: &'d Dossier,
    info: &PackageInfo,
) -> Result<&'d crate::dossier::Issued, PanelError> {
    if info.dossier.is_empty() || info.dossier != dossier.id {
        return Err(PanelError::OtherDossier);
    }
    let issued = dossier
        .issued
        .iter()
        .find(|i| i.id == info.id)
        .ok_or(PanelError::NotIssued)?;
    if issued.assessor != info.assessor || issued.round != info.round {
        return Err(PanelError::OtherAssessor {
            expected: issued.assessor.clone(),
            found: info.assessor.clone(),
        });
    }
    Ok(issued)
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: Vec<ApplicationId>,
    pub updated: Vec<ApplicationId>,
    /// Already in the dossier exactly as in the file: importing twice is
    /// harmless.
    pub unchanged: Vec<ApplicationId>,
    /// The package's assessor was new to the dossier.
    pub assessor_added: bool,
}

impl ImportReport {
    /// Whether the import changed the dossier (the same file a second time
    /// changes nothing, and leaves nothing to save).
    pub fn changed(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty() || self.assessor_added
    }
}

/// Merge a result file into the dossier. Everything is checked before
/// anything changes: on an error the dossier is as it was.
pub fn import_result(
    rubric: &Rubric,
    dossier: &mut Dossier,
    result: &Dossier,
    by: &str,
    now: DateTime<Utc>,
) -> Result<ImportReport, PanelError> {
    if result.rubric.hash != dossier.rubric.hash || result.rubric.hash != rubric.hash() {
        return Err(PanelError::OtherRubric {
            found: format!(
                "{} {} ({})",
                result.rubric.id, result.rubric.version, result.rubric.hash
            ),
            expected: format!(
                "{} {} ({})",
                dossier.rubric.id, dossier.rubric.version, dossier.rubric.hash
            ),
        });
    }
    let info = result.package.as_ref().ok_or(PanelError::NotAPackage)?;
    let issued = issued_for(dossier, info)?;
    let mut report = ImportReport::default();
    let mut changes: Vec<Assessment> = Vec::new();
    for a in &result.assessments {
        if a.assessor != info.assessor {
            return Err(PanelError::OtherAssessor {
                expected: info.assessor.clone(),
                found: a.assessor.clone(),
            });
        }
        if dossier.application(&a.application).is_none() {
            return Err(PanelError::UnknownApplication(a.application.clone()));
        }
        if dossier.has_conflict(&a.assessor, &a.application) {
            return Err(PanelError::Conflict {
                assessor: a.assessor.clone(),
                application: a.application.clone(),
            });
        }
        // Only what the package was issued for: its applications, and its
        // round (a round-2 package carries the assessor's round 1 along,
        // which may not change).
        let carried_along = a.round != issued.round
            && dossier.assessment(&a.application, &a.assessor, a.round) == Some(a);
        if !issued.applications.contains(&a.application)
            || (a.round != issued.round && !carried_along)
        {
            return Err(PanelError::NotInPackage {
                application: a.application.clone(),
                round: a.round,
            });
        }
        for (id, score) in &a.criteria {
            if let Some(v) = &score.value {
                validate_value(rubric, id, v).map_err(|e| PanelError::Invalid {
                    application: a.application.clone(),
                    assessor: a.assessor.clone(),
                    message: e.to_string(),
                })?;
            }
        }
        match dossier.assessment(&a.application, &a.assessor, a.round) {
            Some(existing) if existing == a => report.unchanged.push(a.application.clone()),
            Some(existing) => {
                let (theirs, ours) = (a.last_change(), existing.last_change());
                if let (Some(result), Some(dossier)) = (theirs, ours)
                    && dossier > result
                {
                    return Err(PanelError::Older {
                        application: a.application.clone(),
                        assessor: a.assessor.clone(),
                        round: a.round,
                        dossier,
                        result,
                    });
                }
                unsubmits(dossier, existing, a)?;
                report.updated.push(a.application.clone());
                changes.push(a.clone());
            }
            None => {
                report.added.push(a.application.clone());
                changes.push(a.clone());
            }
        }
    }
    // Round 2 only for applications that round 1 invites as it will be
    // after the import: the file may change round-1 work too (found by the
    // `result` fuzz target; tests/bad_input/result-uninvites-round-2.ron).
    if result.assessments.iter().any(|a| a.round == Round::Two) {
        let mut after = dossier.clone();
        for a in changes.iter().filter(|a| a.round == Round::One) {
            match after.assessment_mut(&a.application, &a.assessor, a.round) {
                Some(existing) => *existing = a.clone(),
                None => after.assessments.push(a.clone()),
            }
        }
        let round_one = scoring::evaluate(rubric, &after, Round::One);
        for a in result.assessments.iter().filter(|a| a.round == Round::Two) {
            if round_one.status_of(&a.application) != Some(Status::Invited) {
                return Err(PanelError::NotInvited(a.application.clone()));
            }
        }
    }
    // Checked: now apply, and log each change.
    let assessors = dossier.assessors.len();
    dossier.ensure_assessor(&info.assessor);
    report.assessor_added = dossier.assessors.len() != assessors;
    for a in changes {
        let template = Entry::new(now, by, Field::Import)
            .on(&a.application, Some(a.round))
            .subject(&a.assessor);
        let before = dossier
            .assessment(&a.application, &a.assessor, a.round)
            .cloned();
        let entries = audit::diff(
            &template,
            before.as_ref().map(Into::into),
            Some((&a).into()),
        );
        audit::record(
            dossier,
            template.clone().change(
                "",
                format!(
                    "resultaat van {} ({})",
                    info.assessor,
                    info.created.to_rfc3339()
                ),
            ),
        );
        log_withdrawal(dossier, result, template, before.as_ref(), &a);
        for e in entries {
            audit::record(dossier, e);
        }
        match dossier.assessment_mut(&a.application, &a.assessor, a.round) {
            Some(existing) => *existing = a,
            None => dossier.assessments.push(a),
        }
    }
    Ok(report)
}

/// A result whose copy of a submitted assessment is not submitted: a
/// withdrawal when it was withdrawn in the package after the dossier's copy
/// was submitted (refused, as `edit::withdraw` is, once the panel has
/// recorded consensus there); otherwise older work, refused.
fn unsubmits(dossier: &Dossier, existing: &Assessment, a: &Assessment) -> Result<(), PanelError> {
    if !existing.is_submitted() || a.is_submitted() {
        return Ok(());
    }
    let withdrawn_after = a
        .withdrawn
        .zip(existing.submitted)
        .is_some_and(|(w, s)| w >= s);
    if !withdrawn_after {
        return Err(PanelError::Older {
            application: a.application.clone(),
            assessor: a.assessor.clone(),
            round: a.round,
            dossier: existing.last_change().unwrap_or_default(),
            result: a.last_change().unwrap_or_default(),
        });
    }
    if dossier
        .recorded_consensus_for(&a.application, a.round)
        .is_some_and(|c| !c.is_empty())
    {
        return Err(PanelError::WithdrawnAfterConsensus {
            application: a.application.clone(),
            assessor: a.assessor.clone(),
            round: a.round,
        });
    }
    Ok(())
}

/// Log an imported withdrawal (`before` submitted, `a` not) with its
/// reason, as the package's log gave it.
fn log_withdrawal(
    dossier: &mut Dossier,
    result: &Dossier,
    template: Entry,
    before: Option<&Assessment>,
    a: &Assessment,
) {
    if !before.is_some_and(Assessment::is_submitted) || a.is_submitted() {
        return;
    }
    let reason = result
        .audit
        .iter()
        .rev()
        .find(|e| {
            e.field == Field::Assessment
                && e.application.as_ref() == Some(&a.application)
                && e.round == Some(a.round)
                && e.subject == a.assessor
                && e.new.starts_with(crate::edit::WITHDRAWN)
        })
        .map_or_else(
            || format!("{} (in het pakket)", crate::edit::WITHDRAWN),
            |e| e.new.clone(),
        );
    let mut e = template.change("ingediend", reason);
    e.field = Field::Assessment;
    audit::record(dossier, e);
}

/// Declare a conflict of interest; the assessor's draft work on that
/// application, if any, is removed (submitted work stays, for the record).
pub fn declare_conflict(
    dossier: &mut Dossier,
    assessor: &str,
    application: &ApplicationId,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), PanelError> {
    if dossier.application(application).is_none() {
        return Err(PanelError::UnknownApplication(application.clone()));
    }
    if !dossier.has_conflict(assessor, application) {
        dossier.conflicts.push(Conflict {
            assessor: assessor.to_string(),
            application: application.clone(),
            note: note.to_string(),
            declared: now,
        });
        audit::record(
            dossier,
            Entry::new(now, assessor, Field::Conflict)
                .on(application, None)
                .subject(assessor)
                .change("", if note.is_empty() { "gemeld" } else { note }),
        );
    }
    let drafts: Vec<Round> = dossier
        .assessments
        .iter()
        .filter(|a| a.assessor == assessor && &a.application == application && !a.is_submitted())
        .map(|a| a.round)
        .collect();
    dossier.assessments.retain(|a| {
        !(a.assessor == assessor && &a.application == application && !a.is_submitted())
    });
    for round in drafts {
        audit::record(
            dossier,
            Entry::new(now, assessor, Field::Assessment)
                .on(application, Some(round))
                .subject(assessor)
                .change("concept", "verwijderd (conflict)"),
        );
    }
    Ok(())
}

pub use crate::decide::{DecisionError, break_tie, record_decision};

/// Blind scoring: whether `viewer` may see the other assessors' scores of
/// an application in a round. An assessor sees them only after submitting
/// their own; one with a declared conflict never. Programme staff (the
/// dossier's `staff`) see them; anyone else (see [`Role::Outsider`]) never.
pub fn may_see_others(dossier: &Dossier, viewer: &str, app: &ApplicationId, round: Round) -> bool {
    Blind::new(dossier, viewer).sees(app, round)
}

/// Why the other assessors' work is hidden from a viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// The viewer declared a conflict of interest for the application.
    Conflict,
    /// The viewer is an assessor who has not submitted their own work.
    NotSubmitted,
    /// The viewer is neither programme staff nor an assessor of the
    /// dossier (or gave no name).
    Outsider,
}

/// The blind-scoring rule for one viewer over many applications (a list
/// or a table): the viewer's role is found once.
pub struct Blind<'a> {
    dossier: &'a Dossier,
    viewer: &'a str,
    role: Role,
    /// The applications (and rounds) the viewer has submitted.
    submitted: std::collections::HashSet<(&'a ApplicationId, Round)>,
}

impl<'a> Blind<'a> {
    pub fn new(dossier: &'a Dossier, viewer: &'a str) -> Blind<'a> {
        let role = dossier.role_of(viewer);
        let submitted = match role {
            Role::Assessor => dossier
                .assessments
                .iter()
                .filter(|a| a.assessor.trim() == viewer.trim() && a.is_submitted())
                .map(|a| (&a.application, a.round))
                .collect(),
            Role::Staff | Role::Outsider => Default::default(),
        };
        Blind {
            dossier,
            viewer,
            role,
            submitted,
        }
    }

    /// The viewer's role in the dossier.
    pub fn role(&self) -> Role {
        self.role
    }

    pub fn sees(&self, app: &ApplicationId, round: Round) -> bool {
        self.why_hidden(app, round).is_none()
    }

    /// Why the others' work of `app` in `round` is hidden from the viewer;
    /// None when the viewer sees it.
    pub fn why_hidden(&self, app: &ApplicationId, round: Round) -> Option<Hidden> {
        if self.dossier.has_conflict(self.viewer.trim(), app) {
            return Some(Hidden::Conflict);
        }
        match self.role {
            Role::Staff => None,
            Role::Outsider => Some(Hidden::Outsider),
            Role::Assessor => {
                (!self.submitted.contains(&(app, round))).then_some(Hidden::NotSubmitted)
            }
        }
    }

    /// Whether a result of the round (a total, a status) must be hidden
    /// from the viewer: it is made of someone else's work that the viewer
    /// may not see yet.
    pub fn hides(&self, result: &crate::scoring::AppResult, round: Round) -> bool {
        result.assessors > 0 && !self.sees(&result.id, round)
    }

    /// Whether the status of an application in `round` must be hidden: its
    /// result in that round is hidden, or (round 2) the round-1 result it
    /// rests on is. "Niet uitgenodigd" in round 2 says how round 1 ended,
    /// so it is hidden wherever the round-1 total is. `round_one` is the
    /// application's round-1 result (None when it has none).
    pub fn hides_status(
        &self,
        result: &crate::scoring::AppResult,
        round: Round,
        round_one: Option<&crate::scoring::AppResult>,
    ) -> bool {
        self.hides(result, round)
            || (round == Round::Two && round_one.is_some_and(|r| self.hides(r, Round::One)))
    }

    /// Whether nothing at all is hidden from the viewer: every result of
    /// both rounds is visible (what a full export of the dossier needs).
    pub fn sees_everything(&self) -> bool {
        match self.role {
            Role::Staff => self
                .dossier
                .conflicts
                .iter()
                .all(|c| c.assessor.trim() != self.viewer.trim()),
            Role::Outsider => self.dossier.assessments.is_empty(),
            Role::Assessor => self.dossier.assessments.iter().all(|a| {
                a.assessor.trim() == self.viewer.trim() || self.sees(&a.application, a.round)
            }),
        }
    }
}

/// One place where the assessors disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The assessors' scores on a criterion lie further apart than the
    /// rubric's share of its cap.
    Spread {
        application: ApplicationId,
        criterion: CriterionId,
        low: u32,
        high: u32,
        cap: u32,
    },
    /// The assessors' verdicts on a knock-out differ.
    KoSplit {
        application: ApplicationId,
        ko: CriterionId,
        verdicts: Vec<(String, Verdict)>,
    },
    /// The assessors' own totals lie on both sides of the threshold.
    ThresholdSplit {
        application: ApplicationId,
        threshold: u32,
        totals: Vec<(String, Exact)>,
    },
    /// An assessor submitted a knock-out in twijfel: "KO: panel beslist"
    /// (the verdicts of all submitted assessors beside it). Takes the place
    /// of a [`Flag::KoSplit`] on that knock-out.
    KoDoubt {
        application: ApplicationId,
        ko: CriterionId,
        verdicts: Vec<(String, Verdict)>,
    },
    /// The recorded consensus was made without these assessors: they
    /// submitted after it was recorded (`consensus::made_without`).
    MadeWithout {
        application: ApplicationId,
        assessors: Vec<String>,
    },
}

impl Flag {
    pub fn application(&self) -> &ApplicationId {
        match self {
            Flag::Spread { application, .. }
            | Flag::KoSplit { application, .. }
            | Flag::ThresholdSplit { application, .. }
            | Flag::KoDoubt { application, .. }
            | Flag::MadeWithout { application, .. } => application,
        }
    }

    /// How bad it is, for ordering (worst first): a KO split and a split
    /// across the threshold decide the outcome; a spread weighs by its share
    /// of the cap.
    fn severity(&self) -> Exact {
        match self {
            Flag::MadeWithout { .. } => Exact::whole(4),
            Flag::KoSplit { .. } | Flag::KoDoubt { .. } => Exact::whole(3),
            Flag::ThresholdSplit { .. } => Exact::whole(2),
            Flag::Spread { low, high, cap, .. } => {
                Exact::new(i64::from(high - low), i64::from((*cap).max(1)))
            }
        }
    }
}

/// Every disagreement among the submitted assessments of a round, worst
/// first. Consensus values do not hide a flag: they are how one is settled.
pub fn disagreements(rubric: &Rubric, dossier: &Dossier, round: Round) -> Vec<Flag> {
    let eval = scoring::evaluate(rubric, dossier, round);
    let (n, d) = rubric.process.disagreement_share;
    let threshold = eval.threshold;
    let mut flags = Vec::new();
    for app in &eval.applications {
        let without = crate::consensus::made_without(dossier, &app.id, round);
        if !without.is_empty() {
            flags.push(Flag::MadeWithout {
                application: app.id.clone(),
                assessors: without,
            });
        }
        let submitted: Vec<&Assessment> = dossier
            .assessments_for(&app.id, round)
            .filter(|a| a.is_submitted())
            .collect();
        for ko in &rubric.knockouts {
            let verdicts: Vec<(String, Verdict)> = submitted
                .iter()
                .map(|a| (a.assessor.clone(), a.verdict(&ko.id)))
                .collect();
            if verdicts.iter().any(|(_, v)| *v == Verdict::Doubt) {
                flags.push(Flag::KoDoubt {
                    application: app.id.clone(),
                    ko: ko.id.clone(),
                    verdicts,
                });
            } else if verdicts.iter().any(|(_, v)| *v != verdicts[0].1) {
                flags.push(Flag::KoSplit {
                    application: app.id.clone(),
                    ko: ko.id.clone(),
                    verdicts,
                });
            }
        }
        if app.assessors < 2 {
            continue;
        }
        for c in &app.criteria {
            let own: Vec<u32> = app.assessor_points(c).filter_map(|(_, p)| p).collect();
            let (Some(&low), Some(&high)) = (own.iter().min(), own.iter().max()) else {
                continue;
            };
            // high - low > cap * n / d, in whole numbers.
            if u64::from(high - low) * u64::from(d) > u64::from(c.cap) * u64::from(n) {
                flags.push(Flag::Spread {
                    application: app.id.clone(),
                    criterion: c.id.clone(),
                    low,
                    high,
                    cap: c.cap,
                });
            }
        }
        let totals: Vec<(String, Exact)> = submitted
            .iter()
            .map(|a| (a.assessor.clone(), scoring::summarize(rubric, a).total))
            .collect();
        let line = Exact::from(threshold);
        if totals.iter().any(|(_, t)| *t >= line) && totals.iter().any(|(_, t)| *t < line) {
            flags.push(Flag::ThresholdSplit {
                application: app.id.clone(),
                threshold,
                totals,
            });
        }
    }
    flags.sort_by(|a, b| {
        b.severity()
            .cmp(&a.severity())
            .then_with(|| a.application().cmp(b.application()))
    });
    flags
}
