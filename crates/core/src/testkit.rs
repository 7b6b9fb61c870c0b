//! Builders for test dossiers against the shipped rubric, shared by the
//! tests of every crate in the workspace. Not for production use.

use std::collections::BTreeMap;

use crate::dossier::{
    Application, ApplicationId, Assessment, CriterionScore, Dossier, KoJudgement, Round, Value,
    Verdict,
};
use crate::rubric::{Rubric, Scale};
use chrono::{TimeZone, Utc};

pub fn rubric() -> Rubric {
    Rubric::builtin()
}

pub fn when() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 8, 10, 9, 30, 0).unwrap()
}

/// The programme staff of every dossier made by [`dossier_with`]: the
/// chair and the programme bureau, by the names the tests give them.
pub const STAFF: [&str; 2] = ["Voorzitter", "Programmabureau"];

pub fn dossier_with(rubric: &Rubric, apps: &[&str]) -> Dossier {
    let mut d = Dossier::new("test", rubric);
    d.staff = STAFF.map(String::from).to_vec();
    for id in apps {
        d.applications
            .push(Application::new(id, &format!("Regio {id}")));
    }
    d
}

/// Criterion values that add up to exactly `total` (0..=100), filling the
/// criteria in rubric order; a 1-N criterion that gets nothing is
/// "niet behandeld".
pub fn values_for_total(rubric: &Rubric, total: u32) -> BTreeMap<String, Value> {
    let mut left = total;
    let mut out = BTreeMap::new();
    for c in rubric.criteria() {
        let v = match &c.scale {
            Scale::YesNo { yes, .. } => {
                if left >= *yes {
                    left -= yes;
                    Value::Yes
                } else {
                    Value::No
                }
            }
            Scale::Range { min, max, .. } => {
                let n = left.min(*max);
                if n < *min {
                    Value::NotAddressed
                } else {
                    left -= n;
                    Value::Points(n)
                }
            }
            Scale::Points { max, .. } => {
                let n = left.min(*max);
                left -= n;
                Value::Points(n)
            }
            Scale::Items { items, max_each } => {
                let mut m = BTreeMap::new();
                for item in items {
                    let n = left.min(*max_each);
                    left -= n;
                    m.insert(item.id.clone(), n);
                }
                Value::Items(m)
            }
        };
        out.insert(c.id.to_string(), v);
    }
    assert_eq!(left, 0, "a total of {total} does not fit the rubric");
    out
}

/// A complete, submitted assessment worth exactly `total`, with every KO
/// met and every motivation given.
pub fn assessment(
    rubric: &Rubric,
    app: &str,
    assessor: &str,
    round: Round,
    total: u32,
) -> Assessment {
    let mut a = Assessment::new(&ApplicationId::from(app), assessor, round);
    for ko in &rubric.knockouts {
        a.knockouts.insert(
            ko.id.clone(),
            KoJudgement {
                verdict: Verdict::Met,
                motivation: "Aannemelijk gemaakt.".into(),
                updated: Some(when()),
                carried: Default::default(),
            },
        );
    }
    for (id, v) in values_for_total(rubric, total) {
        a.criteria.insert(
            id.as_str().into(),
            CriterionScore {
                value: Some(v),
                motivation: format!("Motivering bij {id}."),
                evidence: Default::default(),
                updated: Some(when()),
                carried: Default::default(),
            },
        );
    }
    a.submitted = Some(when());
    a
}

/// Add one submitted assessment per total, by assessors X1, X2, ...
pub fn score(d: &mut Dossier, rubric: &Rubric, app: &str, round: Round, totals: &[u32]) {
    for (i, t) in totals.iter().enumerate() {
        let name = format!("X{}", i + 1);
        d.ensure_assessor(&name);
        d.assessments
            .push(assessment(rubric, app, &name, round, *t));
    }
}

pub fn set_ko(
    d: &mut Dossier,
    app: &str,
    assessor: &str,
    round: Round,
    ko: &str,
    verdict: Verdict,
) {
    let a = d
        .assessment_mut(&ApplicationId::from(app), assessor, round)
        .expect("assessment exists");
    a.knockouts.get_mut(&ko.into()).expect("ko").verdict = verdict;
}

/// The root of the repository (for its fixtures, rubrics and assets).
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
