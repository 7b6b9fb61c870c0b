//! Roles (issue 17): the first start asks who uses the program and goes to
//! the right place; the header says the role in the open dossier; a name
//! that is neither staff nor an assessor sees no totals or statuses of
//! others; the ranking's round stays on the ranking; a read-only window has
//! its edit buttons disabled.

use std::path::Path;

use iced::widget::Id;
use iced_test::Simulator;
use iced_test::selector::Candidate;

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::config::{Config, Places, UserRole};
use leidraad::ui::screen::{list, panel, ranking, start};
use leidraad::ui::strings;
use leidraad_core::audit::Field;
use leidraad_core::dossier::{Dossier, EXAMPLE_SOURCE, Round};
use leidraad_core::roles::Role;
use leidraad_core::rubric::Rubric;

use crate::ui_support::{click, interact, shows};

const STAFF: &str = "Sanne Wijdeveld";
const ASSESSOR: &str = "Femke Hoogland";

fn places(dir: &Path) -> Places {
    Places {
        config_file: dir.join("config/instellingen.ron"),
        data_dir: dir.join("data"),
        documents: None,
    }
}

fn example() -> (Rubric, Dossier) {
    let r = Rubric::builtin();
    let d =
        leidraad_core::store::parse_dossier(EXAMPLE_SOURCE, "voorbeelddossier.ron", &r).unwrap();
    (r, d)
}

/// Whether a text `content` is drawn within `row`.
fn in_row(ui: &mut Simulator<'_, Message>, row: iced::Rectangle, content: &str) -> bool {
    ui.find(|c: Candidate<'_>| match c {
        Candidate::Text {
            content: text,
            bounds,
            ..
        } if text == content && row.contains(bounds.center()) => Some(()),
        _ => None,
    })
    .is_ok()
}

/// The messages a click on `id` produces (none from a disabled button).
fn messages_of_click(app: &App, id: &str) -> usize {
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        app.view(),
    );
    click(&mut ui, id);
    ui.into_messages().count()
}

#[test]
fn the_first_start_asks_who_uses_it_and_an_applicant_goes_straight_to_the_selfcheck() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = App::boot(None, Some(places(dir.path())));
    // No settings yet: the start screen with the question, no dossier.
    assert!(matches!(app.screen, Screen::Start(_)));
    assert!(
        app.session.is_none(),
        "no example dossier with everyone's scores"
    );
    assert!(shows(&app, strings::WHO_USES));
    assert!(!shows(&app, strings::WHO), "no name asked before the role");
    let mut app = app;
    interact(&mut app, |ui| {
        click(ui, &start::role_id(UserRole::Applicant))
    });
    assert!(matches!(app.screen, Screen::SelfCheck(_)));
    assert!(app.session.is_none());
    assert!(
        !places(dir.path()).example().exists(),
        "the example was not copied"
    );
    assert_eq!(
        Config::load(&places(dir.path()).config_file).role,
        Some(UserRole::Applicant),
        "kept in the settings"
    );

    // The next start goes straight to the self-check.
    let (again, _) = App::boot(None, Some(places(dir.path())));
    assert!(matches!(again.screen, Screen::SelfCheck(_)));
    assert!(again.session.is_none());
    assert!(!places(dir.path()).example().exists());
}

#[test]
fn an_assessor_chooses_the_role_gives_a_name_and_lands_on_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = App::boot(None, Some(places(dir.path())));
    interact(&mut app, |ui| {
        click(ui, &start::role_id(UserRole::Assessor))
    });
    assert!(
        matches!(app.screen, Screen::Start(_)),
        "the name comes next"
    );
    assert!(shows(&app, strings::WHO));
    interact(&mut app, |ui| {
        click(ui, "start-name");
        ui.typewrite(ASSESSOR);
    });
    let _ = app.update(Message::Start(start::Message::SaveName));
    assert!(
        matches!(app.screen, Screen::List),
        "on to the dossier's list"
    );
    let session = app.session.as_ref().expect("the example opened");
    assert_eq!(session.dossier().role_of(ASSESSOR), Role::Assessor);
    assert!(shows(
        &app,
        &format!("{}: {ASSESSOR}", strings::ROLE_ASSESSOR)
    ));
    let config = Config::load(&places(dir.path()).config_file);
    assert_eq!(
        (config.role, config.assessor.as_str()),
        (Some(UserRole::Assessor), ASSESSOR)
    );

    // The role is changed from the start screen: an applicant after all.
    let _ = app.update(Message::Home);
    assert!(shows(&app, strings::WHO_USES));
    interact(&mut app, |ui| {
        click(ui, &start::role_id(UserRole::Applicant))
    });
    assert!(matches!(app.screen, Screen::SelfCheck(_)));
    let (again, _) = App::boot(None, Some(places(dir.path())));
    assert!(matches!(again.screen, Screen::SelfCheck(_)));
}

