//! The ranking screen: the ranking of a round, ties at the award line,
//! the sensitivity of the award, the allocation of the budget, and the
//! sortable table and charts.

use leidraad_core::dossier::Round;
use leidraad_core::nl;

use super::{READ_ONLY_EDIT_REFUSED, amount, round_short};

// Ranking screen.
pub const RANKING: &str = nl::RANKING;
pub const TO_RANKING: &str = "Rangschikking en budget";
pub fn ranking_intro(round: Round, threshold: u32, award_count: u32) -> String {
    match round {
        Round::One => format!(
            "Eerste beoordeling: aanvragen met {threshold} punten of meer en geen KO niet voldaan worden uitgenodigd voor het gesprek."
        ),
        Round::Two => format!(
            "Definitieve beoordeling: de {award_count} aanvragen met de meeste punten (minimaal {threshold}) krijgen de subsidie."
        ),
    }
}
pub const COL_RANK: &str = nl::PLACE;
pub const COL_TOTAL: &str = nl::TOTAL;
pub fn cap_short(cap: u32) -> String {
    format!("max. {cap}")
}
pub const COL_FAILED_KO: &str = nl::FAILED_KO;
pub const COL_ASSESSORS: &str = "Beoord.";
pub const COL_CONSENSUS: &str = "Consensus";
pub fn threshold_line(threshold: u32) -> String {
    format!("{}: {threshold} {}", nl::THRESHOLD_LINE, nl::POINTS)
}
pub fn award_line(award_count: u32) -> String {
    format!("{}: {}", nl::AWARD_LINE, nl::places(award_count))
}
pub const NOT_RANKED: &str = "niet gerangschikt";
/// Beside a bar whose total ties at the award line: a decision is needed.
pub const TIE_MARK: &str = "gelijk";
pub const NO_RANKED: &str = "Nog geen aanvraag is volledig beoordeeld in deze ronde.";

// Ties.
pub const TIES: &str = nl::TIE_AT_AWARD_LINE;
pub fn tie_group(members: &str, total: &str, places: u32) -> String {
    format!(
        "{members} hebben allemaal {total} punten; er is nog {}. De leidraad kent geen beslisregel: het panel legt een besluit vast.",
        nl::places(places)
    )
}
pub const RECORD_DECISION: &str = "Besluit vastleggen";
pub fn choose_awarded(places: u32) -> String {
    format!("Kies wie de subsidie krijgt ({places}):")
}
pub const DECISION_MOTIVATION: &str = "Motivering van het besluit";
pub const DECISION_MOTIVATION_PLACEHOLDER: &str =
    "Waarom deze keuze? (bijvoorbeeld: gesprek, schaalgrootte, spreiding over het land)";
pub const RECORD: &str = "Vastleggen";
pub fn tie_choose_count(places: u32, chosen: usize) -> String {
    format!("Kies precies {places}; nu gekozen: {chosen}.")
}
pub const MOTIVATION_REQUIRED: &str = "Een besluit heeft een motivering nodig.";
pub fn tie_decided(awarded: &str, motivation: &str) -> String {
    format!("Besluit vastgelegd: toegekend aan {awarded}. Motivering: {motivation}")
}
pub const DECISIONS: &str = "Vastgelegde besluiten";

// Sensitivity.
pub const SENSITIVITY: &str = "Gevoeligheid";
pub const SENSITIVITY_INTRO: &str = "Blijft de toekenning gelijk als het totaal van één beoordelaar bij één aanvraag 1 of 2 punten hoger of lager uitvalt, of als één beoordelaar wordt weggelaten?";
pub fn sensitivity_stable(tried: usize) -> String {
    format!(
        "Stabiel: bij geen van de {tried} onderzochte varianten verandert wie de subsidie krijgt."
    )
}
pub fn sensitivity_unstable(tried: usize, changing: usize) -> String {
    format!(
        "Gevoelig: {changing} van de {tried} onderzochte varianten veranderen wie de subsidie krijgt."
    )
}
pub const CROSS_AWARD: &str = "Kunnen de toekenningsgrens passeren:";
pub const CROSS_THRESHOLD: &str = "Kunnen de drempel passeren:";
pub const NOBODY: &str = "geen";
pub fn shift_change(application: &str, assessor: &str, delta: i32) -> String {
    let points = if delta.abs() == 1 {
        nl::POINT
    } else {
        nl::POINTS
    };
    format!("{application}: {assessor} {delta:+} {points}")
}
pub fn leave_out_change(assessor: &str) -> String {
    format!("zonder {assessor}")
}
pub fn awarded_then(list: &str) -> String {
    if list.is_empty() {
        "dan wordt nog niemand zeker toegekend".to_string()
    } else {
        format!("dan toegekend: {list}")
    }
}
pub fn more_findings(n: usize) -> String {
    format!("en nog {n} varianten")
}
pub const SENSITIVITY_ROUND_TWO: &str =
    "De gevoeligheid en het budget gelden voor de definitieve beoordeling (ronde 2).";

