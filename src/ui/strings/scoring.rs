//! The scoring screen: the knock-outs and the criteria, the keys, where a
//! plan stands and what is still missing, the round-2 copy of round 1 to
//! confirm or change, and conflicts of interest.

use chrono::{DateTime, Local, Utc};

use leidraad_core::dossier::Round;
use leidraad_core::nl;
use leidraad_core::rubric::CriterionId;
use leidraad_core::scoring::Missing;

use super::{date, date_time, join_and};

// Scoring screen.
pub const BACK_TO_LIST: &str = "← Aanvragen";
pub const KNOCKOUTS: &str = nl::KNOCKOUTS;
pub const KNOCKOUTS_HINT: &str = "Alle acht moeten voldaan zijn. Eén ‘niet voldaan’ betekent dat de aanvraag wordt afgewezen, ongeacht de punten.";
pub const CRITERIA: &str = "Aanvullende selectiecriteria";
pub const MOTIVATION: &str = nl::MOTIVATION;
pub const MOTIVATION_PLACEHOLDER: &str = "Waarom deze score? Verwijs naar het plan.";
pub const KO_MOTIVATION_PLACEHOLDER: &str =
    "Motivering (verplicht bij ‘niet voldaan’ en ‘twijfel’)";
pub const EVIDENCE: &str = "Vindplaats";
pub const EVIDENCE_DOC: &str = "Document, bijvoorbeeld Plan van aanpak";
pub const EVIDENCE_PAGE: &str = "Pagina";
pub const NOT_ADDRESSED: &str = nl::NOT_ADDRESSED;
pub const YES: &str = nl::YES;
pub const NO: &str = nl::NO;
pub const CLEAR: &str = "wissen";
pub const NOT_SCORED: &str = "nog niet gescoord";
pub const TOTAL: &str = nl::TOTAL;
pub const SUBMIT: &str = "Beoordeling indienen (Ctrl+Enter)";
pub const SUBMITTED_READ_ONLY: &str =
    "Deze beoordeling is ingediend en kan niet meer worden gewijzigd.";
pub const STILL_TO_DO: &str = "Nog te doen voor indienen";
pub const READY_TO_SUBMIT: &str = "Alles is ingevuld: de beoordeling kan worden ingediend.";
pub const SUBMIT_REFUSED: &str = "Indienen kan nog niet. Vul eerst aan wat hieronder staat.";
pub const KEYS_HELP: &str = "Tab en Shift+Tab: volgend en vorig veld · cijfers: waarde kiezen · N: niet behandeld · Delete: wissen · Ctrl+Enter: indienen · Ctrl+S: opslaan · Ctrl+Z: ongedaan maken · Alt+→ en Alt+←: volgende en vorige aanvraag";
/// The buttons to the previous and the next application in the list.
pub fn step_application(next: bool, id: Option<&str>) -> String {
    match (next, id) {
        (false, Some(id)) => format!("← {id} (Alt+←)"),
        (false, None) => "← Vorige (Alt+←)".to_string(),
        (true, Some(id)) => format!("{id} → (Alt+→)"),
        (true, None) => "Volgende → (Alt+→)".to_string(),
    }
}
/// Ctrl+Z on the scoring screen.
pub const NOTHING_TO_UNDO: &str = "Niets om ongedaan te maken (Ctrl+Z).";
pub fn undone(what: &str) -> String {
    format!("Ongedaan gemaakt: {what}. Ctrl+Z maakt de wijziging daarvoor ongedaan.")
}
pub fn motivation_of(id: &str) -> String {
    format!("motivering bij {id}")
}
pub const KO_KEYS: &str = "toetsen: V voldaan, N niet voldaan, T twijfel, O open";
/// The keys that pick a value on a scale, shown beside the focused one.
pub fn scale_keys(scale: &leidraad_core::rubric::Scale) -> String {
    use leidraad_core::rubric::Scale;
    match scale {
        Scale::YesNo { .. } => "toetsen: J ja, N nee".to_string(),
        Scale::Items { max_each, .. } => format!("toetsen 0 tot en met {max_each}"),
        _ => {
            let (min, max) = scale.bounds();
            let nb = if scale.allows_not_addressed() {
                ", N niet behandeld"
            } else {
                ""
            };
            if max >= 10 {
                format!("toetsen {min} tot en met {max} (10 is 1 en 0){nb}")
            } else {
                format!("toetsen {min} tot en met {max}{nb}")
            }
        }
    }
}
pub fn points_of(points: &str, cap: u32) -> String {
    nl::of_cap(points, cap)
}
pub fn max_points(cap: u32) -> String {
    format!("max. {cap} punten")
}
pub fn submitted_on(at: &DateTime<Utc>) -> String {
    let local: DateTime<Local> = at.with_timezone(&Local);
    format!(
        "Ingediend op {} om {}.",
        date(local.date_naive()),
        nl::time(&local)
    )
}
pub fn not_invited(region: &str) -> String {
    format!(
        "{region} is in ronde 1 niet uitgenodigd voor de gespreksronde en kan in ronde 2 niet worden beoordeeld."
    )
}
pub fn out_of_range(typed: &str, min: u32, max: u32) -> String {
    format!("{typed} kan niet: kies een heel getal van {min} tot en met {max}.")
}
fn kept(kept: Option<u32>) -> String {
    match kept {
        Some(n) => format!("Niet overgenomen; er blijft {n} staan."),
        None => "Niet overgenomen.".to_string(),
    }
}
/// A typed value outside the scale, refused; says what still counts.
pub fn refused(typed: &str, min: u32, max: u32, still: Option<u32>) -> String {
    format!("{} {}", out_of_range(typed, min, max), kept(still))
}
pub fn not_a_number(min: u32, max: u32, still: Option<u32>) -> String {
    format!(
        "Alleen cijfers: een heel getal van {min} tot en met {max}. {}",
        kept(still)
    )
}
pub fn range_hint(min: u32, max: u32) -> String {
    format!("{min} tot en met {max}")
}