#[test]
fn the_header_says_the_role_in_the_dossier() {
    for (name, label) in [
        (STAFF, strings::ROLE_STAFF),
        (ASSESSOR, strings::ROLE_ASSESSOR),
        ("Onbekende Naam", strings::ROLE_GUEST),
    ] {
        let (r, d) = example();
        let app = App::with_dossier(r, d, name);
        assert!(shows(&app, &format!("{label}: {name}")), "{name}");
        assert!(
            !shows(&app, &format!("{}: {name}", strings::ASSESSOR)) || label == strings::ASSESSOR,
            "{name} is not labelled Beoordelaar"
        );
    }
}

#[test]
fn a_name_neither_staff_nor_assessor_sees_no_totals_or_statuses_of_others() {
    let (r, d) = example();
    let mut staff = App::with_dossier(r.clone(), d.clone(), STAFF);
    let mut outsider = App::with_dossier(r, d, "Onbekende Naam");
    for round in Round::ALL {
        for app in [&mut staff, &mut outsider] {
            let _ = app.update(Message::List(list::Message::Round(round)));
        }
        // Staff see every total; the outsider sees none, and no status.
        assert!(!shows(&staff, strings::LIST_HIDDEN), "{round}");
        assert!(shows(&outsider, strings::LIST_HIDDEN), "{round}");
        for status in ["niet uitgenodigd", "onvolledig", "afgewezen", "gesprek"] {
            assert!(!shows(&outsider, status), "round {round}: {status}");
        }
    }
    // Round 2 of the example: A03 and A05 were not invited.
    assert!(shows(&staff, "niet uitgenodigd"));
    assert!(shows(&outsider, strings::OUTSIDER_BANNER));
    assert!(!shows(&staff, strings::OUTSIDER_BANNER));

    // Exporting everything is disabled for the outsider.
    assert_eq!(messages_of_click(&outsider, "list-export-all"), 0);
    assert_eq!(messages_of_click(&staff, "list-export-all"), 1);

    // The ranking says why it shows nothing, and offers no export.
    let _ = outsider.update(Message::List(list::Message::Ranking));
    assert!(shows(&outsider, strings::RANKING_BLIND_OUTSIDER));
    assert!(!shows(&outsider, strings::EXPORT_CSV));
    // The panel screen shows no one's scores, and no status: A04 is in a
    // tie in round 2 (the list is on round 2 now).
    let _ = outsider.update(Message::ToList);
    let _ = outsider.update(Message::List(list::Message::Panel("A04".into())));
    assert!(shows(&outsider, strings::PANEL_BLIND_OUTSIDER));
    assert!(!shows(&outsider, "gelijke stand"));
    // Nor whether round 1 invited it (the interview tab).
    let _ = outsider.update(Message::Panel(panel::Message::Tab(panel::Tab::Interview)));
    assert!(shows(&outsider, strings::PANEL_BLIND_OUTSIDER));
    let _ = staff.update(Message::List(list::Message::Panel("A04".into())));
    assert!(shows(&staff, "gelijke stand"));
    let _ = staff.update(Message::Panel(panel::Message::Tab(panel::Tab::Interview)));
    assert!(!shows(&staff, strings::PANEL_BLIND_OUTSIDER));
}

