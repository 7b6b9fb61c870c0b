//! The audit log, the consensus proposal and the round-2 copy, rule by rule.

use crate::common;

use chrono::Duration;
use common::{assessment, dossier_with, rubric, when};
use leidraad_core::audit::{self, Entry, Field};
use leidraad_core::consensus::{self, Chair};
use leidraad_core::dossier::{ApplicationId, Dossier, Round, Value, Verdict};
use leidraad_core::edit::{self, EditError, Target};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::CriterionId;
use leidraad_core::scoring::Missing;
use leidraad_core::store;

fn app(s: &str) -> ApplicationId {
    ApplicationId::from(s)
}

fn id(s: &str) -> CriterionId {
    s.into()
}

fn target(who: &str, round: Round) -> Target {
    Target {
        application: app("A01"),
        assessor: who.into(),
        round,
    }
}

#[test]
fn every_change_is_logged_with_who_when_and_old_to_new() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let t = target("Anna", Round::One);
    let later = when() + Duration::minutes(1);
    edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(4)), when()).unwrap();
    edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(7)), later).unwrap();
    edit::set_verdict(&r, &mut d, &t, &id("KO1"), Verdict::Doubt, later).unwrap();
    let log: Vec<(&str, Field, &str, &str)> = d
        .audit
        .iter()
        .map(|e| (e.by.as_str(), e.field, e.old.as_str(), e.new.as_str()))
        .collect();
    assert_eq!(
        log,
        [
            ("Anna", Field::Score, "", "4"),
            ("Anna", Field::Score, "4", "7"),
            ("Anna", Field::Verdict, "", "twijfel"),
        ]
    );
    assert!(d.audit.iter().all(|e| e.at >= when()
        && e.application == Some(app("A01"))
        && e.round == Some(Round::One)
        && e.subject == "Anna"));
    // Setting the same value again changes nothing and logs nothing.
    edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(7)), when()).unwrap();
    assert_eq!(d.audit.len(), 3);
    // A refused edit logs nothing.
    assert!(edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(11)), when()).is_err());
    assert_eq!(d.audit.len(), 3);
}

#[test]
fn a_number_typed_digit_by_digit_is_one_change_from_the_old_value() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let t = target("Anna", Round::One);
    let c11 = id("C11");
    edit::set_value(&r, &mut d, &t, &c11, Some(Value::Points(3)), when()).unwrap();
    // A minute later the assessor retypes it: cleared, "2", "22".
    let typing = when() + Duration::minutes(1);
    let steps = [None, Some(Value::Points(2)), Some(Value::Points(22))];
    for (n, v) in steps.into_iter().enumerate() {
        let at = typing + Duration::milliseconds(300 * n as i64);
        edit::set_value(&r, &mut d, &t, &c11, v, at).unwrap();
    }
    let log: Vec<(&str, &str)> = d
        .audit
        .iter()
        .map(|e| (e.old.as_str(), e.new.as_str()))
        .collect();
    assert_eq!(log, [("", "3"), ("3", "22")]);
    audit::verify(&d).unwrap();
    // A correction within the run (22 -> 2 -> 22) extends the same entry.
    edit::set_value(
        &r,
        &mut d,
        &t,
        &c11,
        Some(Value::Points(2)),
        typing + Duration::seconds(2),
    )
    .unwrap();
    edit::set_value(
        &r,
        &mut d,
        &t,
        &c11,
        Some(Value::Points(22)),
        typing + Duration::seconds(3),
    )
    .unwrap();
    assert_eq!(d.audit.len(), 2);
    // A change after a pause longer than the run is a change of its own.
    let pause = typing + Duration::seconds(3) + audit::VALUE_RUN + Duration::seconds(1);
    edit::set_value(&r, &mut d, &t, &c11, Some(Value::Points(20)), pause).unwrap();
    assert_eq!(d.audit.len(), 3);
    assert_eq!(
        (d.audit[2].old.as_str(), d.audit[2].new.as_str()),
        ("22", "20")
    );
}

