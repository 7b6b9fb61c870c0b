//! `leidraad zelftoets --template`: a complete self-check file to fill in
//! with a text editor, every field present and every knock-out and
//! criterion listed with what it asks and which values it allows, as RON
//! comments. The format is described in `docs/selfcheck-format.md`; the
//! template parses as it is (`SelfCheck::parse`).

use std::fmt::Write as _;

use crate::rubric::{Rubric, Scale};

/// The template for `rubric`, in Dutch (it is for applicants).
pub fn template(rubric: &Rubric) -> String {
    let r = rubric.reference();
    let p = &rubric.process;
    let mut t = String::new();
    let w = &mut t;
    let _ = writeln!(
        w,
        "// Zelftoets voor aanvragers: {} ({}).",
        rubric.title, rubric.version
    );
    let _ = writeln!(
        w,
        "// Vul dit bestand in met een teksteditor en lees het in met:"
    );
    let _ = writeln!(
        w,
        "//     leidraad zelftoets DIT-BESTAND.ron [--pdf uitkomst.pdf] [--plan conceptplan.pdf]"
    );
    let _ = writeln!(
        w,
        "// Regels die met // beginnen zijn uitleg en mogen blijven staan. De opbouw staat in"
    );
    let _ = writeln!(
        w,
        "// docs/selfcheck-format.md. Het hulpmiddel beoordeelt niet: het laat zien waar uw plan staat."
    );
    let _ = writeln!(w, "SelfCheck(");
    let _ = writeln!(
        w,
        "    format_version: {},",
        crate::selfcheck::FORMAT_VERSION
    );
    let _ = writeln!(
        w,
        "    rubric: Some(RubricRef(id: {:?}, version: {:?}, hash: {:?})),",
        r.id, r.version, r.hash
    );
    let _ = writeln!(w, "    // Uw eigen werktitel van het plan.");
    let _ = writeln!(w, "    title: \"\",");
    let _ = writeln!(
        w,
        "    // De datum waartegen de indieningstermijn ({}) wordt gehouden; None: vandaag.",
        p.deadline.format("%d-%m-%Y")
    );
    let _ = writeln!(w, "    date: None,");
    let _ = writeln!(
        w,
        "    // De stukken die klaar zijn; laat weg wat nog ontbreekt:"
    );
    for d in &p.documents {
        let _ = writeln!(w, "    //   {:?}: {}", d.id, d.name);
    }
    let ids: Vec<String> = p.documents.iter().map(|d| format!("{:?}", d.id)).collect();
    let _ = writeln!(w, "    documents: [{}],", ids.join(", "));
    let _ = writeln!(
        w,
        "    // Wie het plan al heeft ondertekend; laat weg wie nog niet:"
    );
    let signed: Vec<String> = p.signatories.iter().map(|s| format!("{s:?}")).collect();
    let _ = writeln!(w, "    signatures: [{}],", signed.join(", "));
    let _ = writeln!(
        w,
        "    // Knock-outcriteria (hoofdstuk 3.2). answer: Open (nog niet beantwoord), Plausible"
    );
    let _ = writeln!(
        w,
        "    // (het plan maakt het aannemelijk), NotPlausible (niet), DontKnow (weet ik niet)."
    );
    let _ = writeln!(w, "    knockouts: {{");
    for k in &rubric.knockouts {
        let _ = writeln!(w, "        // {} {}: aannemelijk te maken:", k.id, k.name);
        for item in &k.plausible {
            let _ = writeln!(w, "        //   - {item}");
        }
        let _ = writeln!(
            w,
            "        {:?}: KoCheck(answer: Open, note: \"\"),",
            k.id.as_str()
        );
    }
    let _ = writeln!(w, "    }},");
    let _ = writeln!(
        w,
        "    // Gewogen criteria (hoofdstuk 4). value: None (nog niet gescoord) of Some(...):"
    );
    let _ = writeln!(w, "    criteria: {{");
    for c in rubric.criteria() {
        let _ = writeln!(
            w,
            "        // {} {} (max. {} punten): {}",
            c.id,
            c.name,
            c.cap,
            allowed(&c.scale)
        );
        let _ = writeln!(
            w,
            "        {:?}: SelfScore(value: None, note: \"\"),",
            c.id.as_str()
        );
    }
    let _ = writeln!(w, "    }},");
    let (from, to) = p.spending_years;
    let _ = writeln!(
        w,
        "    // De begroting in hele euro's: per jaar (bestedingsperiode {from}-{to}), het totaal dat"
    );
    let _ = writeln!(
        w,
        "    // het plan noemt, de eigen bijdrage en de gevraagde bijdrage (KO8)."
    );
    let years: Vec<String> = (from..=to).map(|y| format!("{y}: 0")).collect();
    let _ = writeln!(
        w,
        "    budget: Budget(years: {{{}}}, stated_total: None, own_contribution: None, requested: None),",
        years.join(", ")
    );
    let _ = writeln!(w, ")");
    t
}

/// What a criterion's scale allows, as the file writes it.
fn allowed(scale: &Scale) -> String {
    let nb = |yes: bool| {
        if yes {
            ", of Some(NotAddressed) voor 'niet behandeld'"
        } else {
            ""
        }
    };
    match scale {
        Scale::YesNo { yes, no } => format!("Some(Yes) = {yes} punten, Some(No) = {no}"),
        Scale::Range {
            min,
            max,
            anchors,
            not_addressed,
        } => {
            let words = anchors
                .as_ref()
                .map(|a| format!(" ({min} = {}, {max} = {})", a.low, a.high))
                .unwrap_or_default();
            format!(
                "Some(Points(n)) met n van {min} tot {max}{words}{}",
                nb(*not_addressed)
            )
        }
        Scale::Points { max, not_addressed } => {
            format!(
                "Some(Points(n)) met n van 0 tot {max}{}",
                nb(*not_addressed)
            )
        }
        Scale::Items { items, max_each } => {
            let ids: Vec<String> = items.iter().map(|i| format!("{:?}: n", i.id)).collect();
            format!(
                "Some(Items({{{}}})) met per onderdeel n van 0 tot {max_each}",
                ids.join(", ")
            )
        }
    }
}
