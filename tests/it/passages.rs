//! The passage finder against the evaluation set (tests/fixtures/passages):
//! the seed plans as text, and as PDFs made from them when LibreOffice is at
//! hand. Prints the figures per document (`cargo test passages --
//! --nocapture`) and holds the finder to its targets.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use leidraad_core::passages::{Found, Index, Query, keyword_baseline};
use leidraad_core::rubric::Rubric;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    document: String,
    criterion: String,
    passages: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    quote: String,
    #[serde(default)]
    negative: bool,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/passages")
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(dir().join("evaluation.ron")).unwrap();
    ron::from_str(&text).unwrap()
}

/// The seed file of a document number ("002").
fn seed(document: &str) -> PathBuf {
    std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(document)
        })
        .unwrap()
}

fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where (from 1) the first passage holding the quote stands, if in `found`.
fn rank_of(found: &Found, quote: &str) -> Option<usize> {
    let quote = squash(quote);
    found
        .passages
        .iter()
        .position(|p| squash(&p.text).contains(&quote))
        .map(|i| i + 1)
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// Pairs with a decisive passage, and those with one in the top 5.
    with: usize,
    decisive_top5: usize,
    negative: usize,
    negative_top5: usize,
    /// Pairs without a passage, and how often found was false for them.
    without: usize,
    said_nothing_right: usize,
    /// How often found was false at all.
    said_nothing: usize,
}

impl Tally {
    fn add(&mut self, case: &Case, found: &Found) {
        if !found.found {
            self.said_nothing += 1;
        }
        if case.passages.is_empty() {
            self.without += 1;
            if !found.found {
                self.said_nothing_right += 1;
            }
            return;
        }
        self.with += 1;
        let ranks: Vec<Option<usize>> = case
            .passages
            .iter()
            .map(|e| rank_of(found, &e.quote))
            .collect();
        if ranks.iter().any(|r| r.is_some_and(|r| r <= 5)) {
            self.decisive_top5 += 1;
        }
        for (e, r) in case.passages.iter().zip(&ranks) {
            if e.negative {
                self.negative += 1;
                let negated = r.is_some_and(|r| found.passages[r - 1].negated);
                if r.is_some_and(|r| r <= 5) && negated {
                    self.negative_top5 += 1;
                }
            }
        }
    }

    fn line(&self, name: &str) -> String {
        let share = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{a}/{b} ({:.0}%)", 100.0 * a as f64 / b as f64)
            }
        };
        format!(
            "{name:<24} decisive in top 5: {:<14} negative in top 5 (marked): {:<10} found:false right: {} of {} said; {} of {} unaddressed",
            share(self.decisive_top5, self.with),
            share(self.negative_top5, self.negative),
            self.said_nothing_right,
            self.said_nothing,
            self.said_nothing_right,
            self.without,
        )
    }
}

/// Run the finder and the baseline over every case; the pages of each
/// document come from `pages`.
fn evaluate(label: &str, pages: &dyn Fn(&str) -> (Vec<String>, bool)) -> (Tally, Found) {
    let rubric = Rubric::builtin();
    let mut finder: BTreeMap<String, Tally> = BTreeMap::new();
    let mut baseline: BTreeMap<String, Tally> = BTreeMap::new();
    let mut documents: BTreeMap<String, (Vec<String>, bool, Index)> = BTreeMap::new();
    let mut ko2 = None;
    for case in cases() {
        let (text, paged, index) = documents.entry(case.document.clone()).or_insert_with(|| {
            let (text, paged) = pages(&case.document);
            let index = Index::new(&text, paged);
            (text, paged, index)
        });
        let _ = paged;
        let query = Query::for_criterion(&rubric, &case.criterion).unwrap();
        let found = index.search(&query, 5);
        let terms = rubric
            .knockout(&case.criterion)
            .map(|k| k.search_terms.clone())
            .or_else(|| {
                rubric
                    .criterion(&case.criterion)
                    .map(|c| c.search_terms.clone())
            })
            .unwrap();
        let naive = keyword_baseline(text, &terms, 5);
        let missed = !case.passages.is_empty()
            && !case
                .passages
                .iter()
                .any(|e| rank_of(&found, &e.quote).is_some_and(|r| r <= 5));
        if missed || (case.passages.is_empty() && found.found) {
            let first = found.passages.first().map_or(String::new(), |p| {
                p.text.chars().take(90).collect::<String>()
            });
            println!(
                "  miss {} {}: first is {first:?}",
                case.document, case.criterion
            );
        }
        finder
            .entry(case.document.clone())
            .or_default()
            .add(&case, &found);
        baseline
            .entry(case.document.clone())
            .or_default()
            .add(&case, &naive);
        if case.document == "002" && case.criterion == "KO2" {
            ko2 = Some(found);
        }
    }
    let mut total = Tally::default();
    let mut base_total = Tally::default();
    println!("\n{label}");
    for (doc, t) in &finder {
        println!("  {}", t.line(&format!("{doc} finder")));
        println!(
            "  {}",
            baseline[doc].line(&format!("{doc} keyword baseline"))
        );
        for (sum, t) in [(&mut total, t), (&mut base_total, &baseline[doc])] {
            sum.with += t.with;
            sum.decisive_top5 += t.decisive_top5;
            sum.negative += t.negative;
            sum.negative_top5 += t.negative_top5;
            sum.without += t.without;
            sum.said_nothing += t.said_nothing;
            sum.said_nothing_right += t.said_nothing_right;
        }
    }
    println!("  {}", total.line("all finder"));
    println!("  {}", base_total.line("all keyword baseline"));
    (total, ko2.expect("002 KO2 is in the evaluation set"))
}