#[test]
fn round_two_hides_not_invited_where_the_round_one_total_is_hidden() {
    // An assessor with a draft of A03 in round 1 sees its round-1 total as
    // hidden, and so not whether round 1 invited it.
    let (r, mut d) = example();
    d.assessments
        .iter_mut()
        .find(|a| a.assessor == ASSESSOR && a.application.0 == "A03" && a.round == Round::One)
        .unwrap()
        .submitted = None;
    let mut app = App::with_dossier(r, d, ASSESSOR);
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        app.view(),
    );
    let a03 = ui.find(Id::new("row-2")).expect("A03's row").bounds();
    let a05 = ui.find(Id::new("row-4")).expect("A05's row").bounds();
    assert!(
        in_row(&mut ui, a03, strings::LIST_HIDDEN),
        "A03's round-1 total is hidden"
    );
    assert!(
        !in_row(&mut ui, a03, "niet uitgenodigd") && !in_row(&mut ui, a03, "afgewezen"),
        "no status beside the hidden total"
    );
    // A05, also not invited, was submitted by this assessor: shown.
    assert!(!in_row(&mut ui, a05, strings::LIST_HIDDEN));
    assert!(in_row(&mut ui, a05, "niet uitgenodigd"));
}

#[test]
fn the_first_programme_staff_member_claims_a_dossier_that_lists_none_logged() {
    let (r, mut d) = example();
    d.staff.clear();
    let mut app = App::with_dossier(r, d, "Joost Verhoef");
    app.config.role = Some(UserRole::Staff);
    assert!(shows(&app, strings::LIST_HIDDEN));
    assert!(shows(&app, strings::CLAIM_STAFF));
    interact(&mut app, |ui| click(ui, "claim-staff"));
    let dossier = app.session.as_ref().unwrap().dossier();
    assert_eq!(dossier.staff, ["Joost Verhoef"]);
    let entry = dossier.audit.last().unwrap();
    assert_eq!(
        (entry.field, entry.by.as_str()),
        (Field::Staff, "Joost Verhoef")
    );
    assert!(!shows(&app, strings::LIST_HIDDEN));
    assert!(shows(
        &app,
        &format!("{}: Joost Verhoef", strings::ROLE_STAFF)
    ));

    // Once a dossier lists staff, another name cannot claim it.
    let (r, d) = example();
    let mut other = App::with_dossier(r, d, "Joost Verhoef");
    other.config.role = Some(UserRole::Staff);
    assert!(!shows(&other, strings::CLAIM_STAFF));
    assert!(shows(&other, strings::OUTSIDER_ASK_STAFF));
}

#[test]
fn the_rankings_round_does_not_carry_into_beoordelen() {
    let (r, d) = example();
    let mut app = App::with_dossier(r, d, ASSESSOR);
    assert_eq!(app.list.round, Round::One);
    let _ = app.update(Message::List(list::Message::Ranking));
    interact(&mut app, |ui| click(ui, "ranking-round-2"));
    match &app.screen {
        Screen::Ranking(s) => assert_eq!(s.round, Round::Two),
        _ => panic!("on the ranking"),
    }
    let _ = app.update(Message::Ranking(ranking::Message::Back));
    assert!(matches!(app.screen, Screen::List));
    assert_eq!(app.list.round, Round::One, "the list keeps its round");
    interact(&mut app, |ui| click(ui, "score-A01"));
    match &app.screen {
        Screen::Scoring(s) => assert_eq!(s.target.round, Round::One),
        _ => panic!("on the scoring screen"),
    }
    // The round chosen on the list is the one 'Beoordelen' opens.
    let _ = app.update(Message::ToList);
    interact(&mut app, |ui| click(ui, "list-round-2"));
    interact(&mut app, |ui| click(ui, "score-A01"));
    match &app.screen {
        Screen::Scoring(s) => assert_eq!(s.target.round, Round::Two),
        _ => panic!("on the scoring screen"),
    }
}

