//! The self-check for applicants (issue 7): knock-out risks first, the
//! points-to-gain order, the budget checks, save/load, the PDF marking on
//! every page and the command line. Invented data only.

use crate::report_support;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leidraad_core::dossier::Value;
use leidraad_core::exact::Exact;
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::selfcheck::{Budget, Finding, KoAnswer, KoCheck, SelfCheck, SelfScore};

fn id(s: &str) -> CriterionId {
    CriterionId::new(s)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ko(check: &mut SelfCheck, ko: &str, answer: KoAnswer, note: &str) {
    check.knockouts.insert(
        id(ko),
        KoCheck {
            answer,
            note: note.to_string(),
        },
    );
}

/// Every knock-out plausible, every criterion scored: C1 ja, C4 all items
/// 1, the ranges in the middle, C11 12.
fn full_check(rubric: &Rubric) -> SelfCheck {
    let mut c = SelfCheck::new(rubric);
    c.title = "Concept proeftuin Regio Zuidwaard".to_string();
    for k in &rubric.knockouts {
        ko(&mut c, k.id.as_str(), KoAnswer::Plausible, "");
    }
    let values = [
        ("C1", Value::Yes),
        ("C2", Value::Points(8)),
        ("C3", Value::Points(5)),
        (
            "C4",
            Value::Items(
                ["financien", "wonen", "zorg", "gezin", "werk"]
                    .iter()
                    .map(|i| (i.to_string(), 1))
                    .collect::<BTreeMap<_, _>>(),
            ),
        ),
        ("C5", Value::Points(3)),
        ("C6", Value::Points(4)),
        ("C7", Value::Points(6)),
        ("C8", Value::Points(5)),
        ("C9", Value::Points(7)),
        ("C10", Value::Points(4)),
        ("C11", Value::Points(12)),
    ];
    for (crit, v) in values {
        c.set_value(rubric, &id(crit), Some(v)).unwrap();
    }
    c.documents = rubric
        .process
        .documents
        .iter()
        .map(|d| d.id.clone())
        .collect();
    c.signatures = rubric.process.signatories.iter().cloned().collect();
    c.budget = Budget {
        years: [(2022, 150_000), (2023, 350_000)].into_iter().collect(),
        stated_total: Some(500_000),
        own_contribution: Some(100_000),
        requested: Some(400_000),
    };
    c.date = Some(day(2022, 7, 1));
    c
}

#[test]
fn knockout_failures_come_first_then_doubts_then_open_questions() {
    let rubric = Rubric::builtin();
    let mut c = full_check(&rubric);
    ko(&mut c, "KO5", KoAnswer::DontKnow, "");
    ko(&mut c, "KO7", KoAnswer::NotPlausible, "");
    ko(&mut c, "KO2", KoAnswer::NotPlausible, "geen eigen team");
    c.knockouts.remove(&id("KO3"));
    let o = c.outcome(&rubric, day(2022, 7, 1));
    let order: Vec<(&str, KoAnswer)> = o
        .ko_risks
        .iter()
        .map(|r| (r.id.as_str(), r.answer))
        .collect();
    assert_eq!(
        order,
        [
            ("KO2", KoAnswer::NotPlausible),
            ("KO7", KoAnswer::NotPlausible),
            ("KO5", KoAnswer::DontKnow),
            ("KO3", KoAnswer::Open),
        ]
    );
    assert!(o.rejected());
    // The engine says the same: rejected on KO2 and KO7.
    assert_eq!(o.summary.failed_ko, vec![id("KO2"), id("KO7")]);
    let first = leidraad_report::strings::selfcheck::ko_risk(&o.ko_risks[0]);
    assert_eq!(
        first,
        "KO2 Regionaal veiligheidsteam: niet aannemelijk gemaakt: de aanvraag wordt afgewezen"
    );
    // What must be made plausible comes from the rubric.
    assert_eq!(
        o.ko_risks[0].plausible,
        rubric.knockout("KO2").unwrap().plausible
    );
    // The text output lists the knock-outs before the total.
    let text = leidraad_report::strings::selfcheck::text(&c.title, &o);
    let ko_at = text.find("KO2 Regionaal").unwrap();
    let total_at = text.find("Geschat totaal").unwrap();
    assert!(ko_at < total_at, "{text}");
    assert!(text.starts_with("Zelftoets: geen officiële beoordeling"));
}

#[test]
fn the_total_is_the_engines_and_is_held_against_the_threshold() {
    let rubric = Rubric::builtin();
    let c = full_check(&rubric);
    let o = c.outcome(&rubric, day(2022, 7, 1));
    // 5 + 8 + 5 + 5 + 3 + 4 + 6 + 5 + 7 + 4 + 12 = 64
    assert_eq!(o.total(), Exact::from(64));
    assert_eq!(o.threshold, 50);
    assert!(o.ko_risks.is_empty());
    assert!(!o.rejected());
    assert_eq!(o.summary.criteria_scored, o.summary.criteria_count);
    assert!(o.findings.is_empty(), "{:?}", o.findings);
    let line = leidraad_report::strings::selfcheck::standing_line(&o);
    assert!(line.starts_with("Op of boven de drempel van 50"), "{line}");
}

#[test]
fn the_criteria_with_the_most_points_to_gain_come_first() {
    let rubric = Rubric::builtin();
    let mut c = full_check(&rubric);
    c.set_value(&rubric, &id("C2"), Some(Value::Points(10)))
        .unwrap();
    c.set_value(&rubric, &id("C7"), None).unwrap();
    let o = c.outcome(&rubric, day(2022, 7, 1));
    let gains: Vec<(&str, u32)> = o.gains.iter().map(|g| (g.id.as_str(), g.gain)).collect();
    // C11: 25 - 12 = 13; C7 unscored: 8; C4: 10 - 5 = 5; C5, C8: 3
    // (the rubric's order among equals); C10: 4 comes before them.
    assert_eq!(
        gains,
        [
            ("C11", 13),
            ("C7", 8),
            ("C4", 5),
            ("C10", 4),
            ("C5", 3),
            ("C8", 3),
            ("C6", 2),
            ("C3", 1),
            ("C9", 1),
        ]
    );
    // Full marks (C1, C2) are not listed.
    assert!(
        !o.gains
            .iter()
            .any(|g| g.id.as_str() == "C1" || g.id.as_str() == "C2")
    );
    assert_eq!(o.gains[1].points, None);
    assert!(o.gains[0].guidance.is_some());
}

#[test]
fn the_budget_sums_are_checked_and_years_outside_the_window_flagged() {
    let rubric = Rubric::builtin();
    let mut c = full_check(&rubric);
    c.budget = Budget {
        years: [(2022, 120_000), (2023, 300_000), (2024, 40_000)]
            .into_iter()
            .collect(),
        stated_total: Some(450_000),
        own_contribution: Some(50_000),
        requested: Some(380_000),
    };
    let o = c.outcome(&rubric, day(2022, 7, 1));
    assert_eq!(
        o.findings,
        [
            Finding::YearsDoNotAddUp {
                sum: 460_000,
                stated: 450_000
            },
            Finding::PartsDoNotAddUp {
                own: 50_000,
                requested: 380_000,
                stated: 450_000
            },
            Finding::YearOutsideWindow {
                year: 2024,
                amount: 40_000,
                window: (2022, 2023)
            },
        ]
    );
    let text = leidraad_report::strings::selfcheck::finding(&o.findings[0]);
    assert_eq!(
        text,
        "De bedragen per jaar tellen op tot € 460.000, maar het plan noemt als totaal € 450.000 (verschil € 10.000)."
    );
    // Amounts that add up give no finding.
    c.budget.years.remove(&2024);
    c.budget.years.insert(2023, 330_000);
    c.budget.own_contribution = Some(70_000);
    let o = c.outcome(&rubric, day(2022, 7, 1));
    assert!(o.findings.is_empty(), "{:?}", o.findings);
}

#[test]
fn missing_documents_signatures_and_a_passed_deadline_are_findings() {
    let rubric = Rubric::builtin();
    let mut c = full_check(&rubric);
    c.documents.remove("aanvraagformulier");
    c.signatures.remove("GI");
    c.date = None;
    let o = c.outcome(&rubric, day(2022, 7, 16));
    assert_eq!(o.date, day(2022, 7, 16));
    assert_eq!(
        o.findings,
        [
            Finding::DocumentMissing {
                id: "aanvraagformulier".into(),
                name: "Aanvraagformulier subsidieverlening".into()
            },
            Finding::SignatureMissing("GI".into()),
            Finding::DeadlinePassed {
                deadline: day(2022, 7, 15),
                date: day(2022, 7, 16)
            },
        ]
    );
    // On the deadline itself it is not passed.
    let o = c.outcome(&rubric, day(2022, 7, 15));
    assert!(
        !o.findings
            .iter()
            .any(|f| matches!(f, Finding::DeadlinePassed { .. }))
    );
}

#[test]
fn a_value_outside_the_scale_is_refused() {
    let rubric = Rubric::builtin();
    let mut c = SelfCheck::new(&rubric);
    assert!(
        c.set_value(&rubric, &id("C3"), Some(Value::Points(7)))
            .is_err()
    );
    assert!(
        c.set_value(&rubric, &id("C1"), Some(Value::Points(5)))
            .is_err()
    );
    assert!(c.set_value(&rubric, &id("C99"), None).is_err());
    assert!(c.criteria.is_empty());
}

#[test]
fn a_self_check_saves_and_loads_and_a_bad_file_names_line_and_column() {
    let rubric = Rubric::builtin();
    let mut c = full_check(&rubric);
    ko(&mut c, "KO4", KoAnswer::DontKnow, "nog navragen bij \"VT\"");
    c.criteria.insert(
        id("C6"),
        SelfScore {
            value: None,
            note: "volgt".into(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zelftoets.ron");
    c.save(&path).unwrap();
    let back = SelfCheck::load(&path, &rubric).unwrap();
    assert_eq!(back, c);

    let text = std::fs::read_to_string(&path).unwrap();
    let bad = text.replace("Points(8)", "Points(11)");
    let err = SelfCheck::parse(&bad, "z.ron", &rubric).unwrap_err();
    let loc = err.location().unwrap();
    let line = bad.lines().nth(loc.line - 1).unwrap();
    assert!(line.contains("\"C2\""), "{err} points at {line:?}");
    assert!(err.to_string().contains("outside the scale"), "{err}");

    let other = text.replace("format_version: 1", "format_version: 9");
    let err = SelfCheck::parse(&other, "z.ron", &rubric).unwrap_err();
    assert!(
        err.to_string().contains("unknown format version 9"),
        "{err}"
    );
    assert_eq!(err.location().unwrap().line, 2);

    let unknown = text.replace("\"GI\"", "\"Wethouder\"");
    let err = SelfCheck::parse(&unknown, "z.ron", &rubric).unwrap_err();
    assert!(err.to_string().contains("unknown signatory"), "{err}");
}

#[test]
fn the_pdf_carries_the_marking_on_every_page() {
    let rubric = Rubric::builtin();
    let mut c = full_check(&rubric);
    // Long notes on every knock-out make the result run over pages.
    let long = "Dit moet nog worden uitgewerkt met de partners in de regio. ".repeat(12);
    for k in &rubric.knockouts {
        ko(&mut c, k.id.as_str(), KoAnswer::DontKnow, &long);
    }
    ko(&mut c, "KO2", KoAnswer::NotPlausible, &long);
    c.budget.years.insert(2021, 10_000);
    let pdf = leidraad_report::selfcheck::render(&rubric, &c, day(2022, 7, 1)).unwrap();
    let pages = report_support::pages(&pdf);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(
            report_support::squash(page).contains(&report_support::squash(
                "Zelftoets: geen officiële beoordeling"
            )),
            "page {} lacks the marking:\n{page}",
            i + 1
        );
    }
    let all = report_support::squashed(&pages).concat();
    for want in [
        "KO2 Regionaal veiligheidsteam: niet aannemelijk gemaakt: de aanvraag wordt afgewezen",
        "2021: € 10.000 valt buiten de bestedingsperiode 2022–2023.",
        "Geschat totaal: 64,00 van 100 punten",
    ] {
        assert!(
            all.contains(&report_support::squash(want)),
            "missing {want:?}"
        );
    }
    // KO risks come before the total.
    let ko_at = all.find(&report_support::squash("KO2 Regionaal")).unwrap();
    let total_at = all.find(&report_support::squash("Geschat totaal")).unwrap();
    assert!(ko_at < total_at);
}

#[test]
fn the_command_line_prints_a_template_the_result_and_the_pdf() {
    let bin = env!("CARGO_BIN_EXE_leidraad");
    let dir = tempfile::tempdir().unwrap();
    let blank = std::process::Command::new(bin)
        .arg("zelftoets")
        .output()
        .unwrap();
    assert!(blank.status.success());
    let template = String::from_utf8(blank.stdout).unwrap();
    let rubric = Rubric::builtin();
    let parsed = SelfCheck::parse(&template, "blank", &rubric).unwrap();
    assert_eq!(parsed, SelfCheck::new(&rubric));

    let mut c = full_check(&rubric);
    ko(&mut c, "KO2", KoAnswer::NotPlausible, "");
    c.budget.stated_total = Some(510_000);
    let file = dir.path().join("z.ron");
    c.save(&file).unwrap();
    let pdf = dir.path().join("z.pdf");
    let out = std::process::Command::new(bin)
        .args(["zelftoets", "--date", "2022-07-20", "--pdf"])
        .arg(&pdf)
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let ko_at = text
        .find("KO2 Regionaal veiligheidsteam: niet aannemelijk gemaakt")
        .unwrap();
    let total_at = text.find("Geschat totaal: 64,00 van 100").unwrap();
    let gain_at = text
        .find("C11 Algemene indruk: 13 punten te halen")
        .unwrap();
    let budget_at = text.find("tellen op tot € 500.000").unwrap();
    assert!(
        ko_at < total_at && total_at < gain_at && gain_at < budget_at,
        "{text}"
    );
    assert!(
        text.contains("De indieningstermijn is verstreken"),
        "{text}"
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // A broken file is a message with line:column and exit code 1.
    std::fs::write(
        &file,
        "SelfCheck(\n  format_version: 1,\n  titel: \"x\",\n)",
    )
    .unwrap();
    let out = std::process::Command::new(bin)
        .arg("zelftoets")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(":3:3: unknown field `titel`"), "{err}");
}

mod simulator {
    //! A whole self-check in the iced_test simulator: from the start screen
    //! through the five steps, clicking as an applicant would, to the
    //! result, a saved file and a PDF.

    use iced::widget::Id;
    use iced_test::Simulator;
    use leidraad::ui::app::{App, Message, Screen};
    use leidraad::ui::config::Config;
    use leidraad::ui::screen::selfcheck::{self, Amount};
    use leidraad_core::selfcheck::{KoAnswer, SelfCheck};

    const TALL: (f32, f32) = (1400.0, 9000.0);

    fn interact(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>)) {
        let messages: Vec<Message> = {
            let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
            act(&mut ui);
            ui.into_messages().collect()
        };
        for m in messages {
            let _ = app.update(m);
        }
    }

    fn click(app: &mut App, ids: &[&str]) {
        for id in ids {
            interact(app, |ui| {
                ui.click(Id::from(id.to_string()))
                    .unwrap_or_else(|e| panic!("click {id}: {e:?}"));
            });
        }
    }

    fn type_into(app: &mut App, id: &str, text: &str) {
        interact(app, |ui| {
            ui.click(Id::from(id.to_string()))
                .unwrap_or_else(|e| panic!("click {id}: {e:?}"));
            ui.typewrite(text);
        });
    }

    fn shows(app: &App, text: &str) -> bool {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        ui.find(text).is_ok()
    }

    fn state(app: &App) -> &selfcheck::State {
        match &app.screen {
            Screen::SelfCheck(s) => s,
            _ => panic!("not on the self-check screen"),
        }
    }

    #[test]
    fn a_whole_self_check_from_the_start_screen_to_the_pdf() {
        let mut app = App::new(Config::default(), None);
        click(&mut app, &["start-selfcheck"]);
        assert!(matches!(app.screen, Screen::SelfCheck(_)));
        assert!(shows(&app, "Zelftoets: geen officiële beoordeling"));

        // 1. Checklist
        type_into(&mut app, "selfcheck-title", "Concept Regio Zuidwaard");
        type_into(&mut app, "selfcheck-date", "01-07-2022");
        click(
            &mut app,
            &["doc-plan-van-aanpak", "doc-planning-begroting", "sign-0"],
        );
        assert!(shows(
            &app,
            "Indieningstermijn: uiterlijk 15-07-2022 (nog 14 dagen)."
        ));
        click(&mut app, &["step-next"]);

        // 2. Knock-outs: what must be made plausible is shown.
        assert!(shows(&app, "– de rechtsbescherming is geborgd"));
        click(
            &mut app,
            &[
                "KO1=ja",
                "KO2=niet",
                "KO3=weetniet",
                "KO4=ja",
                "KO5=ja",
                "KO6=ja",
                "KO7=ja",
                "KO8=ja",
            ],
        );
        click(&mut app, &["step-next"]);

        // 3. Criteria, with the anchors and what scores high.
        assert!(shows(
            &app,
            "1 = beperkte ondersteuning … 6 = ondersteuning stevig vormgegeven"
        ));
        click(
            &mut app,
            &[
                "C1=ja",
                "C2=8",
                "C3=5",
                "C4-financien=2",
                "C4-wonen=1",
                "C4-zorg=0",
                "C4-gezin=0",
                "C4-werk=0",
                "C5=nb",
                "C6=4",
                "C7=6",
                "C8=5",
                "C9=7",
                "C10=4",
                "C11=12",
            ],
        );
        click(&mut app, &["step-next"]);

        // 4. Budget: the years do not add up to the stated total.
        type_into(
            &mut app,
            &selfcheck::amount_id(Amount::Year(2022)),
            "150.000",
        );
        type_into(
            &mut app,
            &selfcheck::amount_id(Amount::Year(2023)),
            "300.000",
        );
        type_into(&mut app, &selfcheck::amount_id(Amount::Total), "€ 500.000");
        type_into(&mut app, &selfcheck::amount_id(Amount::Own), "100.000");
        type_into(
            &mut app,
            &selfcheck::amount_id(Amount::Requested),
            "400.000",
        );
        assert!(shows(
            &app,
            "De bedragen per jaar tellen op tot € 450.000, maar het plan noemt als totaal € 500.000 (verschil € 50.000)."
        ));
        click(&mut app, &["step-next"]);

        // 5. Result: KO first, the engine's total, gains, findings.
        let check = state(&app).check.clone();
        assert_eq!(check.title, "Concept Regio Zuidwaard");
        assert_eq!(check.answer(&"KO2".into()), KoAnswer::NotPlausible);
        assert!(shows(
            &app,
            "KO2 Regionaal veiligheidsteam: niet aannemelijk gemaakt: de aanvraag wordt afgewezen"
        ));
        // 5 + 8 + 5 + 3 + 0 + 4 + 6 + 5 + 7 + 4 + 12 = 59
        assert!(shows(
            &app,
            "Geschat totaal: 59,00 van 100 punten; de drempel voor de gespreksronde is 50."
        ));
        assert!(shows(
            &app,
            "C11 Algemene indruk: 13 punten te halen (zelfscore 12 van 25)"
        ));
        assert!(shows(&app, "Handtekening ontbreekt: GI."));

        // Save and load back; print the PDF.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("zelftoets.ron");
        let _ = app.update(Message::SelfCheck(selfcheck::Message::SavePlaced(Some(
            file.clone(),
        ))));
        let rubric = leidraad_core::rubric::Rubric::builtin();
        assert_eq!(SelfCheck::load(&file, &rubric).unwrap(), check);
        let pdf = dir.path().join("zelftoets.pdf");
        let _ = app.update(Message::SelfCheck(selfcheck::Message::PrintPlaced(Some(
            pdf.clone(),
        ))));
        let pages = super::report_support::pages(&std::fs::read(&pdf).unwrap());
        assert!(
            pages
                .iter()
                .all(|p| p.contains("Zelftoets: geen officiële beoordeling"))
        );

        // A new self-check is blank; opening the file brings it back.
        let _ = app.update(Message::SelfCheck(selfcheck::Message::New));
        let _ = app.update(Message::SelfCheck(selfcheck::Message::NewConfirmed));
        assert_eq!(state(&app).check, SelfCheck::new(&rubric));
        let _ = app.update(Message::SelfCheck(selfcheck::Message::Opened(Some(file))));
        assert_eq!(state(&app).check, check);
        assert!(shows(&app, "Concept Regio Zuidwaard"));

        // Home goes back to the start screen.
        let _ = app.update(Message::SelfCheck(selfcheck::Message::Home));
        assert!(matches!(app.screen, Screen::Start(_)));
    }
}

/// `leidraad zelftoets --template` prints a complete file: it reads back as
/// it is, names every knock-out and criterion, and a value typed into it
/// counts.
#[test]
fn the_template_is_complete_reads_back_and_counts_what_is_filled_in() {
    let out = assert_cmd::Command::cargo_bin("leidraad")
        .unwrap()
        .args(["zelftoets", "--template"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rubric = Rubric::builtin();
    let blank = SelfCheck::parse(&text, "template.ron", &rubric).unwrap();
    for k in &rubric.knockouts {
        assert_eq!(blank.answer(&k.id), KoAnswer::Open, "{}", k.id);
        assert!(text.contains(&format!("\"{}\": KoCheck", k.id)), "{}", k.id);
    }
    for c in rubric.criteria() {
        assert!(
            text.contains(&format!("\"{}\": SelfScore", c.id)),
            "{}",
            c.id
        );
    }
    assert!(
        text.contains("beperkte verbinding"),
        "anchor words are listed"
    );
    assert_eq!(
        blank.budget.years.keys().copied().collect::<Vec<_>>(),
        [2022, 2023]
    );

    let filled = text
        .replace(
            "\"C2\": SelfScore(value: None",
            "\"C2\": SelfScore(value: Some(Points(7))",
        )
        .replace(
            "\"KO2\": KoCheck(answer: Open",
            "\"KO2\": KoCheck(answer: NotPlausible",
        );
    let check = SelfCheck::parse(&filled, "ingevuld.ron", &rubric).unwrap();
    assert_eq!(check.value(&id("C2")), Some(&Value::Points(7)));
    assert!(check.answer(&id("KO2")) == KoAnswer::NotPlausible);
}

/// KO8 asks a budget with the own and the requested contribution: a
/// self-check without a budget, or without either part, says so.
#[test]
fn a_missing_budget_or_contribution_is_flagged() {
    let rubric = Rubric::builtin();
    let window = rubric.process.spending_years;
    let budget = rubric.process.budget_eur;
    assert_eq!(
        Budget::default().findings(window, budget),
        [Finding::NoBudget]
    );
    let only_years = Budget {
        years: BTreeMap::from([(2022, 400_000), (2023, 600_000)]),
        stated_total: Some(1_000_000),
        ..Budget::default()
    };
    let f = only_years.findings(window, budget);
    assert!(f.contains(&Finding::NoOwnContribution), "{f:?}");
    assert!(f.contains(&Finding::NoRequest), "{f:?}");
    let complete = Budget {
        own_contribution: Some(300_000),
        requested: Some(700_000),
        ..only_years
    };
    assert_eq!(complete.findings(window, budget), []);
}

/// The self-check PDF gives each criterion's scale with the leidraad's
/// anchor words and the applicant's own note beside the points to gain.
#[test]
fn the_pdf_gives_the_anchor_words_and_the_applicants_notes() {
    let rubric = Rubric::builtin();
    let mut c = SelfCheck::new(&rubric);
    c.criteria.insert(
        id("C5"),
        SelfScore {
            value: Some(Value::Points(3)),
            note: "POK-middelen nog niet gekoppeld.".into(),
        },
    );
    let pdf = leidraad_report::selfcheck::render(&rubric, &c, day(2022, 7, 1)).unwrap();
    let text = report_support::pages(&pdf).join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Schaal: 1 (beperkte verbinding) tot 6 (stevige verbinding)"),
        "{text}"
    );
    assert!(
        text.contains("Uw notitie: POK-middelen nog niet gekoppeld."),
        "{text}"
    );
}
