//! The ranking as JSON (exactly `../shared/formats.md` §2), as a readable
//! text table and as CSV: three renderings of one [`Evaluation`].

use serde::Serialize;

use crate::rubric::Rubric;
use crate::scoring::{Evaluation, Status};

#[derive(Serialize)]
struct JsonRanking<'a> {
    rubric: JsonRubric<'a>,
    round: u8,
    threshold: u32,
    award_count: u32,
    applications: Vec<JsonApp<'a>>,
    #[serde(rename = "final")]
    is_final: bool,
    pending: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonRubric<'a> {
    id: &'a str,
    version: &'a str,
    hash: String,
}

#[derive(Serialize)]
struct JsonApp<'a> {
    id: &'a str,
    region: &'a str,
    rank: Option<u32>,
    total: Option<String>,
    total_exact: Option<String>,
    status: &'static str,
    failed_ko: Vec<&'a str>,
    tie_group: Option<u32>,
    consensus: bool,
    assessors: u32,
}

pub fn to_json(rubric: &Rubric, eval: &Evaluation) -> String {
    let ranking = JsonRanking {
        rubric: JsonRubric {
            id: &rubric.id,
            version: &rubric.version,
            hash: rubric.hash(),
        },
        round: eval.round.number(),
        threshold: eval.threshold,
        award_count: eval.award_count,
        applications: eval
            .applications
            .iter()
            .map(|a| JsonApp {
                id: &a.id.0,
                region: &a.region,
                rank: a.rank,
                total: a.total.map(|t| t.to_decimal()),
                total_exact: a.total.map(|t| t.to_fraction()),
                status: a.status.code(),
                failed_ko: a.failed_ko.iter().map(|k| k.as_str()).collect(),
                tie_group: a.tie_group,
                consensus: a.consensus,
                assessors: a.assessors,
            })
            .collect(),
        is_final: eval.is_final,
        pending: eval.pending.iter().map(|p| p.0.as_str()).collect(),
    };
    serde_json::to_string_pretty(&ranking).expect("a ranking serialises")
}

pub fn to_csv(eval: &Evaluation) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record([
        "rank",
        "application",
        "region",
        "total",
        "total_exact",
        "status",
        "failed_ko",
        "tie_group",
        "consensus",
        "assessors",
    ])
    .expect("in memory");
    for a in &eval.applications {
        w.write_record([
            a.rank.map(|r| r.to_string()).unwrap_or_default(),
            a.id.0.clone(),
            a.region.clone(),
            a.total.map(|t| t.to_decimal()).unwrap_or_default(),
            a.total.map(|t| t.to_fraction()).unwrap_or_default(),
            a.status.code().to_string(),
            a.failed_ko
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            a.tie_group.map(|g| g.to_string()).unwrap_or_default(),
            a.consensus.to_string(),
            a.assessors.to_string(),
        ])
        .expect("in memory");
    }
    String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8")
}

/// A readable table with the threshold and award lines drawn in.
pub fn to_text(rubric: &Rubric, eval: &Evaluation) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({}), round {}: threshold {}, award count {}\n\n",
        rubric.title, rubric.version, eval.round, eval.threshold, eval.award_count
    ));
    let region_width = eval
        .applications
        .iter()
        .map(|a| a.region.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let id_width = eval
        .applications
        .iter()
        .map(|a| a.id.0.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let header = format!(
        "{:>4}  {:<id_width$}  {:<region_width$}  {:>7}  {:<16}  {:<9}  {:>3}  notes",
        "rank", "id", "region", "total", "status", "consensus", "n"
    );
    out.push_str(&header);
    out.push('\n');
    out.push_str(&"-".repeat(header.chars().count()));
    out.push('\n');
    let threshold = crate::exact::Exact::from(eval.threshold);
    let width = header.chars().count();
    let line = |label: &str| format!("{:-^width$}\n", format!(" {label} "));
    let mut award_line_drawn = false;
    let mut threshold_drawn = false;
    let mut unranked_drawn = false;
    let mut awarded_seen = false;
    for a in &eval.applications {
        let in_award = matches!(
            a.would_be.unwrap_or(a.status),
            Status::Awarded | Status::Tie
        );
        if a.status.is_ranked() {
            if eval.round == crate::dossier::Round::Two
                && awarded_seen
                && !in_award
                && !award_line_drawn
            {
                out.push_str(&line("award line"));
                award_line_drawn = true;
            }
            if !threshold_drawn && a.total.is_some_and(|t| t < threshold) {
                out.push_str(&line(&format!("{} points", eval.threshold)));
                threshold_drawn = true;
            }
        } else if !unranked_drawn {
            if eval.round == crate::dossier::Round::Two && awarded_seen && !award_line_drawn {
                out.push_str(&line("award line"));
                award_line_drawn = true;
            }
            out.push_str(&line("not ranked"));
            unranked_drawn = true;
        }
        awarded_seen |= in_award;
        let mut notes = Vec::new();
        if !a.failed_ko.is_empty() {
            notes.push(format!(
                "failed {}",
                a.failed_ko
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(g) = a.tie_group {
            notes.push(format!("tie group {g}: the panel must record a decision"));
        }
        if a.decision.is_some() {
            notes.push("place settled by a recorded decision".into());
        }
        if let Some(w) = a.would_be {
            notes.push(format!("would be {} once final", w.code()));
        }
        if a.waiver.is_some() {
            notes.push("below the minimum, ranked for award by a recorded waiver".into());
        }
        if a.status == Status::Incomplete {
            notes.push(
                a.missing
                    .iter()
                    .take(3)
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        let total = a.total.map_or_else(|| "-".to_string(), |t| t.to_decimal());
        let row = format!(
            "{:>4}  {:<id_width$}  {:<region_width$}  {:>7}  {:<16}  {:<9}  {:>3}  {}",
            a.rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
            a.id.0,
            a.region,
            total,
            a.status.code(),
            if a.consensus { "yes" } else { "no" },
            a.assessors,
            notes.join("; ")
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    for t in &eval.ties {
        out.push_str(&format!(
            "\nTie at the award line: {} share {} points for {} place(s){}\n",
            t.members
                .iter()
                .map(|m| m.0.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            t.total.to_decimal(),
            t.places,
            if t.decision.is_some() {
                "; settled by a recorded decision"
            } else {
                "; the panel must record a decision"
            }
        ));
    }
    if !eval.is_final {
        out.push_str(&format!(
            "\nPROVISIONAL: {} not complete yet; nobody is awarded while the outcome can still change ({})\n",
            eval.pending
                .iter()
                .map(|p| p.0.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            crate::nl::provisional(&eval.pending)
        ));
    }
    for st in eval.stale() {
        out.push_str(&format!(
            "\nSTALE decision {} (index {}): not applied; {}\n",
            st.index + 1,
            st.index,
            st.why
        ));
    }
    out
}