// Budget.
pub const BUDGET: &str = nl::ALLOCATION;
pub fn budget_intro(budget: u64) -> String {
    format!(
        "Budget {}. Bedragen in hele euro's; bij een verdeling naar rato gaat wat na afronden overblijft per euro naar de grootste resten, bij gelijke rest naar de hoogste plaats.",
        amount(budget)
    )
}
pub const NO_RECIPIENTS: &str = "Er is nog geen aanvraag toegekend; eerst de rangschikking en eventuele gelijke stand afronden.";
pub fn rule_label(rule: leidraad_core::allocation::Rule) -> &'static str {
    use leidraad_core::allocation::{Rule, ScaleFigure};
    match rule {
        Rule::Equal => "Gelijke delen",
        Rule::Requested => "Naar aanvraag",
        Rule::Points => "Naar punten",
        Rule::Scale(ScaleFigure::Inhabitants) => "Naar inwoners",
        Rule::Scale(ScaleFigure::YoungPeople) => "Naar jeugdigen",
        Rule::Scale(ScaleFigure::Municipalities) => "Naar gemeenten",
        Rule::Manual => "Handmatig",
    }
}
pub const PROPOSAL: &str = "Voorstel:";
pub const COL_INTERVIEW: &str = "Gesprek";
pub const COL_PLACE: &str = nl::PLACE;
pub const BUDGET_PROVISIONAL: &str = "De rangschikking van ronde 2 is voorlopig: hieronder staan de aanvragen die nu toegekend zouden worden. Een voorstel kan worden bekeken, maar pas vastgelegd als elke uitgenodigde aanvraag compleet is.";
pub const COL_REQUESTED: &str = "Aangevraagd";
pub const COL_INHABITANTS: &str = "Inwoners";
pub const COL_YOUNG: &str = "Jeugdigen";
pub const COL_MUNICIPALITIES: &str = "Gemeenten";
pub const COL_AMOUNT: &str = "Bedrag (€)";
pub fn budget_sum(total: u64, remainder: i128) -> String {
    if remainder >= 0 {
        format!(
            "Totaal {}; over: {}",
            amount(total),
            amount(remainder as u64)
        )
    } else {
        format!(
            "Totaal {}; {} boven het budget",
            amount(total),
            amount(remainder.unsigned_abs() as u64)
        )
    }
}
pub const OVER_BUDGET: &str = "Deze verdeling gaat boven het budget en kan niet worden vastgelegd.";
pub fn above_request(ids: &str) -> String {
    format!("Boven het aangevraagde bedrag: {ids}. Leg uit waarom in de motivering.")
}
pub const NOT_A_WHOLE_AMOUNT: &str = "geen heel bedrag";
pub const ALLOCATION_MOTIVATION_PLACEHOLDER: &str =
    "Motivering van de verdeling (beoordeling, gesprekken, schaalgrootte)";
