//! `check-rubric`, `check`, `verify` and `history`: what a rubric or dossier holds and whether it holds together.

use super::*;

pub(super) fn check_rubric(file: &Path) -> Result<String, Failure> {
    let mut out = String::new();
    let rubric = Rubric::load(file)?;
    writeln!(
        out,
        "{} ({}), {}",
        rubric.title, rubric.version, rubric.publisher
    )?;
    writeln!(out, "hash {}", rubric.hash())?;
    writeln!(out, "\nKnock-out criteria ({}):", rubric.knockouts.len())?;
    for ko in &rubric.knockouts {
        writeln!(out, "  {:<4} {}", ko.id, ko.name)?;
    }
    writeln!(out, "\nWeighted criteria ({}):", rubric.criteria().count())?;
    for g in &rubric.groups {
        let cap: u32 = g.criteria.iter().map(|c| c.cap).sum();
        writeln!(out, "  {} (max {cap})", g.name)?;
        for c in &g.criteria {
            let scale = match &c.scale {
                Scale::YesNo { yes, no } => format!("ja = {yes}, nee = {no}"),
                Scale::Range {
                    min,
                    max,
                    not_addressed,
                    ..
                } => format!("{min}..{max}{}", if *not_addressed { " or nb" } else { "" }),
                Scale::Items { items, max_each } => {
                    format!("{} items x 0..{max_each}", items.len())
                }
                Scale::Points { max, .. } => format!("0..{max}"),
            };
            writeln!(
                out,
                "    {:<4} max {:>2}  {:<16} {}",
                c.id, c.cap, scale, c.name
            )?;
        }
    }
    writeln!(out, "\nTotal {} points", rubric.total)?;
    let with_terms = rubric
        .knockouts
        .iter()
        .map(|k| k.search_terms.len())
        .chain(rubric.criteria().map(|c| c.search_terms.len()))
        .filter(|n| *n > 0)
        .collect::<Vec<_>>();
    writeln!(
        out,
        "Search terms for the passage finder: {} for {} knock-outs and criteria (an interpretation; no part of the hash)",
        with_terms.iter().sum::<usize>(),
        with_terms.len()
    )?;
    let p = &rubric.process;
    writeln!(
        out,
        "Interview threshold {} (inclusive); award count {}; award minimum {}; budget EUR {}; deadline {}; spending {}-{}",
        p.interview_threshold,
        p.award_count,
        p.award_minimum,
        p.budget_eur,
        p.deadline,
        p.spending_years.0,
        p.spending_years.1
    )?;
    Ok(out)
}

pub(super) fn check(path: &Path, rubric: Option<&Path>) -> Result<String, Failure> {
    let mut out = String::new();
    let (rubric, dossier) = read_dossier(path, rubric)?;
    writeln!(
        out,
        "{}: valid; {} applications, {} assessors, {} assessments, {} consensus records, {} decisions",
        path.display(),
        dossier.applications.len(),
        dossier.assessors.len(),
        dossier.assessments.len(),
        dossier.consensus.len(),
        dossier.decisions.len()
    )?;
    for round in Round::ALL {
        let eval = scoring::evaluate(&rubric, &dossier, round);
        let scored = dossier.assessments.iter().any(|a| a.round == round)
            || dossier.consensus.iter().any(|c| c.round == round);
        if !scored {
            continue;
        }
        let mut heading = Some(format!("\nRound {round}:"));
        for a in &eval.applications {
            if a.status == Status::NotInvited {
                let stray = dossier.assessments_for(&a.id, round).count();
                if stray > 0 {
                    if let Some(h) = heading.take() {
                        writeln!(out, "{h}")?;
                    }
                    writeln!(
                        out,
                        "  {} ({}): {stray} round-2 assessment(s), but round 1 did not invite it; they do not count",
                        a.id, a.region
                    )?;
                }
                continue;
            }
            let drafts = dossier
                .assessments_for(&a.id, round)
                .filter(|x| !x.is_submitted())
                .count();
            let consensus_draft = dossier
                .consensus_for(&a.id, round)
                .is_some_and(|c| !c.is_recorded());
            if a.missing.is_empty() && drafts == 0 && !consensus_draft {
                continue;
            }
            if let Some(h) = heading.take() {
                writeln!(out, "{h}")?;
            }
            writeln!(out, "  {} ({}): {}", a.id, a.region, a.status.code())?;
            for m in &a.missing {
                writeln!(out, "    - {m}")?;
            }
            if drafts > 0 {
                writeln!(out, "    - {drafts} assessment(s) not yet submitted")?;
            }
            if consensus_draft {
                writeln!(
                    out,
                    "    - a consensus draft: it counts once the chair records it"
                )?;
            }
        }
    }
    out.push_str(&super::decide::notes(&rubric, &dossier));
    if out.lines().count() == 1 {
        writeln!(out, "Nothing is incomplete.")?;
    }
    Ok(out)
}

/// `N:HASH`, as the sheets print the head of the log.
pub(super) fn parse_head(s: &str) -> Result<(usize, String), String> {
    let (n, hash) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?}: give the head as N:HASH, as printed on a sheet"))?;
    let n = n
        .trim()
        .parse()
        .map_err(|_| format!("{n:?}: the number of entries must be a whole number"))?;
    let hash = hash.trim().to_ascii_lowercase();
    if hash.len() < 8 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "{hash:?}: the hash is at least 8 hexadecimal characters"
        ));
    }
    Ok((n, hash))
}

/// The log's chain and what it accounts for are checked by loading; this
/// prints the head, and holds the log to a head printed earlier.
pub(super) fn verify(
    path: &Path,
    head: Option<&(usize, String)>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let (_, dossier) = read_dossier(path, rubric)?;
    let (count, hash) = leidraad_core::audit::head(&dossier);
    let mut out = format!(
        "{}: the audit log's chain holds and the data is what it accounts for\nhead {count}:{}\n",
        path.display(),
        leidraad_core::rubric::short_hash(hash)
    );
    if let Some((n, h)) = head {
        if !leidraad_core::audit::holds_head(&dossier, *n, h) {
            return Err(Failure(format!(
                "{}: the audit log does NOT hold the head {n}:{h}: entries were removed or the log was rewritten since that head was printed",
                path.display()
            )));
        }
        writeln!(out, "the log still holds the head {n}:{h}")?;
    }
    Ok(out)
}

pub(super) fn history(
    path: &Path,
    application: Option<&str>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let (_, dossier) = read_dossier(path, rubric)?;
    let app = application.map(leidraad_core::dossier::ApplicationId::from);
    if let Some(id) = &app
        && dossier.application(id).is_none()
    {
        return Err(Failure(format!("{}: no application {id}", path.display())));
    }
    let mut out = String::new();
    writeln!(
        out,
        "at\tby\tapplication\tround\tsubject\tcriterion\tfield\told\tnew"
    )?;
    // One line per entry, and nothing a terminal would act on: tabs and
    // line breaks become spaces, other control characters (ESC, ...) are
    // shown escaped (`\u{1b}`).
    let one_line = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => " ".to_string(),
                c if c.is_control() => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect()
    };
    for e in dossier
        .audit
        .iter()
        .filter(|e| app.is_none() || e.application == app)
    {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}\t{}",
            e.at.to_rfc3339(),
            one_line(&e.by),
            e.application.as_ref().map_or("", |a| a.0.as_str()),
            e.round.map_or(String::new(), |r| r.to_string()),
            one_line(&e.subject),
            e.criterion.as_ref().map_or("", |c| c.as_str()),
            e.field,
            one_line(&e.old),
            one_line(&e.new),
        )?;
    }
    Ok(out)
}