#[test]
fn a_motivation_typed_letter_by_letter_is_one_entry() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let t = target("Anna", Round::One);
    let mut text = String::new();
    for (n, ch) in "Goed plan".chars().enumerate() {
        text.push(ch);
        let at = when() + Duration::seconds(n as i64);
        edit::set_motivation(&r, &mut d, &t, &id("C2"), &text, at).unwrap();
    }
    assert_eq!(d.audit.len(), 1);
    assert_eq!(d.audit[0].old, "");
    assert_eq!(d.audit[0].new, "Goed plan");
    audit::verify(&d).unwrap();
    // After a score in between, or after the run's time is up, a new entry.
    edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(3)), when()).unwrap();
    edit::set_motivation(&r, &mut d, &t, &id("C2"), "Goed plan!", when()).unwrap();
    let later = when() + audit::TEXT_RUN + Duration::seconds(30);
    edit::set_motivation(&r, &mut d, &t, &id("C2"), "Goed plan!!", later).unwrap();
    let news: Vec<&str> = d.audit.iter().map(|e| e.new.as_str()).collect();
    assert_eq!(news, ["Goed plan", "3", "Goed plan!", "Goed plan!!"]);
    audit::verify(&d).unwrap();
}

#[test]
fn an_entry_changed_or_removed_by_hand_is_found_and_the_file_refused() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let t = target("Anna", Round::One);
    for (n, p) in [2, 5, 8].into_iter().enumerate() {
        let at = when() + Duration::minutes(n as i64);
        edit::set_value(&r, &mut d, &t, &id("C2"), Some(Value::Points(p)), at).unwrap();
    }
    audit::verify(&d).unwrap();
    let mut changed = d.clone();
    changed.audit[1].new = "6".into();
    assert_eq!(audit::verify(&changed).unwrap_err().index, 2);
    let mut removed = d.clone();
    removed.audit.remove(0);
    assert_eq!(audit::verify(&removed).unwrap_err().index, 1);
    // In a file: refused with the place and the reason.
    let text = store::to_ron(&changed);
    let err = store::parse_dossier(&text, "d.ron", &r).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("d.ron:"), "{msg}");
    assert!(msg.contains("audit log entry 2"), "{msg}");
    // Untouched, it loads with its log intact.
    let text = store::to_ron(&d);
    assert_eq!(
        store::parse_dossier(&text, "d.ron", &r).unwrap().audit,
        d.audit
    );
}

#[test]
fn history_lists_only_the_applications_own_entries() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    let t1 = target("Anna", Round::One);
    let t2 = Target {
        application: app("A02"),
        ..t1.clone()
    };
    edit::set_value(&r, &mut d, &t1, &id("C1"), Some(Value::Yes), when()).unwrap();
    edit::set_value(&r, &mut d, &t2, &id("C1"), Some(Value::No), when()).unwrap();
    leidraad_core::panel::declare_conflict(&mut d, "Bram", &app("A02"), "", when()).unwrap();
    let a2: Vec<Field> = audit::history(&d, &app("A02")).map(|e| e.field).collect();
    assert_eq!(a2, [Field::Score, Field::Conflict]);
    assert_eq!(audit::history(&d, &app("A01")).count(), 1);
}

fn three_assessors(c2: [u32; 3], ko1: [Verdict; 3]) -> Dossier {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    for (n, who) in ["X1", "X2", "X3"].into_iter().enumerate() {
        let mut a = assessment(&r, "A01", who, Round::One, 60);
        a.criteria.get_mut(&id("C2")).unwrap().value = Some(Value::Points(c2[n]));
        a.knockouts.get_mut(&id("KO1")).unwrap().verdict = ko1[n];
        d.ensure_assessor(who);
        d.assessments.push(a);
    }
    d
}

#[test]
fn the_proposal_rounds_the_exact_mean_half_up_and_takes_the_majority() {
    use Verdict::{Doubt, Met, NotMet};
    let r = rubric();
    let d = three_assessors([2, 3, 3], [Met, NotMet, Met]);
    let p = consensus::proposal(&r, &d, &app("A01"), Round::One);
    assert_eq!(p.criteria[&id("C2")].mean, Exact::new(8, 3));
    assert_eq!(p.criteria[&id("C2")].value, Value::Points(3));
    assert_eq!(p.knockouts[&id("KO1")], Met);
    // 2 1/3 rounds down; no majority, no proposal.
    let d = three_assessors([2, 2, 3], [Met, NotMet, Doubt]);
    let p = consensus::proposal(&r, &d, &app("A01"), Round::One);
    assert_eq!(p.criteria[&id("C2")].value, Value::Points(2));
    assert!(!p.knockouts.contains_key(&id("KO1")));
    // Exactly half way rounds up: (4 + 5) / 2 with two assessors.
    let mut d = three_assessors([4, 5, 9], [Met, Met, Met]);
    d.assessments.pop();
    let p = consensus::proposal(&r, &d, &app("A01"), Round::One);
    assert_eq!(p.criteria[&id("C2")].value, Value::Points(5));
    assert_eq!(p.criteria[&id("C2")].mean, Exact::new(9, 2));
}

