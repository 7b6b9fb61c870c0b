//! The evaluation of a round: each application's result, the ranking and
//! the award line.

use std::collections::{BTreeMap, BTreeSet};

use crate::dossier::{ApplicationId, Consensus, DecisionKind, Dossier, Round, Verdict};
use crate::exact::Exact;
use crate::nl::{self, why};
use crate::rubric::Rubric;

use super::decisions::{Ledger, join};
use super::finals::{anything_missing, decide, failed_knockouts, finals};
use super::input::{Input, in_parts};
use super::reading::Scratch;
use super::totals::{cmp_exact, group_totals, total};
use super::{AppResult, DecisionStatus, Evaluation, Missing, Status, TieGroup};

/// Every recorded decision and where it stands now, in the order they
/// were recorded (`leidraad decisions`).
pub fn decision_states(rubric: &Rubric, dossier: &Dossier) -> Vec<DecisionStatus> {
    let [one, two] = evaluate_rounds(rubric, dossier);
    let mut all: Vec<DecisionStatus> = one.decisions.into_iter().chain(two.decisions).collect();
    all.sort_by_key(|d| d.index);
    all
}

/// Evaluate every application of the dossier in one round.
pub fn evaluate(rubric: &Rubric, dossier: &Dossier, round: Round) -> Evaluation {
    let input = Input::new(rubric, dossier, round == Round::Two);
    match round {
        Round::One => evaluate_round(&input, Round::One, None).0,
        Round::Two => {
            // Round 1 only decides who counts in round 2: its statuses,
            // without the results around them.
            let invited = input.invited(&round_one_invited(&input));
            evaluate_round(&input, Round::Two, Some(&invited)).0
        }
    }
}

/// Both rounds at once: round 1 is computed once and decides who counts in
/// round 2. For a face that shows both (the window).
pub fn evaluate_rounds(rubric: &Rubric, dossier: &Dossier) -> [Evaluation; 2] {
    let input = Input::new(rubric, dossier, true);
    let (one, invited_at) = evaluate_round(&input, Round::One, None);
    let invited = input.invited(&invited_at);
    let (two, _) = evaluate_round(&input, Round::Two, Some(&invited));
    [one, two]
}

/// Whether round 1 invites the application at each position: the status
/// [`evaluate_round`] gives it, without building its result.
fn round_one_invited(input: &Input<'_, '_>) -> Vec<bool> {
    let (rubric, dossier, index) = (input.rubric, input.dossier, &input.index);
    let threshold = Exact::from(rubric.process.interview_threshold);
    let consensus = consensus_of(dossier, Round::One);
    let (parts, _) = in_parts(dossier.applications.len(), |range| {
        let mut scratch = Scratch::new(rubric);
        range
            .map(|i| {
                let app = &dossier.applications[i];
                let assessments = input.assessments(Round::One, i);
                let agreed = consensus.get(&app.id).copied();
                scratch.fill(rubric, index, assessments);
                decide(rubric, index, &mut scratch, agreed);
                if scratch
                    .ko_final
                    .iter()
                    .any(|k| k.verdict == Verdict::NotMet)
                    || anything_missing(index, &scratch)
                {
                    return false;
                }
                let total = total(scratch.criterion_final.iter().map(|c| c.0));
                total.is_none_or(|t| t >= threshold)
            })
            .collect()
    });
    parts.concat()
}

/// The consensus of each application in a round (the last, should one
/// repeat); a draft does not count.
fn consensus_of(dossier: &Dossier, round: Round) -> BTreeMap<&ApplicationId, &Consensus> {
    dossier
        .consensus
        .iter()
        .filter(|c| c.round == round && c.is_recorded())
        .map(|c| (&c.application, c))
        .collect()
}