fn hold_to_targets(total: Tally, ko2: &Found) {
    assert!(
        total.decisive_top5 * 10 >= total.with * 9,
        "a decisive passage in the top 5 for {} of {} pairs; the target is 90%",
        total.decisive_top5,
        total.with
    );
    let rank = rank_of(
        ko2,
        "We willen in dit stadium geen regionaal veiligheidsteam oprichten",
    )
    .expect("002's KO2 sentence is found");
    assert!(rank <= 3, "002's KO2 sentence stands at {rank}");
    assert!(
        ko2.passages[rank - 1].negated,
        "{:?}",
        ko2.passages[rank - 1]
    );
    assert!(ko2.found);
}

#[test]
fn passages_in_the_seed_texts_meet_the_targets() {
    let (total, ko2) = evaluate("seed texts", &|doc| {
        let e = leidraad_docs::extract_file(&seed(doc)).unwrap();
        (e.pages, e.paged)
    });
    hold_to_targets(total, &ko2);
    // The unaddressed criteria: most are said to have nothing convincing.
    assert!(
        total.said_nothing_right * 2 >= total.without,
        "found: false for only {} of {} unaddressed pairs",
        total.said_nothing_right,
        total.without
    );
}

/// The same on PDFs made from the seed texts by LibreOffice, when it is
/// installed (`apt-get install libreoffice-writer-nogui`); CI has none, so
/// there the text run above is the check.
#[test]
fn passages_in_pdfs_made_from_the_seeds_meet_the_targets() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|cmd| {
        std::process::Command::new(cmd)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("LibreOffice not installed: the PDF evaluation is skipped");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let profile = out.path().join("profile");
    let mut cmd = std::process::Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--convert-to", "pdf", "--outdir"])
    .arg(out.path());
    for doc in ["002", "003", "004"] {
        cmd.arg(seed(doc));
    }
    let status = cmd.output().unwrap();
    assert!(status.status.success(), "{status:?}");
    let (total, ko2) = evaluate("PDFs made by LibreOffice", &|doc| {
        let name = seed(doc).with_extension("pdf");
        let pdf = out.path().join(name.file_name().unwrap());
        let e = leidraad_docs::extract_file(&pdf).unwrap();
        assert!(e.pages.len() > 10);
        (e.pages, e.paged)
    });
    hold_to_targets(total, &ko2);
    // The page as LibreOffice lays out the text (line 458 of 1260).
    let rank = rank_of(&ko2, "We willen in dit stadium geen regionaal").unwrap();
    assert_eq!(ko2.passages[rank - 1].page, Some(12), "{:?}", ko2.passages);
}

fn docs_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/docs/tests/fixtures")
        .join(name)
}

fn leidraad() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("leidraad").unwrap()
}

