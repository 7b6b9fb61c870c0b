//! Assessor packages out, result files in, conflicts, disagreement.

use crate::common;

use std::collections::BTreeSet;

use chrono::Duration;
use common::*;
use leidraad_core::dossier::{ApplicationId, EXAMPLE_SOURCE, Round, Value, Verdict};
use leidraad_core::edit::{self, Target};
use leidraad_core::panel::{self, Flag, PanelError};
use leidraad_core::rubric::CriterionId;
use leidraad_core::store;

const FEMKE: &str = "Femke Hoogland";

fn example() -> leidraad_core::dossier::Dossier {
    store::parse_dossier(EXAMPLE_SOURCE, "voorbeeld", &rubric()).unwrap()
}

fn app(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

#[test]
fn a_package_holds_one_assessors_own_work_and_nobody_elses() {
    let r = rubric();
    let d = example();
    let p = panel::package(&r, &d, FEMKE, Round::One, None, when()).unwrap();
    assert_eq!(p.applications.len(), 8);
    assert!(p.assessments.iter().all(|a| a.assessor == FEMKE));
    assert_eq!(
        p.assessments
            .iter()
            .filter(|a| a.round == Round::One)
            .count(),
        8
    );
    assert!(p.consensus.is_empty(), "no consensus in a package");
    assert_eq!(p.assessors.len(), 1);
    assert_eq!(p.package.as_ref().unwrap().assessor, FEMKE);
    // It is a dossier like any other: it saves and loads.
    let text = store::to_ron(&p);
    assert_eq!(store::parse_dossier(&text, "pakket", &r).unwrap(), p);

    // Round 2: only the applications round 1 invited.
    let p2 = panel::package(&r, &d, FEMKE, Round::Two, None, when()).unwrap();
    let ids: Vec<&str> = p2.applications.iter().map(|a| a.id.0.as_str()).collect();
    assert_eq!(ids, ["A01", "A02", "A04", "A06", "A07"]);
}

#[test]
fn a_declared_conflict_leaves_the_application_out_and_is_recorded() {
    let r = rubric();
    let mut d = example();
    panel::declare_conflict(
        &mut d,
        FEMKE,
        &app("A03"),
        "Oud-collega van de projectleider",
        when(),
    )
    .unwrap();
    assert!(d.has_conflict(FEMKE, &app("A03")));
    let p = panel::package(&r, &d, FEMKE, Round::One, None, when()).unwrap();
    assert!(p.application(&app("A03")).is_none());
    assert!(p.assessments.iter().all(|a| a.application != app("A03")));
    assert_eq!(
        p.conflicts.len(),
        1,
        "the package carries the assessor's declaration"
    );
    // Declared twice is recorded once.
    panel::declare_conflict(&mut d, FEMKE, &app("A03"), "", when()).unwrap();
    assert_eq!(d.conflicts.len(), 1);
    // The declaration survives a save.
    let back = store::parse_dossier(&store::to_ron(&d), "d", &r).unwrap();
    assert_eq!(back.conflicts, d.conflicts);
}

/// The example without Femke's round-1 work on A01, a package for her, and
/// that package after she scored A01 completely and submitted.
fn scored_package() -> (
    leidraad_core::dossier::Dossier,
    leidraad_core::dossier::Dossier,
) {
    let r = rubric();
    let mut d = example();
    let full = d
        .assessment(&app("A01"), FEMKE, Round::One)
        .unwrap()
        .clone();
    d.assessments
        .retain(|a| !(a.application == app("A01") && a.assessor == FEMKE));
    let mut p = panel::issue_package(&r, &mut d, FEMKE, Round::One, None, when()).unwrap();
    let t = Target {
        application: app("A01"),
        assessor: FEMKE.into(),
        round: Round::One,
    };
    let later = when() + Duration::days(1);
    for (ko, j) in &full.knockouts {
        edit::set_verdict(&r, &mut p, &t, ko, j.verdict, later).unwrap();
        edit::set_ko_motivation(&r, &mut p, &t, ko, &j.motivation, later).unwrap();
    }
    for (c, s) in &full.criteria {
        edit::set_value(&r, &mut p, &t, c, s.value.clone(), later).unwrap();
        edit::set_motivation(&r, &mut p, &t, c, &s.motivation, later).unwrap();
    }
    edit::submit(&r, &mut p, &t, later).unwrap();
    (d, p)
}

#[test]
fn a_result_file_is_imported_once_and_again_changes_nothing() {
    let r = rubric();
    let (mut d, result) = scored_package();
    let report = panel::import_result(&r, &mut d, &result, "Staf", when()).unwrap();
    assert_eq!(report.added, vec![app("A01")]);
    assert_eq!(report.unchanged.len(), 7);
    let a = d.assessment(&app("A01"), FEMKE, Round::One).unwrap();
    assert!(a.is_submitted());
    let after_first = d.clone();
    let again = panel::import_result(&r, &mut d, &result, "Staf", when()).unwrap();
    assert!(again.added.is_empty() && again.updated.is_empty());
    assert_eq!(d, after_first, "importing twice is harmless");
}

#[test]
fn tampered_or_stale_result_files_are_refused_and_change_nothing() {
    let r = rubric();
    let (d, result) = scored_package();

    let refused = |result: &leidraad_core::dossier::Dossier| {
        let mut target = d.clone();
        let err = panel::import_result(&r, &mut target, result, "Staf", when()).unwrap_err();
        assert_eq!(target, d, "a refused import changes nothing");
        err
    };

    let mut other_rubric = result.clone();
    other_rubric.rubric.hash = "0".repeat(64);
    assert!(matches!(
        refused(&other_rubric),
        PanelError::OtherRubric { .. }
    ));

    let mut not_a_package = result.clone();
    not_a_package.package = None;
    assert_eq!(refused(&not_a_package), PanelError::NotAPackage);

    let mut smuggled = result.clone();
    let mut someone_else = smuggled.assessments[0].clone();
    someone_else.assessor = "Ruben Kasteel".into();
    smuggled.assessments.push(someone_else);
    assert!(matches!(
        refused(&smuggled),
        PanelError::OtherAssessor { .. }
    ));

    let mut unknown = result.clone();
    unknown.assessments[0].application = app("A99");
    assert_eq!(
        refused(&unknown),
        PanelError::UnknownApplication(app("A99"))
    );

    // Bound to the dossier that issued it (issue "Nothing lost, nothing
    // forged", point 6): a result of another dossier with the same ids, a
    // package whose assessor was renamed to a colleague, work on an
    // application outside the package, a package never issued.
    let mut foreign = result.clone();
    foreign.package.as_mut().unwrap().dossier = leidraad_core::dossier::new_id();
    assert_eq!(refused(&foreign), PanelError::OtherDossier);
    let mut renamed = result.clone();
    renamed.package.as_mut().unwrap().assessor = "Ruben Kasteel".into();
    for a in &mut renamed.assessments {
        a.assessor = "Ruben Kasteel".into();
    }
    assert!(matches!(
        refused(&renamed),
        PanelError::OtherAssessor { .. }
    ));
    let mut not_issued = result.clone();
    not_issued.package.as_mut().unwrap().id = leidraad_core::dossier::new_id();
    assert_eq!(refused(&not_issued), PanelError::NotIssued);
    let mut legacy = result.clone();
    legacy.package.as_mut().unwrap().dossier.clear();
    assert_eq!(refused(&legacy), PanelError::OtherDossier);

    let mut out_of_scale = result.clone();
    let a01 = out_of_scale
        .assessment_mut(&app("A01"), FEMKE, Round::One)
        .unwrap();
    a01.criteria
        .get_mut(&CriterionId::from("C2"))
        .unwrap()
        .value = Some(Value::Points(11));
    assert!(matches!(refused(&out_of_scale), PanelError::Invalid { .. }));

    // A conflict declared after the package was made.
    let mut conflicted = d.clone();
    panel::declare_conflict(&mut conflicted, FEMKE, &app("A01"), "", when()).unwrap();
    let mut target = conflicted.clone();
    assert!(matches!(
        panel::import_result(&r, &mut target, &result, "Staf", when()),
        Err(PanelError::Conflict { .. })
    ));
    assert_eq!(target, conflicted);

    // Stale: the dossier holds a newer version of that assessment.
    let mut newer = d.clone();
    let mut fresh = result
        .assessment(&app("A01"), FEMKE, Round::One)
        .unwrap()
        .clone();
    fresh.submitted = Some(when() + Duration::days(5));
    newer.assessments.push(fresh);
    let mut target = newer.clone();
    assert!(matches!(
        panel::import_result(&r, &mut target, &result, "Staf", when()),
        Err(PanelError::Older { .. })
    ));
    assert_eq!(target, newer);
}

#[test]
fn disagreement_lists_split_verdicts_spreads_and_threshold_splits_worst_first() {
    let r = rubric();
    let d = example();
    let flags = panel::disagreements(&r, &d, Round::One);
    // In the example one assessor doubts KO4 of A06: the panel decides.
    assert!(
        matches!(&flags[0], Flag::KoDoubt { application, ko, .. } if application == &app("A06") && ko.as_str() == "KO4"),
        "{flags:?}"
    );
    // A05 is scored 50, 50, 49: the assessors lie on both sides of 50.
    assert!(flags.iter().any(
        |f| matches!(f, Flag::ThresholdSplit { application, .. } if application == &app("A05"))
    ));

    // A crafted spread: 2 and 8 on C7 (cap 8) is more than a third apart.
    let mut d = dossier_with(&r, &["A01"]);
    score(&mut d, &r, "A01", Round::One, &[70, 70]);
    let c7 = CriterionId::from("C7");
    let set = |d: &mut leidraad_core::dossier::Dossier, who: &str, n: u32| {
        d.assessment_mut(&app("A01"), who, Round::One)
            .unwrap()
            .criteria
            .get_mut(&c7)
            .unwrap()
            .value = Some(Value::Points(n));
    };
    set(&mut d, "X1", 8);
    set(&mut d, "X2", 6);
    assert!(
        panel::disagreements(&r, &d, Round::One).is_empty(),
        "2 of 8 is within a third"
    );
    set(&mut d, "X2", 2);
    let flags = panel::disagreements(&r, &d, Round::One);
    assert_eq!(
        flags,
        vec![Flag::Spread {
            application: app("A01"),
            criterion: c7,
            low: 2,
            high: 8,
            cap: 8
        }]
    );
    let mut split = d.clone();
    set_ko(&mut split, "A01", "X1", Round::One, "KO1", Verdict::NotMet);
    assert!(matches!(
        panel::disagreements(&r, &split, Round::One)[0],
        Flag::KoSplit { .. }
    ));
}

#[test]
fn work_outside_the_issued_package_is_refused() {
    let r = rubric();
    let mut d = example();
    let assigned: BTreeSet<ApplicationId> = [app("A01")].into();
    let p = panel::issue_package(&r, &mut d, FEMKE, Round::One, Some(&assigned), when()).unwrap();
    assert_eq!(d.issued.len(), 1);
    assert_eq!(d.issued[0].applications, assigned);
    // Work on A02, which the package does not hold, smuggled in.
    let mut smuggled = p.clone();
    let mut a02 = d
        .assessment(&app("A02"), FEMKE, Round::One)
        .unwrap()
        .clone();
    a02.criteria.clear();
    a02.submitted = Some(when() + Duration::days(3));
    smuggled.assessments.push(a02);
    let before = d.clone();
    assert_eq!(
        panel::import_result(&r, &mut d, &smuggled, "Staf", when()),
        Err(PanelError::NotInPackage {
            application: app("A02"),
            round: Round::One
        })
    );
    assert_eq!(d, before);
}

#[test]
fn a_package_for_unknown_applications_is_refused() {
    let r = rubric();
    let d = example();
    let assigned: BTreeSet<ApplicationId> = [app("A01"), app("A77")].into();
    assert_eq!(
        panel::package(&r, &d, FEMKE, Round::One, Some(&assigned), when()),
        Err(PanelError::UnknownApplication(app("A77")))
    );
    let assigned: BTreeSet<ApplicationId> = [app("A01"), app("A02")].into();
    let p = panel::package(&r, &d, FEMKE, Round::One, Some(&assigned), when()).unwrap();
    assert_eq!(p.applications.len(), 2);
}

#[test]
fn an_assessor_with_a_conflict_cannot_score_that_application() {
    let r = rubric();
    let mut d = example();
    panel::declare_conflict(&mut d, "Nieuwe Beoordelaar", &app("A02"), "", when()).unwrap();
    let t = Target {
        application: app("A02"),
        assessor: "Nieuwe Beoordelaar".into(),
        round: Round::One,
    };
    let before = d.clone();
    assert_eq!(
        edit::set_value(
            &r,
            &mut d,
            &t,
            &CriterionId::from("C2"),
            Some(Value::Points(5)),
            when()
        ),
        Err(edit::EditError::Conflict(app("A02")))
    );
    assert_eq!(d, before);
}