/// One round's evaluation, and whether the application at each position is
/// invited (round 1).
fn evaluate_round<'d>(
    input: &Input<'_, 'd>,
    round: Round,
    invited: Option<&[bool]>,
) -> (Evaluation, Vec<bool>) {
    let (rubric, dossier, index) = (input.rubric, input.dossier, &input.index);
    let threshold = rubric.process.threshold(round);
    let threshold_exact = Exact::from(threshold);
    let mut ledger = Ledger::new(dossier, round);
    let consensus = consensus_of(dossier, round);

    let one = |scratch: &mut Scratch<'d>, i: usize| {
        let app = &dossier.applications[i];
        let assessments = input.assessments(round, i);
        let agreed = consensus.get(&app.id).copied();
        scratch.fill(rubric, index, assessments);
        // Nothing submitted heads what is missing, if anything is.
        let first = assessments.is_empty().then_some(Missing::NoAssessments);
        let f = finals(rubric, index, scratch, agreed, first);
        let nc = index.criteria.len();
        let na = assessments.len();
        let mut points: Vec<Option<u32>> = Vec::with_capacity(nc * na);
        for c in 0..nc {
            points.extend((0..na).map(|a| scratch.points[a * nc + c]));
        }
        let missing = f.missing;
        let failed_ko = failed_knockouts(&f.knockouts);
        let total = total(f.criteria.iter().map(|c| c.value));
        let status = if invited.is_some_and(|inv| !inv[i]) {
            Status::NotInvited
        } else if !failed_ko.is_empty() {
            Status::Rejected
        } else if !missing.is_empty() {
            Status::Incomplete
        } else if total.is_some_and(|t| t < threshold_exact) {
            Status::BelowThreshold
        } else {
            match round {
                Round::One => Status::Invited,
                // Settled below, when the award line is drawn.
                Round::Two => Status::NotAwarded,
            }
        };
        let assessor_names = assessments
            .iter()
            .map(|a| scratch.name(&a.assessor))
            .collect();
        let consensus_counts = f.knockouts.iter().any(|k| k.from_consensus)
            || f.criteria.iter().any(|c| c.from_consensus);
        AppResult {
            id: app.id.clone(),
            region: app.region.clone(),
            rank: None,
            groups: group_totals(rubric, &scratch.group_ids, &f.criteria),
            total,
            status,
            failed_ko,
            tie_group: None,
            consensus: consensus_counts,
            assessors: assessments.len() as u32,
            assessor_names,
            points,
            knockouts: f.knockouts,
            criteria: f.criteria,
            missing,
            decision: None,
            would_be: None,
            waiver: None,
        }
    };
    let apps = dossier.applications.len();
    let (mut parts, chunk) = in_parts(apps, |range| {
        let mut scratch = Scratch::new(rubric);
        range.map(|i| Some(one(&mut scratch, i))).collect()
    });
    let result = |i: usize| {
        parts[i / chunk][i % chunk]
            .as_ref()
            .expect("each result is taken once")
    };
    let invited_at: Vec<bool> = (0..apps)
        .map(|i| result(i).status == Status::Invited)
        .collect();

    // Ranked first by total (highest first), equal totals by id; then the
    // unranked by id. The keys are sorted, then each result is moved once.
    let mut order: Vec<(bool, Option<Exact>, &str, usize)> = (0..apps)
        .map(|i| {
            let r = result(i);
            let ranked = r.status.is_ranked();
            (ranked, r.total.filter(|_| ranked), r.id.0.as_str(), i)
        })
        .collect();
    order.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| cmp_exact(b.1, a.1))
            .then_with(|| a.2.cmp(b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    let order: Vec<usize> = order.into_iter().map(|k| k.3).collect();
    let mut results: Vec<AppResult> = order
        .into_iter()
        .map(|i| {
            parts[i / chunk][i % chunk]
                .take()
                .expect("each result is taken once")
        })
        .collect();
    let mut rank = 0;
    for r in results.iter_mut().filter(|r| r.status.is_ranked()) {
        rank += 1;
        r.rank = Some(rank);
    }

    let mut ties = Vec::new();
    let (award_count, is_final, pending) = match round {
        Round::One => {
            let count = ledger
                .active(|d| match d.kind {
                    DecisionKind::AwardCount(n) => Some(n),
                    _ => None,
                })
                .last()
                .map_or(rubric.process.award_count, |(_, n)| n);
            (count, true, Vec::new())
        }
        Round::Two => settle_round_two(rubric, &mut ledger, &mut results, &mut ties),
    };

    (
        Evaluation {
            round,
            threshold,
            award_count,
            applications: results,
            ties,
            is_final,
            pending,
            decisions: ledger.statuses,
        },
        invited_at,
    )
}

/// Round 2 after the statuses: the recorded decisions that still fit are
/// applied (see `decisions`), the award line is drawn, and the ranking is
/// marked provisional while an invited application is incomplete. Gives
/// the award count in force, whether the ranking is final, and what keeps
/// it provisional.
fn settle_round_two(
    rubric: &Rubric,
    ledger: &mut Ledger<'_>,
    results: &mut [AppResult],
    ties: &mut Vec<TieGroup>,
) -> (u32, bool, Vec<ApplicationId>) {
    apply_waivers(ledger, results);

    let mut award_count = rubric.process.award_count;
    let count = ledger
        .active(|d| match d.kind {
            DecisionKind::AwardCount(n) => Some(n),
            _ => None,
        })
        .last();
    if let Some((n, count)) = count {
        let in_line = line_members(results, count);
        let basis = &ledger.decision(n).basis.in_line;
        if basis.is_empty() || *basis == in_line {
            award_count = count;
        } else {
            let why = why::line_changed(&join(basis), &join(&in_line));
            ledger.stale(n, why);
        }
    }

    draw_award_line(ledger, award_count, results, ties);

    let pending: Vec<ApplicationId> = results
        .iter()
        .filter(|r| r.status == Status::Incomplete)
        .map(|r| r.id.clone())
        .collect();
    let is_final = pending.is_empty();
    if !is_final {
        for r in results.iter_mut() {
            if matches!(r.status, Status::Awarded | Status::NotAwarded | Status::Tie) {
                r.would_be = Some(r.status);
                r.status = Status::Provisional;
            }
        }
    }

    let allocation = ledger
        .active(|d| match &d.kind {
            DecisionKind::Allocation { amounts, .. } => {
                Some(amounts.keys().cloned().collect::<BTreeSet<_>>())
            }
            _ => None,
        })
        .last();
    if let Some((n, over)) = allocation {
        let awarded: BTreeSet<ApplicationId> = results
            .iter()
            .filter(|r| r.status == Status::Awarded)
            .map(|r| r.id.clone())
            .collect();
        if !is_final {
            let open: BTreeSet<ApplicationId> = pending.iter().cloned().collect();
            ledger.stale(n, why::provisional(&join(&open)));
        } else if awarded != over {
            ledger.stale(n, why::awarded_changed(&join(&over), &join(&awarded)));
        }
    }
    (award_count, is_final, pending)
}

/// A waiver that still fits lets its application (below the minimum, with
/// the total it had when the waiver was recorded) take part in the award
/// line; one that no longer fits is stale.
fn apply_waivers(ledger: &mut Ledger<'_>, results: &mut [AppResult]) {
    let waivers: Vec<(usize, ApplicationId)> = ledger
        .active(|d| match &d.kind {
            DecisionKind::ThresholdWaiver { application } => Some(application.clone()),
            _ => None,
        })
        .collect();
    for (n, app) in waivers {
        let was = ledger.decision(n).basis.total.clone();
        let why = match results.iter_mut().find(|r| r.id == app) {
            Some(r) if r.status == Status::BelowThreshold => {
                let now = r.total.map(|t| t.to_fraction()).unwrap_or_default();
                if was.is_empty() || was == now {
                    r.status = Status::NotAwarded;
                    r.waiver = Some(n);
                    continue;
                }
                let dutch =
                    |f: &str| Exact::parse_fraction(f).map_or(f.to_string(), |e| e.to_dutch());
                why::waiver_total(&app.0, &dutch(&was), &dutch(&now))
            }
            Some(r) => why::waiver_not_below(&app.0, nl::status(r.status)),
            None => why::waiver_not_below(&app.0, "niet in het dossier"),
        };
        ledger.stale(n, why);
    }
}

/// Who would be awarded or tied at the award line with `places` places:
/// the eligible results (not awarded yet, in rank order) down to the total
/// of the last place.
fn line_members(results: &[AppResult], places: u32) -> BTreeSet<ApplicationId> {
    let eligible: Vec<&AppResult> = results
        .iter()
        .filter(|r| r.status == Status::NotAwarded)
        .collect();
    let places = places as usize;
    if places == 0 {
        return BTreeSet::new();
    }
    let Some(last) = eligible.get(places - 1) else {
        return eligible.iter().map(|r| r.id.clone()).collect();
    };
    eligible
        .iter()
        .filter(|r| r.total >= last.total)
        .map(|r| r.id.clone())
        .collect()
}

/// Award the `award_count` highest totals at or above the minimum. Equal
/// totals that the line cuts through become a tie group, settled only by a
/// recorded decision for exactly that group.
fn draw_award_line(
    ledger: &mut Ledger<'_>,
    award_count: u32,
    results: &mut [AppResult],
    ties: &mut Vec<TieGroup>,
) {
    // Eligible results are the leading run of NotAwarded (already sorted).
    let eligible: Vec<usize> = results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == Status::NotAwarded)
        .map(|(i, _)| i)
        .collect();
    let places = award_count as usize;
    let tie_decision = ledger
        .active(|d| match &d.kind {
            DecisionKind::TieBreak { group, awarded } => Some((group, awarded)),
            _ => None,
        })
        .last();
    let no_tie = |ledger: &mut Ledger<'_>| {
        if let Some((n, (group, _))) = tie_decision {
            ledger.stale(n, why::tie_gone(&join(group)));
        }
    };
    if places == 0 {
        no_tie(ledger);
        return;
    }
    if eligible.len() <= places {
        for &i in &eligible {
            results[i].status = Status::Awarded;
        }
        no_tie(ledger);
        return;
    }
    let line_total = results[eligible[places - 1]].total;
    let cut = results[eligible[places]].total == line_total;
    if !cut {
        for &i in eligible.iter().take(places) {
            results[i].status = Status::Awarded;
        }
        no_tie(ledger);
        return;
    }
    let above: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|&i| results[i].total > line_total)
        .collect();
    let group: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|&i| results[i].total == line_total)
        .collect();
    for &i in &above {
        results[i].status = Status::Awarded;
    }
    let free = (places - above.len()) as u32;
    let members: BTreeSet<ApplicationId> = group.iter().map(|&i| results[i].id.clone()).collect();
    let decision = match tie_decision {
        Some((n, (group, awarded)))
            if *group == members && awarded.len() as u32 == free && awarded.is_subset(group) =>
        {
            Some((n, awarded))
        }
        Some((n, (group, awarded))) => {
            let why = if *group == members {
                why::tie_places(free, awarded.len())
            } else {
                why::tie_other(&join(group), &join(&members))
            };
            ledger.stale(n, why);
            None
        }
        None => None,
    };
    for &i in &group {
        match decision {
            Some((n, awarded)) => {
                results[i].status = if awarded.contains(&results[i].id) {
                    Status::Awarded
                } else {
                    Status::NotAwarded
                };
                results[i].decision = Some(n);
            }
            None => {
                results[i].status = Status::Tie;
                results[i].tie_group = Some(1);
            }
        }
    }
    ties.push(TieGroup {
        number: 1,
        members: members.into_iter().collect(),
        total: line_total.unwrap_or(Exact::ZERO),
        places: free,
        decision: decision.map(|(n, _)| n),
    });
}
