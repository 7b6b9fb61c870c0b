use super::*;

fn index(pages: &[&str]) -> Index {
    let pages: Vec<String> = pages.iter().map(|p| p.to_string()).collect();
    Index::new(&pages, true)
}

fn terms(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| t.to_string()).collect()
}

#[test]
fn a_compound_meets_its_parts_in_other_words() {
    let idx = index(&[
        "Het team werkt al jaren hard aan de veiligheid.\n\nWij vormen een team voor veiligheid in de regio. Dat is nieuw.",
        "Het weer is goed. De lokale teams, Veilig Thuis en de Raad werken samen.",
    ]);
    let found = idx.search(&Query::new("x", &terms(&["veiligheidsteam"])), 5);
    assert!(found.found);
    let best = &found.passages[0];
    assert_eq!(best.page, Some(1));
    assert!(
        best.text.starts_with("Wij vormen een team voor veiligheid"),
        "{best:?}"
    );
    assert_eq!(best.terms, ["veiligheidsteam"]);
    // "teams, Veilig Thuis": the parts in two clauses are no compound.
    assert!(
        found
            .passages
            .iter()
            .all(|p| !p.text.contains("Veilig Thuis") || p.terms.is_empty())
    );
}

#[test]
fn stems_match_plural_and_singular() {
    let idx = index(&["Ervaringsdeskundigen denken mee over de opzet."]);
    let found = idx.search(&Query::new("x", &terms(&["ervaringsdeskundige"])), 5);
    assert!(found.found);
    assert_eq!(found.passages[0].terms, ["ervaringsdeskundige"]);
}

#[test]
fn negations_near_the_term_are_marked() {
    let idx = index(&[
        "We willen in dit stadium geen regionaal veiligheidsteam oprichten.\n\nHet regionaal veiligheidsteam van de buren werkt goed.\n\nDe inzet van niet-cliëntgebonden personeel voor het regionaal veiligheidsteam.",
    ]);
    let found = idx.search(&Query::new("x", &terms(&["regionaal veiligheidsteam"])), 5);
    let negated: Vec<(bool, &str)> = found
        .passages
        .iter()
        .map(|p| (p.negated, &p.text[..12]))
        .collect();
    assert!(negated.contains(&(true, "We willen in")), "{negated:?}");
    assert!(negated.contains(&(false, "Het regionaa")), "{negated:?}");
    // "niet-" in a hyphenated word is no negation.
    assert!(negated.contains(&(false, "De inzet van")), "{negated:?}");
}

#[test]
fn abbreviations_match_only_as_written() {
    let idx = index(&["Wij gaan om te beginnen praten.\n\nHet OM doet mee."]);
    let found = idx.search(&Query::new("x", &terms(&["OM"])), 5);
    assert_eq!(found.passages.len(), 1, "{found:?}");
    assert_eq!(found.passages[0].text, "Het OM doet mee.");
}

#[test]
fn nothing_convincing_is_said_as_such() {
    let idx = index(&["Het plan gaat over wonen en werk. Over geld zegt het niets."]);
    let found = idx.search(
        &Query::new(
            "Verhouding POK middelen",
            &terms(&["POK-middelen", "ledenbrief"]),
        ),
        5,
    );
    assert!(!found.found, "{found:?}");
    // Weak candidates (a word of the name) carry no search term.
    assert!(found.passages.iter().all(|p| p.terms.is_empty()));
}

#[test]
fn a_document_without_pages_gives_passages_without_pages() {
    let idx = Index::new(&["Het RVT start in 2024.".to_string()], false);
    let found = idx.search(&Query::new("x", &terms(&["RVT"])), 5);
    assert_eq!(found.passages[0].page, None);
}

#[test]
fn the_rubric_gives_a_query_for_every_knockout_and_criterion() {
    let rubric = Rubric::builtin();
    for id in rubric
        .knockouts
        .iter()
        .map(|k| k.id.as_str())
        .chain(rubric.criteria().map(|c| c.id.as_str()))
    {
        let q = Query::for_criterion(&rubric, id).unwrap();
        assert!(
            q.terms.iter().any(|t| t.shown.is_some()),
            "{id} has no search terms"
        );
    }
    assert!(Query::for_criterion(&rubric, "C99").is_none());
}

#[test]
fn search_terms_are_checked_and_left_out_of_the_hash() {
    use crate::rubric::{BUILTIN_SOURCE, Rubric};
    let builtin = Rubric::builtin();
    let original = r#"search_terms: ["projectleider", "kwartiermaker","#;
    assert!(BUILTIN_SOURCE.contains(original));

    let twice = BUILTIN_SOURCE.replace(
        original,
        r#"search_terms: ["projectleider", "Projectleider ","#,
    );
    let err = Rubric::parse(&twice, "r.ron").unwrap_err().to_string();
    assert!(
        err.contains("C1: search term \"Projectleider \" is given twice"),
        "{err}"
    );
    assert!(err.starts_with("r.ron:"), "{err}");

    let empty = BUILTIN_SOURCE.replace(original, r#"search_terms: ["projectleider", " ","#);
    let err = Rubric::parse(&empty, "r.ron").unwrap_err().to_string();
    assert!(err.contains("C1: an empty search term"), "{err}");

    // Other search terms: the same hash, so scored dossiers keep loading.
    let other = BUILTIN_SOURCE.replace(
        original,
        r#"search_terms: ["projectleider", "kwartiermaker", "regisseur","#,
    );
    let changed = Rubric::parse(&other, "r.ron").unwrap();
    assert_ne!(changed, builtin);
    assert_eq!(changed.hash(), builtin.hash());
}

#[test]
fn a_negation_word_inside_a_term_is_no_negation() {
    let idx = index(&["De oprichting van MDA++ vanuit het programma Geweld hoort nergens thuis."]);
    let found = idx.search(&Query::new("x", &terms(&["Geweld hoort nergens thuis"])), 5);
    assert_eq!(found.passages[0].terms, ["Geweld hoort nergens thuis"]);
    assert!(!found.passages[0].negated);
}