/// The one line that says where a plan stands.
pub fn standing_rejected(ids: &[CriterionId]) -> String {
    format!(
        "{} niet voldaan: aanvraag wordt afgewezen",
        join_and(&ids.iter().map(|i| i.to_string()).collect::<Vec<_>>())
    )
}
pub fn standing_in_progress(total: &str, cap: u32, left: usize) -> String {
    let what = if left == 1 {
        "nog 1 criterium te scoren".to_string()
    } else {
        format!("nog {left} criteria te scoren")
    };
    format!("{total} van {cap} tot nu toe: {what}")
}
pub fn standing_below(total: &str, cap: u32, threshold: u32, round: Round) -> String {
    match round {
        Round::One => format!("{total} van {cap}: onder de drempel van {threshold}"),
        Round::Two => {
            format!("{total} van {cap}: onder de drempel van {threshold}, wordt niet toegekend")
        }
    }
}
pub fn standing_above(total: &str, cap: u32, round: Round, kos_settled: bool) -> String {
    let line = match round {
        Round::One => format!("{total} van {cap}: door naar de gespreksronde"),
        Round::Two => format!("{total} van {cap}: komt in aanmerking voor toekenning"),
    };
    if kos_settled {
        line
    } else {
        format!("{line}, mits alle knock-outcriteria voldaan zijn")
    }
}

