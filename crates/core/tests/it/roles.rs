//! Roles in a dossier: who is staff, assessor or outsider, what each may
//! see of the others' work, and how the staff list changes (logged).

use crate::common;

use common::{dossier_with, rubric, score, when};
use leidraad_core::audit::{self, Field};
use leidraad_core::dossier::{ApplicationId, Dossier, EXAMPLE_SOURCE, Round};
use leidraad_core::panel::{Blind, Hidden};
use leidraad_core::roles::{self, Role, StaffError};
use leidraad_core::scoring;
use leidraad_core::store;

fn app(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

/// A01 and A02 scored by X1, X2 and X3 (submitted), no staff listed.
fn scored() -> Dossier {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    d.staff.clear();
    score(&mut d, &r, "A01", Round::One, &[60, 55, 58]);
    score(&mut d, &r, "A02", Round::One, &[40, 45, 42]);
    d
}

#[test]
fn the_role_of_a_name_is_assessor_before_staff_and_outsider_otherwise() {
    let mut d = scored();
    d.staff = vec!["Sanne Wijdeveld".into(), "X1".into()];
    d.ensure_assessor("Nog Niet Begonnen");
    assert_eq!(d.role_of("Sanne Wijdeveld"), Role::Staff);
    assert_eq!(d.role_of("  Sanne Wijdeveld "), Role::Staff, "trimmed");
    // Someone who scores is held to blind scoring, staff list or not.
    assert_eq!(d.role_of("X1"), Role::Assessor);
    assert_eq!(d.role_of("X2"), Role::Assessor, "an author of assessments");
    assert_eq!(d.role_of("Nog Niet Begonnen"), Role::Assessor, "listed");
    assert_eq!(d.role_of("Onbekend"), Role::Outsider);
    assert_eq!(d.role_of(""), Role::Outsider);
    assert_eq!(d.role_of("   "), Role::Outsider);
}

#[test]
fn an_outsider_sees_no_others_work_staff_see_all_and_an_assessor_after_submitting() {
    let r = rubric();
    let mut d = scored();
    d.staff = vec!["Sanne Wijdeveld".into()];
    // X3 still has A02 as a draft.
    let x3 = d
        .assessments
        .iter_mut()
        .find(|a| a.assessor == "X3" && a.application == app("A02"))
        .unwrap();
    x3.submitted = None;
    let e1 = scoring::evaluate(&r, &d, Round::One);
    let a01 = e1.get(&app("A01")).unwrap();
    let a02 = e1.get(&app("A02")).unwrap();

    let staff = Blind::new(&d, "Sanne Wijdeveld");
    assert_eq!(staff.role(), Role::Staff);
    assert!(!staff.hides(a01, Round::One) && !staff.hides(a02, Round::One));
    assert!(staff.sees_everything());

    for outsider in ["Onbekend", ""] {
        let b = Blind::new(&d, outsider);
        assert_eq!(b.role(), Role::Outsider);
        assert!(b.hides(a01, Round::One) && b.hides(a02, Round::One));
        assert_eq!(
            b.why_hidden(&app("A01"), Round::One),
            Some(Hidden::Outsider)
        );
        assert!(!b.sees_everything());
    }

    let x3 = Blind::new(&d, "X3");
    assert!(!x3.hides(a01, Round::One), "X3 submitted A01");
    assert!(x3.hides(a02, Round::One), "X3 has not submitted A02");
    assert_eq!(
        x3.why_hidden(&app("A02"), Round::One),
        Some(Hidden::NotSubmitted)
    );
    assert!(!x3.sees_everything());
    assert!(Blind::new(&d, "X1").sees_everything());
}

#[test]
fn round_two_status_is_hidden_where_the_round_one_total_is() {
    let r = rubric();
    let mut d = scored();
    d.staff = vec!["Sanne Wijdeveld".into()];
    let e1 = scoring::evaluate(&r, &d, Round::One);
    let e2 = scoring::evaluate(&r, &d, Round::Two);
    // A02 was not invited: no round-2 work, its status says how round 1
    // ended.
    let a02_1 = e1.get(&app("A02")).unwrap();
    let a02_2 = e2.get(&app("A02")).unwrap();
    assert_eq!(a02_2.status, scoring::Status::NotInvited);
    let outsider = Blind::new(&d, "Onbekend");
    assert!(
        !outsider.hides(a02_2, Round::Two),
        "no round-2 work to hide"
    );
    assert!(outsider.hides_status(a02_2, Round::Two, Some(a02_1)));
    assert!(!Blind::new(&d, "Sanne Wijdeveld").hides_status(a02_2, Round::Two, Some(a02_1)));
    assert!(!Blind::new(&d, "X1").hides_status(a02_2, Round::Two, Some(a02_1)));
}

#[test]
fn staff_changes_are_logged_and_only_staff_or_the_first_claim_may_make_them() {
    let mut d = scored();
    // No staff yet: an assessor may not claim it, anyone else may.
    assert!(!roles::may_change_staff(&d, "X1"));
    assert_eq!(
        roles::add_staff(&mut d, "X1", "X1", when()),
        Err(StaffError::NotAllowed { by: "X1".into() })
    );
    assert!(d.staff.is_empty() && d.audit.is_empty(), "nothing changed");
    roles::add_staff(&mut d, " Sanne Wijdeveld ", "Sanne Wijdeveld", when()).unwrap();
    assert_eq!(d.staff, ["Sanne Wijdeveld"]);
    let entry = d.audit.last().unwrap();
    assert_eq!(
        (entry.field, entry.by.as_str(), entry.subject.as_str()),
        (Field::Staff, "Sanne Wijdeveld", "Sanne Wijdeveld")
    );
    assert_eq!(
        (entry.old.as_str(), entry.new.as_str()),
        ("", "programmabureau")
    );

    // Now only staff may change it.
    assert_eq!(
        roles::add_staff(&mut d, "Onbekend", "Onbekend", when()),
        Err(StaffError::NotAllowed {
            by: "Onbekend".into()
        })
    );
    roles::add_staff(&mut d, "Joost Verhoef", "Sanne Wijdeveld", when()).unwrap();
    assert_eq!(
        roles::add_staff(&mut d, "Joost Verhoef", "Sanne Wijdeveld", when()),
        Err(StaffError::AlreadyStaff("Joost Verhoef".into()))
    );
    assert_eq!(
        roles::add_staff(&mut d, "CONSENSUS", "Sanne Wijdeveld", when()),
        Err(StaffError::Reserved("CONSENSUS".into()))
    );
    assert_eq!(
        roles::add_staff(&mut d, " ", "Sanne Wijdeveld", when()),
        Err(StaffError::EmptyName)
    );
    roles::remove_staff(&mut d, "Sanne Wijdeveld", "Joost Verhoef", when()).unwrap();
    assert_eq!(d.staff, ["Joost Verhoef"]);
    assert_eq!(
        roles::remove_staff(&mut d, "Sanne Wijdeveld", "Joost Verhoef", when()),
        Err(StaffError::NotStaff("Sanne Wijdeveld".into()))
    );
    let log: Vec<(&str, &str, &str)> = d
        .audit
        .iter()
        .map(|e| (e.subject.as_str(), e.old.as_str(), e.new.as_str()))
        .collect();
    assert_eq!(
        log,
        [
            ("Sanne Wijdeveld", "", "programmabureau"),
            ("Joost Verhoef", "", "programmabureau"),
            ("Sanne Wijdeveld", "programmabureau", ""),
        ]
    );
    assert!(audit::verify(&d).is_ok(), "the chain holds");
}

#[test]
fn the_staff_list_round_trips_and_older_dossiers_without_it_load() {
    let r = rubric();
    let example = store::parse_dossier(EXAMPLE_SOURCE, "voorbeelddossier.ron", &r).unwrap();
    assert_eq!(example.staff, ["Panelvoorzitter", "Sanne Wijdeveld"]);
    assert_eq!(example.role_of("Sanne Wijdeveld"), Role::Staff);
    assert_eq!(example.role_of("Femke Hoogland"), Role::Assessor);
    // A dossier written before the list existed has none, and loads.
    let minimal =
        std::fs::read_to_string(common::repo_root().join("tests/fixtures/dossier-v1-minimal.ron"))
            .unwrap();
    assert!(!minimal.contains("staff"));
    let old = store::parse_unchecked(&minimal, "dossier-v1-minimal.ron").unwrap();
    assert!(old.staff.is_empty());
    // Written and read back, the list is kept.
    let mut d = old.clone();
    roles::add_staff(&mut d, "Sanne Wijdeveld", "Sanne Wijdeveld", when()).unwrap();
    let text = store::to_ron(&d);
    assert!(text.contains("staff: ["), "{text}");
    let back = store::parse_unchecked(&text, "back.ron").unwrap();
    assert_eq!(back.staff, d.staff);
    // A package carries no staff list: it is one assessor's.
    let package =
        leidraad_core::panel::package(&r, &example, "Femke Hoogland", Round::One, None, when())
            .unwrap();
    assert!(package.staff.is_empty());
}