pub const RECORD_ALLOCATION: &str = "Verdeling vastleggen";
pub fn allocation_recorded(rule: &str, total: u64) -> String {
    format!("Vastgelegde verdeling ({rule}): totaal {}", amount(total))
}
pub fn allocation_error(e: &leidraad_core::allocation::AllocationError) -> String {
    use leidraad_core::allocation::AllocationError as E;
    let ids = |v: &[leidraad_core::dossier::ApplicationId]| {
        v.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match e {
        E::NoRecipients => NO_RECIPIENTS.to_string(),
        E::MissingRequest(v) => format!("Geen aangevraagd bedrag bekend voor {}.", ids(v)),
        E::MissingFigure(v) => format!("Dit getal ontbreekt voor {}.", ids(v)),
        E::ZeroWeight => "De getallen tellen op tot 0; verdelen naar rato kan niet.".into(),
        E::OverBudget { .. } => OVER_BUDGET.to_string(),
        E::NotAwarded(id) => format!("{id} is niet toegekend."),
        E::AboveRequestUnmotivated(v) => above_request(&ids(v)),
        E::NoMotivation => "Een verdeling heeft een motivering nodig.".into(),
        E::Decision(e) => decision_error(e),
    }
}

/// The ranking of round 2 is provisional.
pub fn provisional_banner(pending: &[leidraad_core::dossier::ApplicationId]) -> String {
    let text = leidraad_core::nl::provisional(pending);
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
/// Recorded decisions that no longer fit the ranking.
pub fn stale_banner(lines: &[String]) -> String {
    format!(
        "Verouderd, en daarom niet toegepast (het panel legt opnieuw vast of trekt in):\n{}",
        lines.join("\n")
    )
}
pub const REVOKE: &str = "Intrekken…";
pub const WAIVER: &str = "Ontheffing van de drempel…";
pub const DECIDE_MOTIVATION_PLACEHOLDER: &str = "Motivering van het besluit (verplicht)";
pub const WAIVER_INTRO: &str = "Onder de drempel van ronde 2. Het product past de drempel ook in ronde 2 toe; de leidraad zegt letterlijk ‘de vier aanvragen die de meeste punten scoren’. Het panel kan voor één aanvraag met een motivering ontheffing geven.";
pub fn revoke_intro(index: usize) -> String {
    format!(
        "{} intrekken. Het besluit blijft in het dossier staan, als ingetrokken; de motivering komt in het logboek.",
        nl::decision_number(index)
    )
}
pub fn waiver_form_intro(app: &str) -> String {
    format!(
        "Ontheffing van de drempel voor {app}: de aanvraag dingt mee naar toekenning zolang haar totaal blijft wat het nu is."
    )
}
pub fn award_count_recorded(count: u32, motivation: &str) -> String {
    format!("aantal toekenningen {count}. Motivering: {motivation}")
}
pub fn waiver_recorded(app: &str, motivation: &str) -> String {
    format!("ontheffing van de drempel voor {app}: {motivation}")
}
pub fn revoke_recorded(index: usize, motivation: &str) -> String {
    format!(
        "{} ingetrokken: {motivation}",
        leidraad_core::nl::decision_number(index)
    )
}
pub fn decision_state_line(state: leidraad_core::scoring::DecisionState, why: &str) -> String {
    format!("{}: {why}", leidraad_core::nl::decision_state(state))
}

/// Why a decision was not recorded.
pub fn decision_error(e: &leidraad_core::panel::DecisionError) -> String {
    use leidraad_core::panel::DecisionError as E;
    match e {
        E::NoSuchTie { .. } => {
            "Deze gelijke stand bestaat niet meer: de rangschikking is veranderd.".into()
        }
        E::NotInGroup(id) => format!("{id} hoort niet bij de gelijke stand."),
        E::Count { places, chosen } => tie_choose_count(*places, *chosen),
        E::NoAwards => "Het aantal toekenningen moet minstens 1 zijn.".into(),
        E::NoMotivation => MOTIVATION_REQUIRED.to_string(),
        E::ReadOnly(_) => READ_ONLY_EDIT_REFUSED.to_string(),
        E::Provisional(pending) => format!(
            "De rangschikking van ronde 2 is voorlopig ({} nog niet compleet): eerst afronden, dan besluiten.",
            pending
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::WrongRound(_) => "Dit besluit gaat over ronde 2.".into(),
        E::UnknownApplication(id) => format!("{id} is geen aanvraag van dit dossier."),
        E::NotBelowThreshold {
            application,
            status,
        } => {
            format!("{application} staat nu niet onder de drempel ({status}).")
        }
        E::NoSuchDecision(n) => format!(
            "Er is geen {} om in te trekken.",
            leidraad_core::nl::decision_number(*n)
        ),
        E::AlreadyRevoked(n) => format!(
            "{} is al ingetrokken.",
            leidraad_core::nl::decision_number(*n)
        ),
    }
}

/// The ranking of a round, for an assessor who has not submitted all of it.
pub fn ranking_blind(hidden: usize, round: Round) -> String {
    format!(
        "De rangschikking van ronde {} bestaat uit de scores van alle beoordelaars. U ziet haar pas als u uw eigen beoordelingen hebt ingediend: nog {hidden} aanvra{} waarvan u de scores van anderen nog niet mag zien.",
        round.number(),
        if hidden == 1 { "ag" } else { "gen" }
    )
}

// ---------------------------------------------------------------------------
// Ranking: sortable table and charts (issue 6). Kept together in one block.
// ---------------------------------------------------------------------------

/// The arrow beside a sorted column header: ▲ ascending, ▼ descending.
pub fn sort_arrow(descending: bool) -> &'static str {
    if descending { "▼" } else { "▲" }
}
pub const SORT_HINT: &str =
    "Klik op een kolomkop om te sorteren; nog eens klikken draait de volgorde om.";
pub const LINES_ONLY_BY_RANK: &str =
    "De drempel en de toekenningsgrens staan alleen in de tabel als die op plaats is gesorteerd.";
pub const TAB_TABLE: &str = "Tabel";
pub const TAB_BARS: &str = "Staafdiagram";
pub const TAB_HEAT: &str = "Heatmap";
pub const TAB_ROUNDS: &str = "Ronde 1 → 2";
pub fn bars_intro(threshold: u32) -> String {
    format!(
        "Het totaal per regio, opgebouwd uit de punten per groep van criteria. De stippellijn is de drempel van {threshold} punten."
    )
}
pub const HEAT_INTRO: &str = "Het eindcijfer per criterium; hoe donkerder de cel, hoe dichter bij het maximum van dat criterium.";
pub const ROUNDS_INTRO: &str =
    "Het totaal in ronde 1 en in ronde 2, voor de aanvragen met een totaal in beide rondes.";
pub const LEGEND_ROUND_ONE: &str = "ronde 1 (open rondje)";
pub const LEGEND_ROUND_TWO: &str = "ronde 2 (dicht rondje)";
pub const HEAT_LEGEND_LOW: &str = "0% van het maximum";
pub const HEAT_LEGEND_HIGH: &str = "100%";
pub const NO_PAIRS: &str = "Nog geen aanvraag heeft een totaal in beide rondes.";
pub const HOVER_BARS: &str = "Wijs een deel van een balk aan voor de punten van die groep.";
pub const HOVER_HEAT: &str =
    "Wijs een cel aan voor de punten en de motiveringen van de beoordelaars.";
pub const HOVER_ROUNDS: &str = "Wijs een regio aan voor de totalen van beide rondes.";
pub fn chart_threshold(threshold: u32) -> String {
    format!("{} {threshold}", nl::THRESHOLD_LINE)
}
pub fn chart_cap(cap: u32) -> String {
    format!("max. {cap}")
}
/// `62 → 71 (+9)`.
pub fn chart_pair(one: &leidraad_core::exact::Exact, two: &leidraad_core::exact::Exact) -> String {
    let (sign, diff) = if two >= one {
        ("+", *two - *one)
    } else {
        ("−", *one - *two)
    };
    format!(
        "{} → {} ({sign}{})",
        one.to_dutch_short(),
        two.to_dutch_short(),
        diff.to_dutch_short()
    )
}
pub fn chart_of_cap(value: &leidraad_core::exact::Exact, cap: u32) -> String {
    nl::of_cap(value.to_dutch_short(), cap)
}
pub fn chart_total(total: &leidraad_core::exact::Exact, max: u32) -> String {
    format!("Totaal: {} van {max}", total.to_dutch_short())
}
pub const CHART_FROM_CONSENSUS: &str = "Vastgesteld in consensus.";
pub fn chart_mean_of(n: u32) -> String {
    match n {
        1 => format!("Punten van {}.", nl::assessors(n)),
        n => format!("Gemiddelde van {}.", nl::assessors(n)),
    }
}
pub const CHART_NOT_SCORED: &str = nl::NOT_SCORED;
pub const CHART_NO_MOTIVATION: &str = "Geen motivering.";
pub const CHART_CONSENSUS: &str = "Consensus";
pub const CHART_CRITERIA_IN_GROUP: &str = "Criteria in deze groep";
pub fn chart_round_total(round: Round, total: &leidraad_core::exact::Exact) -> String {
    format!("{}: {} punten", round_short(round), total.to_dutch_short())
}
pub fn chart_difference(
    one: &leidraad_core::exact::Exact,
    two: &leidraad_core::exact::Exact,
) -> String {
    if two >= one {
        format!("{}: +{}", nl::DIFFERENCE, (*two - *one).to_dutch_short())
    } else {
        format!("{}: −{}", nl::DIFFERENCE, (*one - *two).to_dutch_short())
    }
}
// ---------------------------------------------------------------------------
// End of the ranking block.
// ---------------------------------------------------------------------------