#[test]
fn consensus_is_validated_logged_and_counts_in_the_ranking() {
    let r = rubric();
    let mut d = three_assessors([2, 3, 3], [Verdict::Met; 3]);
    let chair = Chair {
        application: app("A01"),
        round: Round::One,
        by: "Voorzitter".into(),
    };
    consensus::start_from_proposal(&r, &mut d, &chair, when()).unwrap();
    assert!(
        consensus::missing_motivations(&d, &app("A01"), Round::One).contains(&id("C2")),
        "a value without its motivation is listed"
    );
    let refused = consensus::set_value(
        &r,
        &mut d,
        &chair,
        &id("C2"),
        Some(Value::Points(12)),
        when(),
    );
    assert!(matches!(refused, Err(EditError::Score(_))));
    consensus::set_value(
        &r,
        &mut d,
        &chair,
        &id("C2"),
        Some(Value::Points(9)),
        when(),
    )
    .unwrap();
    consensus::set_motivation(&r, &mut d, &chair, &id("C2"), "Panel: sterk", when()).unwrap();
    let e = d.audit.last().unwrap();
    assert_eq!(
        (e.by.as_str(), e.subject.as_str()),
        ("Voorzitter", audit::CONSENSUS)
    );
    assert!(
        d.audit
            .iter()
            .any(|e| e.field == Field::Score && e.old == "3" && e.new == "9")
    );
    // A draft until recorded, and recorded only with every motivation.
    for id in consensus::missing_motivations(&d, &app("A01"), Round::One) {
        consensus::set_motivation(&r, &mut d, &chair, &id, "Panel: eens", when()).unwrap();
    }
    consensus::record(&r, &mut d, &chair, when()).unwrap();
    let eval = leidraad_core::scoring::evaluate(&r, &d, Round::One);
    let c2 = &eval.get(&app("A01")).unwrap().criteria[1];
    assert_eq!((c2.id.as_str(), c2.value), ("C2", Some(Exact::whole(9))));
    assert!(c2.from_consensus);
    // A chair with a conflict of interest is refused.
    leidraad_core::panel::declare_conflict(&mut d, "Voorzitter", &app("A01"), "", when()).unwrap();
    assert!(matches!(
        consensus::set_value(
            &r,
            &mut d,
            &chair,
            &id("C2"),
            Some(Value::Points(8)),
            when()
        ),
        Err(EditError::Conflict(_))
    ));
}

#[test]
fn round_two_starts_from_a_copy_that_is_confirmed_or_changed_with_a_reason() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    d.ensure_assessor("Anna");
    d.assessments
        .push(assessment(&r, "A01", "Anna", Round::One, 70));
    let t = target("Anna", Round::Two);
    edit::confirm(&r, &mut d, &t, &id("C2"), when()).unwrap();
    let a = d.assessment(&app("A01"), "Anna", Round::Two).unwrap();
    assert_eq!(a.criteria.len(), 11, "every round-1 value is copied");
    assert_eq!(a.knockouts.len(), 8);
    assert!(a.criteria[&id("C2")].carried.confirmed);
    assert!(!a.criteria[&id("C3")].carried.confirmed);
    let was = a.criteria[&id("C3")].carried.round_one.clone();
    assert_eq!(was, a.criteria[&id("C3")].value);
    assert!(
        d.audit
            .iter()
            .any(|e| e.field == Field::Assessment && e.new == "kopie van ronde 1")
    );

    // Changed and changed back: no reason needed.
    edit::set_value(&r, &mut d, &t, &id("C3"), Some(Value::Points(1)), when()).unwrap();
    edit::set_value(&r, &mut d, &t, &id("C3"), was.clone(), when()).unwrap();
    for id in r
        .knockouts
        .iter()
        .map(|k| &k.id)
        .chain(r.criteria().map(|c| &c.id))
    {
        edit::confirm(&r, &mut d, &t, id, when()).unwrap();
    }
    let mut copy = d.clone();
    edit::submit(&r, &mut copy, &t, when()).unwrap();

    // Changed for good: the reason is required, then it submits.
    edit::set_verdict(&r, &mut d, &t, &id("KO4"), Verdict::NotMet, when()).unwrap();
    let missing = match edit::submit(&r, &mut d, &t, when()) {
        Err(EditError::Incomplete(m)) => m,
        other => panic!("{other:?}"),
    };
    assert!(missing.contains(&Missing::NoReason(id("KO4"))));
    edit::set_why_changed(&r, &mut d, &t, &id("KO4"), "Addendum: geen borging", when()).unwrap();
    edit::submit(&r, &mut d, &t, when()).unwrap();
    assert!(
        d.audit
            .iter()
            .any(|e| e.field == Field::WhyChanged && e.new == "Addendum: geen borging")
    );
    // Round 1 is untouched by all of it.
    assert_eq!(
        d.assessment(&app("A01"), "Anna", Round::One),
        Some(&assessment(&r, "A01", "Anna", Round::One, 70))
    );
}