#[test]
fn the_passages_command_writes_the_json_of_section_5() {
    let pdf = docs_fixture("excerpt.pdf");
    let out = leidraad()
        .arg("passages")
        .arg(&pdf)
        .args(["--criterion", "KO2", "--top", "2", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 5);
    // The keys in the documented order.
    let order: Vec<usize> = [
        "\"document\"",
        "\"sha256\"",
        "\"criterion\"",
        "\"found\"",
        "\"passages\"",
    ]
    .iter()
    .map(|k| text.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(json["document"], "excerpt.pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert_eq!(json["sha256"], leidraad_core::document::sha256_hex(&bytes));
    assert_eq!(json["criterion"], "KO2");
    assert_eq!(json["found"], true);
    let passages = json["passages"].as_array().unwrap();
    assert!(!passages.is_empty() && passages.len() <= 2);
    let first = &passages[0];
    assert_eq!(first["page"], 1);
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .starts_with("We willen in dit stadium geen regionaal veiligheidsteam oprichten"),
        "{first}"
    );
    assert_eq!(first["negated"], true);
    assert!(
        first["terms"]
            .as_array()
            .unwrap()
            .contains(&"regionaal veiligheidsteam".into())
    );
    let score = first["score"].as_f64().unwrap();
    assert!(score > 0.0 && score <= 1.0);
}

#[test]
fn the_passages_command_says_when_nothing_is_convincing() {
    let out = leidraad()
        .arg("passages")
        .arg(docs_fixture("excerpt.odt"))
        .args(["--criterion", "C5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Nothing convincing found"), "{text}");
    assert!(text.contains("not a judgement"), "{text}");
}

#[test]
fn the_passages_command_refuses_a_scan_and_an_unknown_criterion() {
    let out = leidraad()
        .arg("passages")
        .arg(docs_fixture("scan.pdf"))
        .args(["--criterion", "KO2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("scan.pdf: this PDF has no text layer"),
        "{err}"
    );

    let out = leidraad()
        .arg("passages")
        .arg(docs_fixture("excerpt.pdf"))
        .args(["--criterion", "KO9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no knock-out or criterion \"KO9\""), "{err}");
    assert!(err.contains("KO1, KO2"), "{err}");
}

/// A copy of the minimal dossier in a temporary folder.
fn dossier_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dossier-v1-minimal.ron"),
        &path,
    )
    .unwrap();
    (dir, path)
}

#[test]
fn attach_keeps_the_plan_in_the_dossier_with_its_text_and_a_log_entry() {
    use leidraad_core::document::Kind;
    let (_dir, path) = dossier_copy();
    let out = leidraad()
        .arg("attach")
        .arg(&path)
        .args(["--application", "A01", "--by", "Femke Hoogland"])
        .arg(docs_fixture("excerpt.pdf"))
        .arg(docs_fixture("excerpt.docx"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("attached: excerpt.pdf (plan van aanpak, 2 pages, sha256 "),
        "{text}"
    );
    assert!(text.contains("attached: excerpt.docx"), "{text}");

    let (_, dossier) = leidraad_core::session::read(&path, None).unwrap();
    let app = &dossier.applications[0];
    assert_eq!(app.attachments.len(), 2);
    let pdf = &app.attachments[0];
    assert_eq!(pdf.name, "excerpt.pdf");
    assert_eq!(pdf.kind, Kind::Plan);
    let bytes = std::fs::read(docs_fixture("excerpt.pdf")).unwrap();
    assert_eq!(pdf.sha256, leidraad_core::document::sha256_hex(&bytes));
    assert!(pdf.paged);
    assert_eq!(pdf.pages.len(), 2);
    assert!(
        pdf.pages[0]
            .replace('\n', " ")
            .contains("geen regionaal veiligheidsteam")
    );
    // The kept text is searchable as the file itself.
    let index = Index::new(&pdf.pages, pdf.paged);
    let rubric = Rubric::builtin();
    let found = index.search(&Query::for_criterion(&rubric, "KO2").unwrap(), 3);
    assert!(found.passages[0].negated);

    let history = leidraad().arg("history").arg(&path).output().unwrap();
    let history = String::from_utf8(history.stdout).unwrap();
    assert!(history.contains("Femke Hoogland"), "{history}");
    assert!(
        history.contains("plan van aanpak: excerpt.pdf (2 pagina's"),
        "{history}"
    );

    // The same file again: nothing changes.
    let before = std::fs::read(&path).unwrap();
    let out = leidraad()
        .arg("attach")
        .arg(&path)
        .args(["--application", "A01"])
        .arg(docs_fixture("excerpt.pdf"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("already attached: excerpt.pdf")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn attach_refuses_a_scan_or_an_unknown_application_and_changes_nothing() {
    let (_dir, path) = dossier_copy();
    let before = std::fs::read(&path).unwrap();
    // A good file and a scan: neither is attached.
    let out = leidraad()
        .arg("attach")
        .arg(&path)
        .args(["--application", "A01", "--kind", "begroting"])
        .arg(docs_fixture("excerpt.pdf"))
        .arg(docs_fixture("scan.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no text layer")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let out = leidraad()
        .arg("attach")
        .arg(&path)
        .args(["--application", "B99"])
        .arg(docs_fixture("excerpt.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no application B99"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_package_carries_the_attached_plan() {
    let (dir, path) = dossier_copy();
    let ok = leidraad()
        .arg("attach")
        .arg(&path)
        .args(["--application", "A01"])
        .arg(docs_fixture("excerpt.odt"))
        .output()
        .unwrap();
    assert!(ok.status.success(), "{ok:?}");
    let package = dir.path().join("pakket.ron");
    let out = leidraad()
        .arg("package")
        .arg(&path)
        .args(["--assessor", "Femke Hoogland", "--out"])
        .arg(&package)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let (_, p) = leidraad_core::session::read(&package, None).unwrap();
    let app = p.applications.iter().find(|a| a.id.0 == "A01").unwrap();
    assert_eq!(app.attachments.len(), 1);
    assert!(
        app.attachments[0]
            .pages
            .concat()
            .contains("Ervaringsdeskundigen")
    );
}

/// A blank self-check file in a temporary folder, as `leidraad zelftoets`
/// writes it.
fn blank_selfcheck(dir: &Path) -> PathBuf {
    let out = leidraad().arg("zelftoets").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let path = dir.join("zelftoets.ron");
    std::fs::write(&path, out.stdout).unwrap();
    path
}

#[test]
fn the_selfcheck_shows_the_passages_per_knockout_and_flags_a_negation() {
    let dir = tempfile::tempdir().unwrap();
    let file = blank_selfcheck(dir.path());
    let pdf = dir.path().join("zelftoets.pdf");
    let out = leidraad()
        .arg("zelftoets")
        .arg(&file)
        .arg("--plan")
        .arg(seed("002"))
        .args(["--date", "2022-05-01", "--pdf"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let section = &text[text
        .find("5. Vindplaatsen in het conceptplan")
        .expect(&text)..];
    assert!(
        section.contains("Hij vindt passages; hij beoordeelt ze niet."),
        "{section}"
    );
    let ko2 = &section[section.find("KO2 Regionaal veiligheidsteam").unwrap()..];
    let ko2 = &ko2[..ko2.find("KO3").unwrap()];
    assert!(
        ko2.contains("– rode vlag: uw plan zegt: “We willen in dit stadium geen regionaal veiligheidsteam oprichten"),
        "{ko2}"
    );
    // Every knock-out has its line, and 002 speaks to each of them.
    for ko in ["KO1", "KO3", "KO4", "KO5", "KO6", "KO7", "KO8"] {
        assert!(section.contains(&format!("  {ko} ")), "{ko}");
    }

    let pages = crate::report_support::pages(&std::fs::read(&pdf).unwrap());
    let all = crate::report_support::squash(&pages.join("\n"));
    for piece in [
        "5. Vindplaatsen in het conceptplan",
        "hij beoordeelt ze niet",
        "rode vlag: uw plan zegt: “We willen in dit stadium geen regionaal veiligheidsteam oprichten",
    ] {
        assert!(
            all.contains(&crate::report_support::squash(piece)),
            "{piece} not in the PDF"
        );
    }
}

#[test]
fn the_selfcheck_names_a_knockout_without_a_passage_as_a_risk() {
    let dir = tempfile::tempdir().unwrap();
    let file = blank_selfcheck(dir.path());
    let out = leidraad()
        .arg("zelftoets")
        .arg(&file)
        .arg("--plan")
        .arg(seed("004"))
        .args(["--date", "2022-05-01"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    // 004 (the plan van aanpak of 2022) says nothing of complex divorces.
    let section = &text[text.find("5. Vindplaatsen").unwrap()..];
    let ko6 = &section[section.find("KO6 Complexe scheidingen").unwrap()..];
    let ko6 = &ko6[..ko6.find("KO7").unwrap()];
    assert!(
        ko6.contains("– geen passage gevonden: knock-outrisico"),
        "{ko6}"
    );
    // Without a plan there is no such section.
    let out = leidraad().arg("zelftoets").arg(&file).output().unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("Vindplaatsen")
    );
}
