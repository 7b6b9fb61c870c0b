//! The workbooks read back: with `calamine` (always), from their parts
//! (number formats, frozen rows), and converted by LibreOffice headless
//! where `soffice` is installed.

mod office;
mod parts;
mod readback;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use leidraad_core::dossier::{ApplicationId, Decision, DecisionKind, Dossier, Round};
use leidraad_core::rubric::Rubric;
use leidraad_core::testkit;

/// The motivation given to one score: Dutch characters, and a text that a
/// spreadsheet would run as a formula if it were not typed as text.
pub const DUTCH_MOTIVATION: &str = "Financiën, wonen en zorg: goed beschreven; één regel.";
pub const FORMULA_MOTIVATION: &str = "=SOM(A1:A9)";

/// The example dossier with two motivations changed and the tie of round
/// 2 settled by a recorded decision (A04 awarded).
pub fn fixture() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let path = testkit::repo_root().join("assets/voorbeelddossier.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let mut d =
        leidraad_core::store::parse_dossier(&text, "voorbeelddossier.ron", &rubric).unwrap();
    let a01 = ApplicationId::from("A01");
    let a = d
        .assessments
        .iter_mut()
        .find(|a| a.application == a01 && a.round == Round::One && a.is_submitted())
        .unwrap();
    a.criteria.get_mut(&"C4".into()).unwrap().motivation = DUTCH_MOTIVATION.into();
    a.criteria.get_mut(&"C2".into()).unwrap().motivation = FORMULA_MOTIVATION.into();
    let group: BTreeSet<ApplicationId> = ["A04", "A07"].map(ApplicationId::from).into();
    d.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::TieBreak {
            group,
            awarded: [ApplicationId::from("A04")].into(),
        },
        motivation: "A04 onderbouwt de financiën beter.".into(),
        by: "J. de Vries".into(),
        at: Some(testkit::when()),
        basis: Default::default(),
    });
    (rubric, d)
}

pub fn made() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2022, 10, 3)
        .unwrap()
        .and_hms_opt(14, 5, 0)
        .unwrap()
}

/// Export the fixture to `dir/NAME` and give the path.
pub fn exported(dir: &Path, name: &str) -> PathBuf {
    let (rubric, dossier) = fixture();
    let path = dir.join(name);
    leidraad_sheet::export(&rubric, &dossier, None, &path, made()).unwrap();
    path
}