/// Missing items, grouped by kind: one line per kind.
/// What is missing in groups, each with its label ("Nog niet gescoord")
/// and the knock-outs or criteria it concerns, in the order of
/// [`missing_lines`]; "no assessments" has no items.
pub fn missing_groups(missing: &[Missing]) -> Vec<(&'static str, Vec<Missing>)> {
    const ORDER: [&str; 8] = [
        "Nog geen ingediende beoordeling",
        "Oordeel nog open",
        "Twijfel, het panel beslist",
        "Beoordelaars verschillen, panel beslist",
        "Nog niet gescoord",
        "Motivering ontbreekt",
        "Score uit ronde 1 nog bevestigen of wijzigen",
        "Gewijzigd sinds ronde 1, reden ontbreekt",
    ];
    let mut groups: Vec<(&'static str, Vec<Missing>)> =
        ORDER.iter().map(|l| (*l, Vec::new())).collect();
    for m in missing {
        let (i, item) = match m {
            Missing::NoAssessments => (0, None),
            Missing::KoOpen(_) => (1, Some(m.clone())),
            Missing::KoDoubt(_) => (2, Some(m.clone())),
            Missing::KoSplit(_) => (3, Some(m.clone())),
            Missing::Unscored(id) | Missing::UnscoredBy(id, _) => {
                (4, Some(Missing::Unscored(id.clone())))
            }
            Missing::NoMotivation(_) => (5, Some(m.clone())),
            Missing::Unconfirmed(_) => (6, Some(m.clone())),
            Missing::NoReason(_) => (7, Some(m.clone())),
        };
        match item {
            Some(item) if !groups[i].1.contains(&item) => groups[i].1.push(item),
            Some(_) => {}
            None if groups[0].1.is_empty() => groups[0].1.push(Missing::NoAssessments),
            None => {}
        }
    }
    groups.retain(|(_, items)| !items.is_empty());
    for (label, items) in &mut groups {
        if *label == ORDER[0] {
            items.clear();
        }
    }
    groups
}

/// The knock-out or criterion a missing item concerns.
pub fn missing_id(m: &Missing) -> Option<&leidraad_core::rubric::CriterionId> {
    match m {
        Missing::NoAssessments => None,
        Missing::KoOpen(id)
        | Missing::KoDoubt(id)
        | Missing::KoSplit(id)
        | Missing::Unscored(id)
        | Missing::UnscoredBy(id, _)
        | Missing::NoMotivation(id)
        | Missing::Unconfirmed(id)
        | Missing::NoReason(id) => Some(id),
    }
}

pub fn missing_lines(missing: &[Missing]) -> Vec<String> {
    let mut open = Vec::new();
    let mut doubt = Vec::new();
    let mut split = Vec::new();
    let mut unscored = Vec::new();
    let mut motivation = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut reason = Vec::new();
    let mut none = false;
    for m in missing {
        match m {
            Missing::NoAssessments => none = true,
            Missing::KoOpen(id) => open.push(id.to_string()),
            Missing::KoDoubt(id) => doubt.push(id.to_string()),
            Missing::KoSplit(id) => split.push(id.to_string()),
            Missing::Unscored(id) | Missing::UnscoredBy(id, _) => {
                if !unscored.contains(&id.to_string()) {
                    unscored.push(id.to_string())
                }
            }
            Missing::NoMotivation(id) => motivation.push(id.to_string()),
            Missing::Unconfirmed(id) => unconfirmed.push(id.to_string()),
            Missing::NoReason(id) => reason.push(id.to_string()),
        }
    }
    let mut lines = Vec::new();
    if none {
        lines.push("Nog geen ingediende beoordeling".to_string());
    }
    if !open.is_empty() {
        lines.push(format!("Oordeel nog open: {}", open.join(", ")));
    }
    if !doubt.is_empty() {
        lines.push(format!("Twijfel, het panel beslist: {}", doubt.join(", ")));
    }
    if !split.is_empty() {
        lines.push(format!(
            "Beoordelaars verschillen, panel beslist: {}",
            split.join(", ")
        ));
    }
    if !unscored.is_empty() {
        lines.push(format!("Nog niet gescoord: {}", unscored.join(", ")));
    }
    if !motivation.is_empty() {
        lines.push(format!("Motivering ontbreekt: {}", motivation.join(", ")));
    }
    if !unconfirmed.is_empty() {
        lines.push(format!(
            "Score uit ronde 1 nog bevestigen of wijzigen: {}",
            unconfirmed.join(", ")
        ));
    }
    if !reason.is_empty() {
        lines.push(format!(
            "Gewijzigd sinds ronde 1, reden ontbreekt: {}",
            reason.join(", ")
        ));
    }
    lines
}

// Round 2: the copy of round 1, to confirm or change.
pub const ROUND_TWO_HINT: &str = "Ronde 2 begint met uw eigen scores uit ronde 1. Bevestig elke score (knop ‘Bevestigen’, of Enter op de rij) of wijzig hem; schrijf bij een wijziging op waarom (Enter op de rij brengt u naar dat veld).";
pub fn round_one_value(value: &str) -> String {
    format!("Ronde 1: {value}")
}
pub const CONFIRM: &str = "Bevestigen";
pub const TO_CONFIRM: &str = "nog bevestigen";
pub const CONFIRMED: &str = "✓ bevestigd";
pub const CHANGED: &str = "gewijzigd";
pub const WHY_CHANGED: &str = "Waarom gewijzigd?";
pub const WHY_CHANGED_PLACEHOLDER: &str =
    "Verplicht: waarom wijkt dit af van ronde 1? Bijv. ‘gesprek: begroting verduidelijkt’";
/// A round-1 value as the card shows it: points, ja/nee, niet behandeld,
/// or the items with their points.
pub fn value_text(value: &leidraad_core::dossier::Value, items: &[(String, String)]) -> String {
    use leidraad_core::dossier::Value;
    match value {
        Value::Yes => YES.to_string(),
        Value::No => NO.to_string(),
        Value::NotAddressed => NOT_ADDRESSED.to_string(),
        Value::Points(n) => n.to_string(),
        Value::Items(m) => items
            .iter()
            .filter_map(|(id, name)| m.get(id).map(|n| format!("{name} {n}")))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

// Conflicts of interest.
pub const DECLARE_CONFLICT: &str = "Belangenconflict melden";
pub fn conflict_question(id: &str, region: &str) -> String {
    format!("Belangenconflict melden voor {id} · {region}?")
}
pub const CONFLICT_CONSEQUENCE: &str = "U beoordeelt deze aanvraag dan niet meer, in geen van beide rondes. Uw concept-beoordeling ervan wordt verwijderd; wat u al hebt ingediend blijft bewaard. De melding komt in het logboek van het dossier.";
pub const CONFLICT_NOTE_PLACEHOLDER: &str =
    "Toelichting (niet verplicht), bijv. ‘oud-collega van de projectleider’";
pub const CONFLICT_CONFIRM: &str = "Belangenconflict melden";
pub fn conflict_declared(at: &DateTime<Utc>, note: &str) -> String {
    let note = if note.trim().is_empty() {
        String::new()
    } else {
        format!(" (‘{}’)", note.trim())
    };
    format!(
        "U hebt op {} een belangenconflict gemeld voor deze aanvraag{note}. U beoordeelt haar niet.",
        date_time(at)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_grouped_by_kind() {
        let lines = missing_lines(&[
            Missing::KoOpen("KO1".into()),
            Missing::KoOpen("KO2".into()),
            Missing::NoMotivation("C3".into()),
        ]);
        assert_eq!(
            lines,
            vec![
                "Oordeel nog open: KO1, KO2".to_string(),
                "Motivering ontbreekt: C3".to_string()
            ]
        );
    }
}
