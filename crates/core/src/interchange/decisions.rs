//! The recorded decisions as JSON (`../shared/formats.md` §3) and a budget
//! proposal as JSON (§4), each with a readable text rendering beside it.

use serde::Serialize;

use crate::allocation::{Proposal, Recipient};
use crate::dossier::Dossier;
use crate::nl;
use crate::scoring::{self, DecisionStatus};

#[derive(Serialize)]
struct JsonDecisions<'a> {
    decisions: Vec<JsonDecision<'a>>,
}

#[derive(Serialize)]
struct JsonDecision<'a> {
    index: usize,
    kind: &'static str,
    round: u8,
    applications: Vec<String>,
    recorded_by: &'a str,
    recorded: Option<String>,
    motivation: &'a str,
    state: &'static str,
    why: &'a str,
}

/// Every recorded decision with where it stands (`states` from
/// `scoring::decision_states`).
pub fn to_json(dossier: &Dossier, states: &[DecisionStatus]) -> String {
    let decisions = states
        .iter()
        .filter_map(|st| {
            let d = dossier.decisions.get(st.index)?;
            Some(JsonDecision {
                index: st.index,
                kind: scoring::kind_code(&d.kind),
                round: d.round.number(),
                applications: scoring::decision_applications(dossier, d)
                    .into_iter()
                    .map(|a| a.0)
                    .collect(),
                recorded_by: &d.by,
                recorded: d
                    .at
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                motivation: &d.motivation,
                state: st.state.code(),
                why: &st.why,
            })
        })
        .collect();
    serde_json::to_string_pretty(&JsonDecisions { decisions }).expect("decisions serialise")
}

/// The decisions as a readable list.
pub fn to_text(dossier: &Dossier, states: &[DecisionStatus]) -> String {
    if states.is_empty() {
        return "No decisions recorded.\n".into();
    }
    let mut out = String::new();
    for st in states {
        let Some(d) = dossier.decisions.get(st.index) else {
            continue;
        };
        out.push_str(&format!(
            "{} (index {}), round {}, {}: {}\n    {}\n    recorded by {} {}\n",
            nl::decision_number(st.index),
            st.index,
            d.round,
            scoring::kind_code(&d.kind),
            st.state.code().to_uppercase(),
            crate::audit::decision_text(d),
            if d.by.is_empty() { "?" } else { &d.by },
            d.at.map(|t| nl::date_time(&t)).unwrap_or_default(),
        ));
        if !st.why.is_empty() {
            out.push_str(&format!("    why: {}\n", st.why));
        }
    }
    out
}

#[derive(Serialize)]
struct JsonProposal<'a> {
    rule: &'a str,
    budget_eur: u64,
    #[serde(rename = "final")]
    is_final: bool,
    allocations: Vec<JsonAllocation<'a>>,
    unallocated_eur: u64,
}

#[derive(Serialize)]
struct JsonAllocation<'a> {
    id: &'a str,
    rank: u32,
    total: String,
    requested_eur: Option<u64>,
    proposed_eur: u64,
}

/// A budget proposal (`rule` as the command line names it).
pub fn proposal_json(
    rule: &str,
    budget: u64,
    is_final: bool,
    recipients: &[Recipient],
    proposal: &Proposal,
) -> String {
    let allocations = recipients
        .iter()
        .zip(&proposal.amounts)
        .map(|(r, (_, amount))| JsonAllocation {
            id: &r.id.0,
            rank: r.rank,
            total: r.total.to_decimal(),
            requested_eur: r.requested,
            proposed_eur: *amount,
        })
        .collect();
    serde_json::to_string_pretty(&JsonProposal {
        rule,
        budget_eur: budget,
        is_final,
        allocations,
        unallocated_eur: proposal.unallocated,
    })
    .expect("a proposal serialises")
}

/// A budget proposal as a readable table.
pub fn proposal_text(
    code: &str,
    budget: u64,
    is_final: bool,
    recipients: &[Recipient],
    proposal: &Proposal,
) -> String {
    let mut out = format!(
        "Proposal '{code}' over EUR {budget}{}\n{}\n\n",
        if is_final {
            ""
        } else {
            " (PROVISIONAL: the round-2 ranking is not final)"
        },
        nl::rule_explained(code)
    );
    out.push_str(&format!(
        "{:>4}  {:<8}  {:<24}  {:>7}  {:>12}  {:>12}\n",
        "rank", "id", "region", "total", "requested", "proposed"
    ));
    for (r, (_, amount)) in recipients.iter().zip(&proposal.amounts) {
        out.push_str(&format!(
            "{:>4}  {:<8}  {:<24}  {:>7}  {:>12}  {:>12}\n",
            r.rank,
            r.id.0,
            r.region,
            r.total.to_decimal(),
            r.requested.map_or("-".to_string(), |q| q.to_string()),
            amount
        ));
    }
    out.push_str(&format!(
        "total EUR {}; unallocated EUR {}\n",
        proposal.total, proposal.unallocated
    ));
    out
}