#[test]
fn record_skips_no_change_but_keeps_a_submission() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    audit::record(
        &mut d,
        Entry::new(when(), "X", Field::Score).change("3", "3"),
    );
    assert!(d.audit.is_empty());
    audit::record(&mut d, Entry::new(when(), "X", Field::Submitted));
    assert_eq!(d.audit.len(), 1);
    audit::verify(&d).unwrap();
}

#[test]
fn a_csv_import_logs_each_record_it_brings_in() {
    let r = rubric();
    let example =
        store::parse_dossier(leidraad_core::dossier::EXAMPLE_SOURCE, "voorbeeld", &r).unwrap();
    let csv = leidraad_core::interchange::csv::export(&r, &example, None);
    let mut d = Dossier::new("leeg", &r);
    leidraad_core::interchange::csv::import(&r, &mut d, &csv, "scores.csv", when()).unwrap();
    let summaries = d.audit.iter().filter(|e| e.field == Field::Import).count();
    assert_eq!(summaries, d.assessments.len() + d.consensus.len());
    // Each imported value is in the log under its assessor.
    let a = &d.assessments[0];
    let c2 = a.criteria.get(&id("C2")).unwrap();
    assert!(d.audit.iter().any(|e| e.subject == a.assessor
        && e.application.as_ref() == Some(&a.application)
        && e.criterion == Some(id("C2"))
        && e.new == audit::value_text(c2.value.as_ref())));
    audit::verify(&d).unwrap();
}

#[test]
fn an_assessor_who_has_not_submitted_cannot_record_consensus() {
    let r = rubric();
    let mut d = three_assessors([2, 3, 3], [Verdict::Met; 3]);
    // X4 is an assessor of this dossier with a draft for A01.
    let t = Target {
        application: app("A01"),
        assessor: "X4".into(),
        round: Round::One,
    };
    edit::set_value(&r, &mut d, &t, &id("C1"), Some(Value::Yes), when()).unwrap();
    let chair = Chair {
        application: app("A01"),
        round: Round::One,
        by: "X4".into(),
    };
    let before = d.clone();
    assert!(matches!(
        consensus::start_from_proposal(&r, &mut d, &chair, when()),
        Err(EditError::Blind(_))
    ));
    assert_eq!(d, before, "nothing changed, nothing logged");
    // Once X4 has submitted, X4 may chair.
    d.assessments.retain(|a| a.assessor != "X4");
    d.assessments
        .push(assessment(&r, "A01", "X4", Round::One, 60));
    consensus::start_from_proposal(&r, &mut d, &chair, when()).unwrap();
}

/// What the file alone cannot show (the log rewritten and chained anew
/// together with the data, or removed) is found against a head printed
/// earlier on a sheet; a log that only grew still holds it.
#[test]
fn a_removed_or_rechained_log_is_found_against_a_printed_head() {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01"]);
    let anna = target("Anna", Round::One);
    for (n, p) in [2, 5, 8].into_iter().enumerate() {
        let at = when() + Duration::minutes(n as i64);
        edit::set_value(&r, &mut d, &anna, &id("C2"), Some(Value::Points(p)), at).unwrap();
    }
    let (count, hash) = audit::head(&d);
    assert_eq!(count, 3);
    let printed = hash[..12].to_string();
    assert!(audit::holds_head(&d, count, &printed));
    let mut later = d.clone();
    edit::set_value(
        &r,
        &mut later,
        &anna,
        &id("C3"),
        Some(Value::Points(5)),
        when(),
    )
    .unwrap();
    assert!(
        audit::holds_head(&later, count, &printed),
        "the log only grew"
    );
    let mut bare = d.clone();
    bare.audit.clear();
    assert!(!audit::holds_head(&bare, count, &printed));
    let mut cut = d.clone();
    cut.audit.pop();
    assert!(!audit::holds_head(&cut, count, &printed));
    // Rewritten and chained anew: the chain holds, the head does not.
    let mut rechained = d.clone();
    let entries = std::mem::take(&mut rechained.audit);
    for (i, mut e) in entries.into_iter().enumerate() {
        e.chain.clear();
        if i == 2 {
            e.new = "10".into();
        }
        audit::record(&mut rechained, e);
    }
    audit::verify(&rechained).unwrap();
    assert!(!audit::holds_head(&rechained, count, &printed));
}

