//! The Dutch words of the spreadsheets that core's shared vocabulary
//! (`leidraad_core::nl`) does not have. The long format keeps the column
//! names and words of `formats.md` §1: it is a file format, not language.

use leidraad_core::dossier::Round;
use leidraad_core::nl;
use leidraad_core::rubric::Rubric;

/// Sheet names: at most 31 characters, none of `[]:*?/\`.
pub fn ranking_sheet(round: Round) -> String {
    format!("{} ronde {}", nl::RANKING, round.number())
}

pub fn wide_sheet(round: Round) -> String {
    format!("Per beoordelaar ronde {}", round.number())
}

pub const LONG_SHEET: &str = "Scores";
pub const DECISIONS_SHEET: &str = "Besluiten";
pub const RUBRIC_SHEET: &str = "Leidraad";

// Column heads.
pub const REGION: &str = "Regio";
pub const TOTAL_EXACT: &str = "Totaal (exact)";
pub const CONSENSUS: &str = "Consensus";
pub const TIE_GROUP: &str = "Gelijke stand";
pub const ASSESSORS: &str = "Beoordelaars";
pub const NOTE: &str = "Opmerking";
pub const NUMBER: &str = "Nr.";
pub const KIND: &str = "Soort";
pub const APPLICATIONS: &str = "Aanvragen";
pub const OUTCOME: &str = "Uitkomst";
pub const RECORDED_ON: &str = "Vastgelegd op";
pub const ID: &str = "Id";
pub const NAME: &str = "Naam";
pub const MAXIMUM: &str = "Maximum";
/// The final value beside the assessors' own in the wide sheet.
pub const FINAL: &str = "eind";

/// "C2 · Anna": the head of an assessor's column in the wide sheet.
pub fn assessor_column(criterion: &str, assessor: &str) -> String {
    format!("{criterion} · {assessor}")
}

/// The first title line of every sheet but the long format: the rubric's
/// name, version and hash (the hash that every dossier and sheet names).
pub fn rubric_line(rubric: &Rubric) -> String {
    format!(
        "{} ({}) · leidraad-hash {}",
        rubric.title,
        rubric.version,
        rubric.hash()
    )
}

/// The second title line: what the sheet shows, from which dossier, made
/// when.
pub fn about_line(what: &str, dossier: &str, made: &str) -> String {
    format!("{what} · dossier {dossier} · gemaakt op {made}")
}

/// "Ronde 2: definitieve beoordeling, drempel 50 punten, 4 toekenningen".
pub fn ranking_about(round: Round, threshold: u32, award_count: u32) -> String {
    let awards = match round {
        Round::One => String::new(),
        Round::Two => format!(
            ", {award_count} {}",
            if award_count == 1 {
                "toekenning"
            } else {
                "toekenningen"
            }
        ),
    };
    format!(
        "{}: {}, {} {}{awards}",
        nl::RANKING,
        nl::round_long(round),
        nl::THRESHOLD_LINE,
        nl::points(threshold)
    )
}

pub fn wide_about(round: Round) -> String {
    format!(
        "Scores per beoordelaar en eindwaarde per criterium, {}",
        nl::round_long(round)
    )
}

pub const DECISIONS_ABOUT: &str = "Vastgelegde besluiten van het panel";
pub const RUBRIC_ABOUT: &str = "Knock-outcriteria en criteria met hun maximum";

// Notes in the ranking.
pub const TIE_PENDING: &str =
    "gelijke stand op de toekenningsgrens: het panel legt een besluit vast";
pub const NO_ASSESSMENT: &str = "nog geen ingediende beoordeling";

/// "plaats vastgelegd bij besluit 3" (the number of the decisions sheet).
pub fn settled_by(number: usize) -> String {
    format!("plaats vastgelegd bij besluit {number}")
}

/// "ontbreekt bij: KO3, C2".
pub fn missing_at(ids: &[&str]) -> String {
    format!("ontbreekt bij: {}", ids.join(", "))
}

/// A knock-out verdict as the panel's consensus gave it.
pub fn by_consensus(word: &str) -> String {
    format!("{word} (consensus)")
}

// Decisions (their kinds and states are core's words: `nl::decision_kind`,
// `nl::decision_state`).
pub const STATE: &str = "Stand";
pub const WHY: &str = "Waarom";

/// "voor A03": a threshold waiver's application.
pub fn waiver_for(id: &str) -> String {
    format!("voor {id}")
}

/// "trekt besluit 2 in".
pub fn revokes(decision: &str) -> String {
    format!("trekt {decision} in")
}

/// "toegekend aan A04".
pub fn awarded_to(ids: &str) -> String {
    format!("toegekend aan {ids}")
}

/// "4 toekenningen".
pub fn award_count(n: u32) -> String {
    match n {
        1 => "1 toekenning".to_string(),
        n => format!("{n} toekenningen"),
    }
}

/// "A01 € 1.000.000; A02 € 750.000 (naar rato van de punten)".
pub fn allocation(amounts: &[(String, u64)], rule: &str) -> String {
    let list = amounts
        .iter()
        .map(|(id, eur)| format!("{id} {}", nl::euro(*eur)))
        .collect::<Vec<_>>()
        .join("; ");
    if rule.is_empty() {
        list
    } else {
        format!("{list} ({rule})")
    }
}

pub const KNOCKOUT: &str = "knock-out";
