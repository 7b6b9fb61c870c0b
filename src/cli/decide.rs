//! `decide`, `decisions` and `allocate`: the panel's decisions from the
//! command line, through the same door and the same rules as the window
//! (`leidraad_core::decide`).

use std::collections::{BTreeMap, BTreeSet};

use clap::{Args, Subcommand};

use leidraad_core::allocation::{self, Rule, ScaleFigure};
use leidraad_core::decide::{self as rules, DecisionError};
use leidraad_core::dossier::{ApplicationId, DecisionKind};
use leidraad_core::interchange::decisions as json;

use super::*;

/// Who records a decision and why: every decision has both.
#[derive(Debug, Args)]
pub struct Signed {
    /// Who records it (for the log).
    #[arg(long)]
    pub by: String,
    /// Why: a decision without a motivation is refused.
    #[arg(long)]
    pub motivation: String,
}

#[derive(Debug, Subcommand)]
pub enum Decision {
    /// Settle the tie at the award line of round 2: award these of the
    /// tied group (as many as there are places).
    TieBreak {
        #[arg(long, value_parser = parse_round, default_value = "2")]
        round: Round,
        /// An application of the tied group to award; repeat for more.
        #[arg(long = "award", required = true)]
        award: Vec<String>,
        #[command(flatten)]
        signed: Signed,
    },
    /// Set how many applications are awarded in round 2.
    AwardCount {
        #[arg(long, value_parser = parse_round, default_value = "2")]
        round: Round,
        count: u32,
        #[command(flatten)]
        signed: Signed,
    },
    /// Record the division of the budget over the awarded applications:
    /// a proposal's amounts (`--rule`) or amounts given by hand
    /// (`--amount A01=1000000`, repeated).
    Allocation {
        #[arg(long, value_enum, conflicts_with = "amount")]
        rule: Option<RuleArg>,
        /// With `--rule scale`: which figure of the proeftuin's scale.
        #[arg(long, value_enum, default_value_t = FigureArg::YoungPeople)]
        figure: FigureArg,
        /// ID=EUR, whole euros; repeat for each awarded application.
        #[arg(long = "amount")]
        amount: Vec<String>,
        #[command(flatten)]
        signed: Signed,
    },
    /// Let one application below the round-2 minimum be ranked for award
    /// (the literal leidraad: "de vier aanvragen die de meeste punten
    /// scoren").
    ThresholdWaiver {
        #[arg(long)]
        application: String,
        #[command(flatten)]
        signed: Signed,
    },
    /// Revoke a recorded decision: N as `leidraad decisions` numbers it
    /// ("besluit N"; its JSON index is N-1).
    Revoke {
        #[arg(long = "decision")]
        decision: usize,
        #[command(flatten)]
        signed: Signed,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RuleArg {
    Equal,
    Requested,
    Points,
    Scale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FigureArg {
    Inhabitants,
    YoungPeople,
    Municipalities,
}

fn rule_of(rule: RuleArg, figure: FigureArg) -> Rule {
    match rule {
        RuleArg::Equal => Rule::Equal,
        RuleArg::Requested => Rule::Requested,
        RuleArg::Points => Rule::Points,
        RuleArg::Scale => Rule::Scale(match figure {
            FigureArg::Inhabitants => ScaleFigure::Inhabitants,
            FigureArg::YoungPeople => ScaleFigure::YoungPeople,
            FigureArg::Municipalities => ScaleFigure::Municipalities,
        }),
    }
}

/// What the outcome of a command leaves to say about the decisions: the
/// round-2 ranking is provisional, or recorded decisions are stale.
pub(super) fn notes(rubric: &Rubric, dossier: &Dossier) -> String {
    let eval = scoring::evaluate(rubric, dossier, Round::Two);
    let mut out = String::new();
    if !eval.is_final && eval.applications.iter().any(|a| a.would_be.is_some()) {
        out.push_str(&format!(
            "\nRound 2 is PROVISIONAL: {} not complete; nobody is awarded yet\n",
            eval.pending
                .iter()
                .map(|p| p.0.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let states = scoring::decision_states(rubric, dossier);
    for st in states
        .iter()
        .filter(|s| s.state == scoring::DecisionState::Stale)
    {
        out.push_str(&format!(
            "\nDecision {} (index {}, {}) is STALE and not applied: {}\n",
            st.index + 1,
            st.index,
            dossier
                .decisions
                .get(st.index)
                .map_or("", |d| scoring::kind_code(&d.kind)),
            st.why
        ));
    }
    out
}

pub(super) fn decisions(
    path: &Path,
    format: Format,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let (rubric, dossier) = read_dossier(path, rubric)?;
    let states = scoring::decision_states(&rubric, &dossier);
    Ok(match format {
        Format::Json => json::to_json(&dossier, &states) + "\n",
        Format::Text => json::to_text(&dossier, &states),
        Format::Csv => return Err(Failure("decisions are given as text or json".into())),
    })
}

pub(super) fn allocate(
    path: &Path,
    rule: RuleArg,
    figure: FigureArg,
    format: Format,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let (rubric, dossier) = read_dossier(path, rubric)?;
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    let recipients = allocation::candidates(&dossier, &eval);
    let rule = rule_of(rule, figure);
    let budget = rubric.process.budget_eur;
    let proposal = allocation::propose(budget, &recipients, rule)?;
    let code = match rule {
        Rule::Scale(_) => "scale".to_string(),
        other => other.code(),
    };
    Ok(match format {
        Format::Json => {
            json::proposal_json(&code, budget, eval.is_final, &recipients, &proposal) + "\n"
        }
        Format::Text => {
            json::proposal_text(&rule.code(), budget, eval.is_final, &recipients, &proposal)
        }
        Format::Csv => return Err(Failure("a proposal is given as text or json".into())),
    })
}

fn ids(list: &[String]) -> BTreeSet<ApplicationId> {
    list.iter()
        .map(|a| ApplicationId(a.trim().to_string()))
        .collect()
}

fn parse_amounts(list: &[String]) -> Result<BTreeMap<ApplicationId, u64>, Failure> {
    let mut out = BTreeMap::new();
    for item in list {
        let Some((id, eur)) = item.split_once('=') else {
            return Err(Failure(format!(
                "--amount {item:?}: write ID=EUR, e.g. A01=1000000"
            )));
        };
        let eur: u64 = eur.trim().parse().map_err(|_| {
            Failure(format!(
                "--amount {item:?}: {eur:?} is not a whole number of euros"
            ))
        })?;
        if out
            .insert(ApplicationId(id.trim().to_string()), eur)
            .is_some()
        {
            return Err(Failure(format!("--amount: {id} given twice")));
        }
    }
    Ok(out)
}

pub(super) fn decide(
    path: &Path,
    decision: Decision,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let mut session = open_for_writing(path, rubric)?;
    let now = leidraad_core::dossier::now();
    let before = session.dossier().decisions.len();
    match decision {
        Decision::TieBreak {
            round,
            award,
            signed,
        } => session.edit(|rubric, dossier| {
            let eval = scoring::evaluate(rubric, dossier, round);
            let number = eval.ties.first().map_or(0, |t| t.number);
            rules::break_tie(
                rubric,
                dossier,
                round,
                number,
                ids(&award),
                &signed.motivation,
                &signed.by,
                now,
            )
        })?,
        Decision::AwardCount {
            round,
            count,
            signed,
        } => record(
            &mut session,
            leidraad_core::dossier::Decision {
                round,
                ..rules::decision(DecisionKind::AwardCount(count), "", "", now)
            },
            signed,
        )?,
        Decision::Allocation {
            rule,
            figure,
            amount,
            signed,
        } => session.edit(|rubric, dossier| {
            let (amounts, rule) = match rule {
                Some(rule) => {
                    let rule = rule_of(rule, figure);
                    let eval = scoring::evaluate(rubric, dossier, Round::Two);
                    let recipients = allocation::candidates(dossier, &eval);
                    let p = allocation::propose(rubric.process.budget_eur, &recipients, rule)?;
                    (p.map(), rule)
                }
                None if amount.is_empty() => {
                    return Err(Failure("give --rule RULE or --amount ID=EUR".into()));
                }
                None => (parse_amounts(&amount)?, Rule::Manual),
            };
            allocation::record(
                rubric,
                dossier,
                amounts,
                rule,
                &signed.motivation,
                &signed.by,
                now,
            )
            .map_err(Failure::from)
        })?,
        Decision::ThresholdWaiver {
            application,
            signed,
        } => record(
            &mut session,
            rules::decision(
                DecisionKind::ThresholdWaiver {
                    application: ApplicationId(application.trim().to_string()),
                },
                "",
                "",
                now,
            ),
            signed,
        )?,
        Decision::Revoke { decision, signed } => {
            let index = decision
                .checked_sub(1)
                .ok_or_else(|| Failure("decisions are numbered from 1".into()))?;
            let round = session
                .dossier()
                .decisions
                .get(index)
                .map_or(Round::Two, |d| d.round);
            record(
                &mut session,
                leidraad_core::dossier::Decision {
                    round,
                    ..rules::decision(DecisionKind::Revoke { decision: index }, "", "", now)
                },
                signed,
            )?
        }
    }
    session.save()?;
    let dossier = session.dossier();
    let mut out = String::new();
    for (n, d) in dossier.decisions.iter().enumerate().skip(before) {
        out.push_str(&format!(
            "{}: recorded {} (index {n}): {}\n",
            path.display(),
            leidraad_core::nl::decision_number(n),
            leidraad_core::audit::decision_text(d)
        ));
    }
    out.push_str(&notes(session.rubric(), dossier));
    Ok(out)
}

fn record(
    session: &mut Session,
    decision: leidraad_core::dossier::Decision,
    signed: Signed,
) -> Result<(), Failure> {
    session
        .edit(|rubric, dossier| {
            rules::record_decision(
                rubric,
                dossier,
                leidraad_core::dossier::Decision {
                    motivation: signed.motivation,
                    by: signed.by,
                    ..decision
                },
            )
        })
        .map_err(|e: DecisionError| Failure(e.to_string()))
}