/// A dossier with a log: Anna's work on A01 (C2 set twice), Bram's KO1.
fn logged() -> (leidraad_core::rubric::Rubric, Dossier) {
    let r = rubric();
    let mut d = dossier_with(&r, &["A01", "A02"]);
    let anna = target("Anna", Round::One);
    for (n, c) in ["C2", "C3", "C5"].into_iter().enumerate() {
        let at = when() + Duration::minutes(n as i64);
        edit::set_value(&r, &mut d, &anna, &id(c), Some(Value::Points(4)), at).unwrap();
        edit::set_motivation(&r, &mut d, &anna, &id(c), "Goed onderbouwd.", at).unwrap();
    }
    edit::set_value(&r, &mut d, &anna, &id("C2"), Some(Value::Points(8)), when()).unwrap();
    edit::set_verdict(
        &r,
        &mut d,
        &target("Bram", Round::One),
        &id("KO1"),
        Verdict::Met,
        when(),
    )
    .unwrap();
    (r, d)
}

fn refused(r: &leidraad_core::rubric::Rubric, d: &Dossier) -> String {
    store::parse_dossier(&store::to_ron(d), "d.ron", r)
        .unwrap_err()
        .to_string()
}

/// Issue "Nothing lost, nothing forged", point 4: a value changed in the
/// data while its log entries are left as they were (72.00 became 70.00
/// unseen) is refused, naming it; so is logged work removed from the data.
#[test]
fn a_value_changed_in_the_file_without_its_log_entry_is_refused() {
    let (r, d) = logged();
    store::parse_dossier(&store::to_ron(&d), "d.ron", &r).expect("as logged, it loads");
    let mut forged = d.clone();
    let a = forged
        .assessment_mut(&app("A01"), "Anna", Round::One)
        .unwrap();
    a.criteria.get_mut(&id("C2")).unwrap().value = Some(Value::Points(10));
    let msg = refused(&r, &forged);
    assert!(msg.starts_with("d.ron:"), "{msg}");
    assert!(msg.contains("A01, round 1, Anna, C2, score"), "{msg}");
    assert!(
        msg.contains("\"10\"") && msg.contains("ends at \"8\""),
        "{msg}"
    );
    let mut motivation = d.clone();
    let a = motivation
        .assessment_mut(&app("A01"), "Anna", Round::One)
        .unwrap();
    a.criteria.get_mut(&id("C5")).unwrap().motivation = "Herschreven.".into();
    assert!(refused(&r, &motivation).contains("C5, motivation"));
    let mut removed = d.clone();
    removed.assessments.retain(|a| a.assessor != "Bram");
    assert!(
        refused(&r, &removed).contains("Bram"),
        "removed work is missed"
    );
}

/// Entries removed from the end of the log are found where the value
/// they set had an earlier entry (the earlier value no longer matches).
#[test]
fn entries_removed_from_the_end_of_the_log_are_found_where_a_value_had_an_earlier_entry() {
    let (r, d) = logged();
    let mut cut = d.clone();
    // Bram's verdict and Anna's second C2 entry (4 → 8).
    cut.audit.truncate(cut.audit.len() - 2);
    let msg = refused(&r, &cut);
    assert!(
        msg.contains("C2, score") && msg.contains("ends at \"4\""),
        "{msg}"
    );
}

/// A decision added to the file by hand, without its log entry, is refused.
#[test]
fn a_decision_without_its_log_entry_is_refused() {
    let (r, mut d) = logged();
    d.decisions.push(leidraad_core::dossier::Decision {
        round: Round::Two,
        kind: leidraad_core::dossier::DecisionKind::AwardCount(5),
        motivation: "Vijf regio's.".into(),
        by: "Staf".into(),
        at: Some(when()),
        basis: Default::default(),
    });
    let msg = refused(&r, &d);
    assert!(msg.contains("decision 1"), "{msg}");
}
