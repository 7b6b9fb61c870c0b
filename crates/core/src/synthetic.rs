//! Large, deterministic dossiers with invented regions, for benchmarks and
//! load tests. Not used by the app itself.

use chrono::{TimeZone, Utc};

use crate::dossier::{
    Application, ApplicationId, Assessment, CriterionScore, Dossier, Evidence, KoJudgement, Round,
    Value, Verdict,
};
use crate::rubric::{Rubric, Scale};
use crate::scoring::{self, Status};

/// A small xorshift generator: reproducible data needs no entropy.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }
}

const MOTIVATIONS: [&str; 4] = [
    "Het plan beschrijft dit concreet, met afspraken tussen de partners en een planning.",
    "Beperkt uitgewerkt: de intentie is er, maar wie wat doet blijft onduidelijk.",
    "Goed onderbouwd met voorbeelden uit de eigen regio; de borging is nog dun.",
    "Stevig vormgegeven, met bestuurlijke afspraken en een heldere rolverdeling.",
];

/// `applications` applications, each scored by `assessors` assessors in
/// round 1 and, when round 1 invites it, in round 2. Every assessment is
/// complete and submitted. A few applications fail a KO.
pub fn dossier(rubric: &Rubric, applications: usize, assessors: usize, seed: u64) -> Dossier {
    let mut rng = Rng(seed | 1);
    let mut d = Dossier::new("Synthetisch dossier", rubric);
    let at = Utc.with_ymd_and_hms(2022, 8, 10, 9, 0, 0).unwrap();
    for a in 0..assessors {
        d.ensure_assessor(&format!("Beoordelaar {}", a + 1));
    }
    for i in 0..applications {
        let id = format!("A{:05}", i + 1);
        let mut app = Application::new(&id, &format!("Proefregio {}", i + 1));
        app.plan_title = format!("Plan van aanpak proefregio {}", i + 1);
        app.requested_eur = Some(500_000 + u64::from(rng.below(800)) * 1000);
        d.applications.push(app);
    }
    // Quality per application, so assessors roughly agree.
    let quality: Vec<u32> = (0..applications).map(|_| 30 + rng.below(60)).collect();
    for round in Round::ALL {
        let invited: Option<std::collections::BTreeSet<ApplicationId>> = (round == Round::Two)
            .then(|| {
                scoring::evaluate(rubric, &d, Round::One)
                    .applications
                    .into_iter()
                    .filter(|a| a.status == Status::Invited)
                    .map(|a| a.id)
                    .collect()
            });
        for (i, q) in quality.iter().enumerate() {
            let id = ApplicationId(format!("A{:05}", i + 1));
            if invited.as_ref().is_some_and(|inv| !inv.contains(&id)) {
                continue;
            }
            let fails_ko = i % 37 == 5;
            for a in 0..assessors {
                let mut s = Assessment::new(&id, &format!("Beoordelaar {}", a + 1), round);
                for (k, ko) in rubric.knockouts.iter().enumerate() {
                    let verdict = if fails_ko && k == 1 {
                        Verdict::NotMet
                    } else {
                        Verdict::Met
                    };
                    s.knockouts.insert(
                        ko.id.clone(),
                        KoJudgement {
                            verdict,
                            motivation: MOTIVATIONS[k % 4].to_string(),
                            updated: Some(at),
                            carried: Default::default(),
                        },
                    );
                }
                for c in rubric.criteria() {
                    // Share of the cap around the application's quality.
                    let share = (q + rng.below(21)).saturating_sub(10).min(100);
                    let value = match &c.scale {
                        Scale::YesNo { .. } => {
                            if share >= 50 {
                                Value::Yes
                            } else {
                                Value::No
                            }
                        }
                        Scale::Range { min, max, .. } => {
                            Value::Points((max * share / 100).clamp(*min, *max))
                        }
                        Scale::Points { max, .. } => Value::Points(max * share / 100),
                        Scale::Items { items, max_each } => Value::Items(
                            items
                                .iter()
                                .map(|it| (it.id.clone(), (max_each * share / 100).min(*max_each)))
                                .collect(),
                        ),
                    };
                    s.criteria.insert(
                        c.id.clone(),
                        CriterionScore {
                            value: Some(value),
                            motivation: MOTIVATIONS[rng.below(4) as usize].to_string(),
                            evidence: Evidence {
                                document: "Plan van aanpak".into(),
                                page: format!("p. {}", 1 + rng.below(40)),
                                quote: String::new(),
                            },
                            updated: Some(at),
                            carried: Default::default(),
                        },
                    );
                }
                s.created = Some(at);
                s.submitted = Some(at);
                d.assessments.push(s);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_dossier_is_valid_and_ranks() {
        let r = Rubric::builtin();
        let d = dossier(&r, 40, 3, 7);
        let text = crate::store::to_ron(&d);
        let back = crate::store::parse_dossier(&text, "synthetic", &r).unwrap();
        assert_eq!(back, d);
        let e = scoring::evaluate(&r, &d, Round::One);
        assert!(e.applications.iter().any(|a| a.status == Status::Invited));
        assert!(e.applications.iter().any(|a| a.status == Status::Rejected));
        let e = scoring::evaluate(&r, &d, Round::Two);
        assert!(e.applications.iter().any(|a| a.status == Status::Awarded));
        assert!(
            e.applications
                .iter()
                .any(|a| a.status == Status::NotInvited)
        );
    }
}
