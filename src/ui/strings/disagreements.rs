//! The disagreements between the assessors of a round
//! (src/ui/screen/disagreements.rs).

use leidraad_core::dossier::{Round, Verdict};
use leidraad_core::nl;

use super::{round_short, verdict};

// Disagreements.
pub const DISAGREEMENTS: &str = "Verschillen";
pub const DISAGREEMENTS_TITLE: &str = "Verschillen tussen beoordelaars";
pub fn disagreements_intro(round: Round) -> String {
    format!(
        "Waar de ingediende beoordelingen van {} uiteenlopen, het zwaarste eerst: knock-outs, dan totalen aan weerszijden van de grens, dan de grootste spreiding. Klik op een regel om de scores naast elkaar te zien.",
        round_short(round).to_lowercase()
    )
}
pub fn no_disagreements(round: Round) -> String {
    format!(
        "Geen verschillen in {}: de ingediende beoordelingen liggen dicht genoeg bij elkaar (of er is per aanvraag nog maar één ingediend).",
        round_short(round).to_lowercase()
    )
}
pub fn disagreement_count(n: usize) -> String {
    match n {
        1 => "1 verschil".to_string(),
        n => format!("{n} verschillen"),
    }
}
pub const COL_APPLICATION: &str = nl::APPLICATION;
pub const COL_WHAT: &str = "Soort";
pub const COL_WHERE: &str = nl::CRITERION;
pub const COL_DETAIL: &str = "Scores";
pub const FLAG_KO_SPLIT: &str = "oordeel knock-out verschilt";
pub const FLAG_THRESHOLD: &str = "weerszijden van de grens";
pub const FLAG_SPREAD: &str = "grote spreiding";
pub const ALL_CRITERIA: &str = "totaal";
pub const SIDE_BY_SIDE: &str = "Naast elkaar →";
pub fn flag_verdicts(verdicts: &[(String, Verdict)]) -> String {
    verdicts
        .iter()
        .map(|(who, v)| format!("{who}: {}", verdict(*v)))
        .collect::<Vec<_>>()
        .join(" · ")
}
pub fn flag_spread(low: u32, high: u32, cap: u32) -> String {
    format!("laagste {low}, hoogste {high} van {cap} punten")
}
pub fn flag_threshold(totals: &[(String, leidraad_core::exact::Exact)], threshold: u32) -> String {
    let totals = totals
        .iter()
        .map(|(who, t)| format!("{who}: {}", t.to_dutch_short()))
        .collect::<Vec<_>>()
        .join(" · ");
    format!("{totals} (grens {threshold})")
}

/// A disagreement whose scores the viewer may not see yet.
pub const FLAG_HIDDEN: &str =
    "Scores verborgen tot u uw eigen beoordeling van deze aanvraag hebt ingediend.";