#[test]
fn a_read_only_window_disables_every_edit_button_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    // Femke Hoogland's A01 still open in round 1: there is work to edit.
    let (_, mut d) = example();
    d.assessments
        .iter_mut()
        .find(|a| a.assessor == ASSESSOR && a.application.0 == "A01" && a.round == Round::One)
        .unwrap()
        .submitted = None;
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    let window = |name: &str| {
        let mut app = App::new(
            Config {
                assessor: name.to_string(),
                ..Config::default()
            },
            None,
        );
        app.open_path(&path);
        app
    };
    let first = window(STAFF);
    let mut second = window(STAFF);
    assert!(second.session.as_ref().unwrap().is_read_only());
    assert!(shows(&second, strings::READ_ONLY_BUTTONS));
    assert!(!shows(&first, strings::READ_ONLY_BUTTONS));
    // The list: add, package, import are disabled; reading is not.
    assert_eq!(messages_of_click(&first, "list-package"), 1);
    for id in ["list-package", "list-import"] {
        assert_eq!(messages_of_click(&second, id), 0, "{id}");
    }
    assert_eq!(messages_of_click(&second, "score-A01"), 1, "reading");
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        second.view(),
    );
    ui.click(strings::ADD_APPLICATION).unwrap();
    assert_eq!(ui.into_messages().count(), 0, "add");

    // The ranking: no tie decision can be started.
    let _ = second.update(Message::List(list::Message::Round(Round::Two)));
    let _ = second.update(Message::List(list::Message::Ranking));
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        second.view(),
    );
    ui.click(strings::RECORD_DECISION).unwrap();
    assert_eq!(ui.into_messages().count(), 0, "record a decision");

    // The scoring screen of an assessor's own open work: nothing to press.
    let mut assessor = window(ASSESSOR);
    assert!(assessor.session.as_ref().unwrap().is_read_only());
    interact(&mut assessor, |ui| click(ui, "score-A01"));
    assert!(matches!(assessor.screen, Screen::Scoring(_)));
    assert!(shows(&assessor, strings::READ_ONLY_BUTTONS));
    assert_eq!(messages_of_click(&assessor, "declare-conflict"), 0);
    // Typing a motivation shows no text that would never be kept.
    let before = match &assessor.screen {
        Screen::Scoring(s) => s.motivation_text(0),
        _ => panic!("on the scoring screen"),
    };
    interact(&mut assessor, |ui| {
        click(ui, "note-C1");
        ui.typewrite(" niet bewaard");
    });
    match &assessor.screen {
        Screen::Scoring(s) => assert_eq!(s.motivation_text(0), before),
        _ => panic!("on the scoring screen"),
    }
    // Saving is disabled in the header too.
    let save = format!("{} (Ctrl+S)", strings::SAVE);
    let mut ui = Simulator::with_size(
        leidraad::ui::theme::settings(),
        crate::ui_support::TALL,
        assessor.view(),
    );
    ui.click(save.as_str()).unwrap();
    assert_eq!(ui.into_messages().count(), 0, "save");
    drop(first);
}

/// The Zelftoets card in view without scrolling on a laptop screen, in
/// every role the start screen knows.
#[test]
fn the_selfcheck_card_is_in_view_at_1280x720_and_1366x768() {
    for (w, h) in [(1280.0, 720.0), (1366.0, 768.0)] {
        for role in [
            None,
            Some(UserRole::Assessor),
            Some(UserRole::Staff),
            Some(UserRole::Applicant),
        ] {
            let config = Config {
                role,
                assessor: ASSESSOR.into(),
                recent: (1..=8)
                    .map(|i| format!("/home/gebruiker/Documenten/dossier-{i}.leidraad").into())
                    .collect(),
                ..Config::default()
            };
            let app = App::new(config, None);
            let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), (w, h), app.view());
            let b = ui
                .find(Id::new("start-selfcheck"))
                .unwrap_or_else(|e| panic!("{role:?} at {w}x{h}: {e:?}"))
                .bounds();
            assert!(
                b.y >= 0.0 && b.y + b.height <= h && b.x + b.width <= w,
                "{role:?} at {w}x{h}: the Zelftoets button at {b:?}"
            );
        }
    }
}

/// Screenshots to look at (not a check): `cargo test -p leidraad --test it
/// ui_roles::shots -- --ignored`, then open /tmp/roles-*.png.
#[test]
#[ignore]
fn shots() {
    let shot = |app: &App, size: (f32, f32), name: &str| {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), size, app.view());
        let snap = ui.snapshot(&iced::Theme::Light).unwrap();
        let path = format!("/tmp/roles-{name}.png");
        let _ = std::fs::remove_file(format!("/tmp/roles-{name}-tiny-skia.png"));
        assert!(snap.matches_image(&path).unwrap());
    };
    let recent: Vec<std::path::PathBuf> = (1..=8)
        .map(|i| format!("/home/gebruiker/Documenten/dossier-{i}.leidraad").into())
        .collect();
    for (role, name) in [
        (None, "start-first"),
        (Some(UserRole::Assessor), "start-assessor"),
        (Some(UserRole::Staff), "start-staff"),
        (Some(UserRole::Applicant), "start-applicant"),
    ] {
        let config = Config {
            role,
            assessor: ASSESSOR.into(),
            recent: recent.clone(),
            ..Config::default()
        };
        shot(&App::new(config.clone(), None), (1280.0, 720.0), name);
        shot(
            &App::new(config, None),
            (1366.0, 768.0),
            &format!("{name}-1366"),
        );
    }
    let (r, d) = example();
    let mut outsider = App::with_dossier(r.clone(), d.clone(), "Onbekende Naam");
    let _ = outsider.update(Message::List(list::Message::Round(Round::Two)));
    shot(&outsider, (1280.0, 720.0), "list-outsider");
    let _ = outsider.update(Message::List(list::Message::Disagreements));
    shot(&outsider, (1280.0, 720.0), "disagreements-outsider");
    let _ = outsider.update(Message::ToList);
    let _ = outsider.update(Message::List(list::Message::Panel("A04".into())));
    shot(&outsider, (1280.0, 720.0), "panel-outsider");
    let mut staff = App::with_dossier(r, d, STAFF);
    let _ = staff.update(Message::List(list::Message::Round(Round::Two)));
    shot(&staff, (1280.0, 720.0), "list-staff");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.ron");
    std::fs::write(&path, EXAMPLE_SOURCE).unwrap();
    let open = || {
        let mut app = App::new(
            Config {
                assessor: STAFF.into(),
                ..Config::default()
            },
            None,
        );
        app.open_path(&path);
        app
    };
    let _first = open();
    let mut second = open();
    shot(&second, (1280.0, 720.0), "list-read-only");
    let _ = second.update(Message::List(list::Message::Round(Round::Two)));
    let _ = second.update(Message::List(list::Message::Ranking));
    shot(&second, (1280.0, 1400.0), "ranking-read-only");
}

#[test]
fn the_staff_command_lists_adds_and_refuses_with_the_reason_changing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.leidraad");
    std::fs::write(&path, EXAMPLE_SOURCE).unwrap();
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("leidraad")
            .unwrap()
            .arg("staff")
            .arg(&path)
            .args(args)
            .output()
            .unwrap()
    };
    let listed = run(&[]);
    assert!(listed.status.success());
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        "Panelvoorzitter\nSanne Wijdeveld\n"
    );
    // Someone who is not staff may not add a name; nothing is written.
    let before = std::fs::read(&path).unwrap();
    let refused = run(&["--add", "Joost Verhoef", "--by", "Onbekende Naam"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("Onbekende Naam may not change the programme staff")
            && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Staff add one and remove another, logged under their name.
    let done = run(&[
        "--add",
        "Joost Verhoef",
        "--remove",
        "Panelvoorzitter",
        "--by",
        STAFF,
    ]);
    assert!(done.status.success(), "{done:?}");
    let r = Rubric::builtin();
    let text = std::fs::read_to_string(&path).unwrap();
    let d = leidraad_core::store::parse_dossier(&text, "dossier.leidraad", &r).unwrap();
    assert_eq!(d.staff, [STAFF, "Joost Verhoef"]);
    let log: Vec<_> = d
        .audit
        .iter()
        .filter(|e| e.field == Field::Staff)
        .map(|e| (e.by.as_str(), e.subject.as_str(), e.new.as_str()))
        .collect();
    assert_eq!(
        log,
        [
            (STAFF, "Joost Verhoef", "programmabureau"),
            (STAFF, "Panelvoorzitter", ""),
        ]
    );
}
