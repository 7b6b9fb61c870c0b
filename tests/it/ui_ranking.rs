//! The ranking screen: reached from the list, the tie decision and the
//! budget allocation recorded in the dossier; through `update()` and in the
//! iced_test simulator.

use iced::widget::Id;
use iced_test::Simulator;

use leidraad::ui::app::{App, Message, Screen};
use leidraad::ui::screen::{list, ranking};
use leidraad_core::dossier::{ApplicationId, DecisionKind, Dossier, Round};
use leidraad_core::rubric::Rubric;
use leidraad_core::scoring::{self, Status};

const TALL: (f32, f32) = (1400.0, 4000.0);

fn example() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let d = leidraad_core::store::parse_dossier(
        include_str!("../../assets/voorbeelddossier.ron"),
        "voorbeelddossier.ron",
        &rubric,
    )
    .expect("the example dossier loads");
    (rubric, d)
}

/// The example on its ranking screen for round 2, saved to a file.
fn ranking_app(dir: &std::path::Path) -> App {
    let (r, d) = example();
    let path = dir.join("dossier.ron");
    leidraad_core::store::save_dossier(&path, &d).unwrap();
    drop(r);
    let config = leidraad::ui::config::Config {
        assessor: "Femke Hoogland".to_string(),
        ..Default::default()
    };
    let mut app = App::new(config, None);
    app.open_path(&path);
    let _ = app.update(Message::List(list::Message::Round(Round::Two)));
    let _ = app.update(Message::List(list::Message::Ranking));
    match &app.screen {
        Screen::Ranking(s) => assert_eq!(s.round, Round::Two),
        _ => panic!("the list leads to the ranking screen"),
    }
    app
}

/// As the runtime would: a decision's save runs and ends.
fn send(app: &mut App, m: ranking::Message) {
    crate::ui_support::run(app, Message::Ranking(m));
}

fn state(app: &App) -> &ranking::State {
    match &app.screen {
        Screen::Ranking(s) => s,
        _ => panic!("not on the ranking screen"),
    }
}

fn status(app: &App, id: &str) -> Status {
    let s = app.session.as_ref().unwrap();
    scoring::evaluate(s.rubric(), s.dossier(), Round::Two)
        .status_of(&ApplicationId::from(id))
        .unwrap()
}

fn on_disk(app: &App) -> Dossier {
    let s = app.session.as_ref().unwrap();
    leidraad_core::store::load_dossier(s.path().as_ref().unwrap(), s.rubric()).unwrap()
}

#[test]
fn a_tie_decision_needs_the_right_number_and_a_motivation_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    assert_eq!(status(&app, "A04"), Status::Tie);
    assert_eq!(status(&app, "A07"), Status::Tie);

    send(&mut app, ranking::Message::StartTie(1));
    send(&mut app, ranking::Message::RecordTie);
    assert_eq!(
        state(&app).tie.as_ref().unwrap().error.as_deref(),
        Some("Kies precies 1; nu gekozen: 0.")
    );
    send(&mut app, ranking::Message::ToggleTie("A04".into()));
    send(&mut app, ranking::Message::ToggleTie("A07".into()));
    send(&mut app, ranking::Message::RecordTie);
    assert_eq!(
        state(&app).tie.as_ref().unwrap().error.as_deref(),
        Some("Kies precies 1; nu gekozen: 2.")
    );
    send(&mut app, ranking::Message::ToggleTie("A04".into()));
    send(&mut app, ranking::Message::RecordTie);
    assert_eq!(
        state(&app).tie.as_ref().unwrap().error.as_deref(),
        Some("Een besluit heeft een motivering nodig.")
    );
    assert!(app.session.as_ref().unwrap().dossier().decisions.is_empty());

    send(
        &mut app,
        ranking::Message::TieMotivation("Kreekland overtuigde in het gesprek.".into()),
    );
    send(&mut app, ranking::Message::RecordTie);
    assert!(state(&app).tie.is_none(), "the form closes");
    assert_eq!(status(&app, "A07"), Status::Awarded);
    assert_eq!(status(&app, "A04"), Status::NotAwarded);
    let saved = on_disk(&app);
    assert_eq!(saved.decisions.len(), 1, "saved at once");
    let d = &saved.decisions[0];
    assert_eq!(d.round, Round::Two);
    assert_eq!(d.motivation, "Kreekland overtuigde in het gesprek.");
    assert_eq!(
        d.kind,
        DecisionKind::TieBreak {
            group: ["A04", "A07"]
                .into_iter()
                .map(ApplicationId::from)
                .collect(),
            awarded: [ApplicationId::from("A07")].into_iter().collect(),
        }
    );
    // After the decision the budget goes over four regions.
    assert_eq!(state(&app).amounts.len(), 4);
}

#[test]
fn the_budget_proposal_is_recorded_with_its_motivation_and_refused_above_budget() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    // Three awarded while the tie is open: equal shares of 4,000,000, but
    // A06 asked 1,300,000 and gets no more; the other two share the rest.
    let amounts: Vec<String> = state(&app).amounts.values().cloned().collect();
    assert_eq!(amounts, ["1.350.000", "1.350.000", "1.300.000"]);

    send(
        &mut app,
        ranking::Message::Amount("A01".into(), "3.000.000".into()),
    );
    send(
        &mut app,
        ranking::Message::AllocationMotivation("Motivering.".into()),
    );
    send(&mut app, ranking::Message::RecordAllocation);
    assert_eq!(
        state(&app).allocation_error.as_deref(),
        Some(leidraad::ui::strings::OVER_BUDGET)
    );
    assert!(app.session.as_ref().unwrap().dossier().decisions.is_empty());

    send(
        &mut app,
        ranking::Message::Proposal(leidraad_core::allocation::Rule::Requested),
    );
    send(&mut app, ranking::Message::RecordAllocation);
    assert_eq!(state(&app).allocation_error, None);
    let saved = on_disk(&app);
    match &saved.decisions[..] {
        [d] => match &d.kind {
            DecisionKind::Allocation { amounts, rule } => {
                assert_eq!(rule, "requested");
                // The requests of A01, A02 and A06 (4,200,000) are above
                // the budget: each gets its share of 4,000,000 in
                // proportion to its request, never more than asked, and
                // the amounts add up to the budget exactly.
                for (id, eur) in amounts {
                    let asked = saved.application(id).unwrap().requested_eur.unwrap();
                    assert!(*eur <= asked, "{id}");
                    assert_eq!(
                        u128::from(*eur),
                        u128::from(asked) * 4_000_000 / 4_200_000 + u128::from(id.0 == "A01"),
                        "{id}"
                    );
                }
                assert_eq!(amounts.values().sum::<u64>(), 4_000_000);
                assert_eq!(d.motivation, "Motivering.");
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn back_returns_to_the_list_on_the_lists_own_round() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    // The list was on round 2; the ranking's own choice stays with it.
    send(&mut app, ranking::Message::Round(Round::One));
    send(&mut app, ranking::Message::Back);
    assert!(matches!(app.screen, Screen::List));
    assert_eq!(app.list.round, Round::Two);
}

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

#[test]
fn the_simulator_shows_the_lines_and_records_a_tie_decision_by_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        assert!(ui.find("toekenningsgrens: 4 plaatsen").is_ok());
        assert!(ui.find("Gelijke stand op de toekenningsgrens").is_ok());
        assert!(ui.find("Kunnen de toekenningsgrens passeren:").is_ok());
    }
    interact(&mut app, |ui| {
        ui.click("Besluit vastleggen").expect("the action is shown");
    });
    interact(&mut app, |ui| {
        ui.click(Id::new("tie-A04")).expect("a choice per member");
        ui.click(Id::new("tie-motivation")).unwrap();
        ui.typewrite("Schaalgrootte en spreiding.");
    });
    crate::ui_support::interact_settle(&mut app, |ui| {
        ui.click("Vastleggen").expect("the record button");
    });
    assert_eq!(status(&app, "A04"), Status::Awarded);
    assert_eq!(status(&app, "A07"), Status::NotAwarded);
    assert_eq!(
        on_disk(&app).decisions[0].motivation,
        "Schaalgrootte en spreiding."
    );
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    assert!(ui.find("Besluit vastleggen").is_err(), "the tie is settled");
}

#[test]
fn the_csv_export_imports_again_to_the_same_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    let path = dir.path().join("scores.csv");
    // The dialog's task is not run here: its answers are sent instead.
    let _ = app.update(Message::Ranking(ranking::Message::ExportCsv));
    let _ = app.update(Message::CsvPlaced(None));
    assert!(!path.exists(), "cancelled: nothing written");
    let _ = app.update(Message::Ranking(ranking::Message::ExportCsv));
    crate::ui_support::run(&mut app, Message::CsvPlaced(Some(path.clone())));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("application,region,assessor,round,criterion,value,motivation"));

    let s = app.session.as_ref().unwrap();
    let mut fresh = Dossier::new("terug", s.rubric());
    leidraad_core::interchange::csv::import(
        s.rubric(),
        &mut fresh,
        &text,
        "scores.csv",
        chrono::Utc::now(),
    )
    .unwrap();
    for round in Round::ALL {
        let key = |d: &Dossier| {
            scoring::evaluate(s.rubric(), d, round)
                .applications
                .into_iter()
                .filter(|a| a.status != Status::NotInvited && a.assessors > 0)
                .map(|a| (a.id, a.rank, a.total, a.status))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&fresh), key(s.dossier()), "round {round}");
    }
}

// ---------------------------------------------------------------------------
// Sorting the table and the charts (issue 6).
// ---------------------------------------------------------------------------

use crate::common;

use iced::{Point, mouse};
use leidraad::ui::screen::ranking::{Column, Pane, Sort};
use leidraad::ui::widget::chart::{self, Hit, Kind, Model};
use leidraad_core::exact::Exact;

fn ids(rows: &[&scoring::AppResult]) -> Vec<String> {
    rows.iter().map(|a| a.id.to_string()).collect()
}

fn evaluation(app: &App, round: Round) -> scoring::Evaluation {
    let s = app.session.as_ref().unwrap();
    scoring::evaluate(s.rubric(), s.dossier(), round)
}

#[test]
fn sorting_by_total_puts_the_highest_first_and_a_second_click_reverses() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    let eval = evaluation(&app, Round::Two);
    assert_eq!(state(&app).sort, Sort::RANK);
    assert_eq!(
        ids(&state(&app).sorted(&eval)),
        ids(&eval.applications.iter().collect::<Vec<_>>()),
        "rank order is the evaluation's order"
    );

    send(&mut app, ranking::Message::Sort(Column::Total));
    assert_eq!(
        state(&app).sort,
        Sort {
            column: Column::Total,
            descending: true
        }
    );
    let rows = state(&app).sorted(&eval);
    assert_eq!(rows.len(), eval.applications.len(), "every application");
    let totals: Vec<Option<Exact>> = rows.iter().map(|a| a.total).collect();
    let known = totals.iter().take_while(|t| t.is_some()).count();
    assert!(known >= 4, "the example has totals: {totals:?}");
    assert!(
        totals[known..].iter().all(Option::is_none),
        "applications without a total come last: {totals:?}"
    );
    assert!(
        totals[..known].windows(2).all(|w| w[0] >= w[1]),
        "highest first: {totals:?}"
    );
    let best = eval.applications.iter().filter_map(|a| a.total).max();
    assert_eq!(rows[0].total, best);

    send(&mut app, ranking::Message::Sort(Column::Total));
    assert!(!state(&app).sort.descending, "the same header reverses");
    let rows = state(&app).sorted(&eval);
    let totals: Vec<Option<Exact>> = rows.iter().map(|a| a.total).collect();
    assert!(
        totals[..known].windows(2).all(|w| w[0] <= w[1]),
        "lowest first: {totals:?}"
    );
    assert!(
        totals[known..].iter().all(Option::is_none),
        "still last: {totals:?}"
    );

    // Back to rank order: the lines come back.
    send(&mut app, ranking::Message::Sort(Column::Rank));
    assert_eq!(state(&app).sort, Sort::RANK);
}

#[test]
fn sorting_by_region_is_alphabetical_and_reverses() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    let eval = evaluation(&app, Round::Two);
    send(&mut app, ranking::Message::Sort(Column::Region));
    let regions: Vec<String> = state(&app)
        .sorted(&eval)
        .iter()
        .map(|a| a.region.to_lowercase())
        .collect();
    let mut expected = regions.clone();
    expected.sort();
    assert_eq!(regions, expected);
    assert!(regions.len() > 2 && regions.first() != regions.last());

    send(&mut app, ranking::Message::Sort(Column::Region));
    let reversed: Vec<String> = state(&app)
        .sorted(&eval)
        .iter()
        .map(|a| a.region.to_lowercase())
        .collect();
    expected.reverse();
    assert_eq!(reversed, expected);
}

#[test]
fn sorting_by_a_group_subtotal_and_clicking_the_header_in_the_simulator() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    let eval = evaluation(&app, Round::Two);
    // The last group (algemene indruk, 25 points), highest first.
    let g = app.session.as_ref().unwrap().rubric().groups.len() - 1;
    send(&mut app, ranking::Message::Sort(Column::Group(g)));
    let keys: Vec<Exact> = state(&app)
        .sorted(&eval)
        .iter()
        .filter(|a| a.total.is_some())
        .map(|a| a.groups[g].total)
        .collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");

    // A click on a header sorts; the arrow shows it and the lines give way
    // to the note.
    send(&mut app, ranking::Message::Sort(Column::Rank));
    {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        assert!(ui.find("toekenningsgrens: 4 plaatsen").is_ok());
    }
    interact(&mut app, |ui| {
        ui.click("Totaal").expect("the total header");
    });
    assert_eq!(state(&app).sort.column, Column::Total);
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    assert!(ui.find("▼").is_ok(), "the arrow shows the sort");
    assert!(ui.find("▲").is_err(), "one arrow");
    assert!(ui.find(leidraad::ui::strings::LINES_ONLY_BY_RANK).is_ok());
    assert!(ui.find("toekenningsgrens: 4 plaatsen").is_err());
}

/// Three applications scored in round 1 with the test builders: A1 by two
/// assessors (60 and 71), A2 at the full 100, A3 at 40.
fn built() -> (Rubric, Dossier) {
    let r = common::rubric();
    let mut d = common::dossier_with(&r, &["A1", "A2", "A3"]);
    common::score(&mut d, &r, "A1", Round::One, &[60, 71]);
    common::score(&mut d, &r, "A2", Round::One, &[100]);
    common::score(&mut d, &r, "A3", Round::One, &[40]);
    (r, d)
}

fn model_of(r: &Rubric, d: &Dossier, round: Round) -> Model {
    let one = scoring::evaluate(r, d, Round::One);
    let two = scoring::evaluate(r, d, Round::Two);
    Model::build(r, round, &one, &two)
}

#[test]
fn the_bars_have_one_segment_per_group_adding_up_to_the_total() {
    let (r, d) = built();
    let m = model_of(&r, &d, Round::One);
    let order: Vec<&str> = m.bars.iter().map(|b| b.id.0.as_str()).collect();
    assert_eq!(order, ["A2", "A1", "A3"], "rank order");
    let totals: Vec<Exact> = m.bars.iter().map(|b| b.total).collect();
    assert_eq!(
        totals,
        [Exact::whole(100), Exact::new(131, 2), Exact::whole(40)]
    );
    let eval = scoring::evaluate(&r, &d, Round::One);
    for b in &m.bars {
        assert_eq!(b.segments.len(), r.groups.len());
        let mut at = Exact::whole(0);
        for (i, s) in b.segments.iter().enumerate() {
            assert_eq!(s.group, i);
            assert_eq!(s.start, at, "segments follow each other");
            at = at + s.value;
            assert_eq!(s.value, eval.get(&b.id).unwrap().groups[i].total);
        }
        assert_eq!(at, b.total, "the segments of {} add up to its total", b.id);
    }
    // At 100 every group is full.
    for (s, g) in m.bars[0].segments.iter().zip(&m.groups) {
        assert_eq!(s.value, Exact::whole(i64::from(g.cap)), "{}", g.name);
    }
    assert_eq!(m.max, 100);
    assert_eq!(m.award_after, None, "no award line in round 1");
    assert!(m.pairs.is_empty(), "nothing scored in round 2");
}

#[test]
fn the_heat_map_cell_is_the_criterion_final_and_matches_the_group_segment() {
    let (r, d) = built();
    let m = model_of(&r, &d, Round::One);
    let eval = scoring::evaluate(&r, &d, Round::One);
    assert_eq!(m.criteria.len(), 11);
    assert_eq!(m.criteria[0].id.to_string(), "C1");
    for row in &m.heat {
        let a = eval.get(&row.id).unwrap();
        for (j, cell) in row.cells.iter().enumerate() {
            let f = a
                .criteria
                .iter()
                .find(|f| f.id == m.criteria[j].id)
                .unwrap();
            assert_eq!(*cell, f.value, "{} {}", row.id, f.id);
        }
    }
    // A2 scored everything at its cap.
    let a2 = m.heat.iter().find(|h| h.id.0 == "A2").unwrap();
    for (cell, c) in a2.cells.iter().zip(&m.criteria) {
        assert_eq!(*cell, Some(Exact::whole(i64::from(c.cap))), "{}", c.id);
    }
    // The cells of a group add up to that group's bar segment.
    for (h, b) in m.heat.iter().zip(&m.bars) {
        let mut j = 0;
        for (g, group) in r.groups.iter().enumerate() {
            let sum = h.cells[j..j + group.criteria.len()]
                .iter()
                .map(|c| c.unwrap())
                .fold(Exact::whole(0), |a, b| a + b);
            j += group.criteria.len();
            assert_eq!(sum, b.segments[g].value, "{} {}", h.id, group.name);
        }
    }
}

#[test]
fn pointing_at_a_cell_or_segment_yields_that_element() {
    let (r, d) = built();
    let m = model_of(&r, &d, Round::One);
    for width in [700.0, 1100.0] {
        for row in 0..m.heat.len() {
            for criterion in 0..m.criteria.len() {
                let rect = m.cell_rect(width, row, criterion).unwrap();
                assert_eq!(
                    m.hit(Kind::Heat, width, rect.center()),
                    Some(Hit::Cell { row, criterion })
                );
            }
        }
        for (row, b) in m.bars.iter().enumerate() {
            for s in b.segments.iter().filter(|s| s.value > Exact::whole(0)) {
                let rect = m.segment_rect(width, row, s.group).unwrap();
                assert_eq!(
                    m.hit(Kind::Bars, width, rect.center()),
                    Some(Hit::Segment {
                        row,
                        group: s.group
                    })
                );
            }
        }
        // The labels, the header and beyond the last row are nothing.
        assert_eq!(m.hit(Kind::Heat, width, Point::new(20.0, 60.0)), None);
        assert_eq!(m.hit(Kind::Heat, width, Point::new(400.0, 5.0)), None);
        let below = m.height(Kind::Heat) - 2.0;
        assert_eq!(m.hit(Kind::Heat, width, Point::new(400.0, below)), None);
        // Beyond the end of A3's bar (40 of 100) is not a segment.
        let end = m.segment_rect(width, 2, r.groups.len() - 1).unwrap();
        let past = Point::new(end.x + end.width + 30.0, end.center_y());
        assert_eq!(m.hit(Kind::Bars, width, past), None);
    }
}

#[test]
fn the_award_line_leaves_a_gap_in_the_bars_and_the_round_chart_pairs_both_rounds() {
    // Six invited applications, scored 90 down to 65 in round 2.
    let r = common::rubric();
    let apps = ["A1", "A2", "A3", "A4", "A5", "A6"];
    let mut d = common::dossier_with(&r, &apps);
    for (i, id) in apps.iter().enumerate() {
        common::score(&mut d, &r, id, Round::One, &[80]);
        common::score(&mut d, &r, id, Round::Two, &[90 - 5 * i as u32]);
    }
    let m = model_of(&r, &d, Round::Two);
    let eval = scoring::evaluate(&r, &d, Round::Two);
    let a = m.award_after.expect("round 2 has an award line");
    assert_eq!(a + 1, eval.award_count as usize);
    assert!(a + 1 < m.bars.len(), "someone below the line");
    assert!(matches!(m.bars[a].status, Status::Awarded | Status::Tie));
    assert!(
        m.bars[a + 1..]
            .iter()
            .all(|b| !matches!(b.status, Status::Awarded | Status::Tie))
    );
    // The gap under the line answers nothing; the rows around it do.
    let above = m.segment_rect(900.0, a, 0).unwrap();
    let below = m.segment_rect(900.0, a + 1, 0).unwrap();
    assert!(
        below.y - (above.y + above.height) > 15.0,
        "a gap for the line"
    );
    let gap = Point::new(above.center_x(), (above.y + above.height + below.y) / 2.0);
    assert_eq!(m.hit(Kind::Bars, 900.0, gap), None);

    let one = scoring::evaluate(&r, &d, Round::One);
    assert!(!m.pairs.is_empty());
    for p in &m.pairs {
        assert_eq!(Some(p.one), one.get(&p.id).unwrap().total);
        assert_eq!(Some(p.two), eval.get(&p.id).unwrap().total);
    }
    let both = eval
        .applications
        .iter()
        .filter(|b| b.total.is_some() && one.get(&b.id).and_then(|o| o.total).is_some())
        .count();
    assert_eq!(m.pairs.len(), both);
    for row in 0..m.pairs.len() {
        let band = m.pair_rect(900.0, row).unwrap();
        assert_eq!(
            m.hit(Kind::Rounds, 900.0, band.center()),
            Some(Hit::Pair { row })
        );
    }
}

#[test]
fn cell_text_contrasts_with_its_colour_and_the_palette_is_distinct() {
    for k in 0..=20 {
        let bg = chart::heat_color(k as f32 / 20.0);
        assert!(
            chart::contrast(bg, chart::text_on(bg)) >= 4.5,
            "share {}",
            k as f32 / 20.0
        );
    }
    for c in chart::OKABE_ITO {
        assert!(chart::contrast(c, chart::text_on(c)) >= 4.5, "{c:?}");
    }
    // Darker is more.
    assert!(
        chart::contrast(chart::heat_color(1.0), iced::Color::WHITE)
            > chart::contrast(chart::heat_color(0.0), iced::Color::WHITE)
    );
}

#[test]
fn moving_the_pointer_over_a_heat_cell_shows_its_points_and_motivations() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    send(&mut app, ranking::Message::Pane(Pane::Chart(Kind::Heat)));
    let model = state(&app).chart_model().unwrap().clone();
    assert!(!model.heat.is_empty());
    let hit = {
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        assert!(ui.find(leidraad::ui::strings::HOVER_HEAT).is_ok());
        let area = ui
            .find(Id::new(ranking::CHART))
            .expect("the chart")
            .bounds();
        let cell = model.cell_rect(area.width, 0, 2).unwrap();
        let at = Point::new(area.x + cell.center_x(), area.y + cell.center_y());
        ui.point_at(at);
        let _ = ui.simulate([iced::Event::Mouse(mouse::Event::CursorMoved {
            position: at,
        })]);
        let messages: Vec<Message> = ui.into_messages().collect();
        let hit = messages.iter().find_map(|m| match m {
            Message::Ranking(ranking::Message::Hover(h)) => Some(*h),
            _ => None,
        });
        for m in messages {
            let _ = app.update(m);
        }
        hit
    };
    assert_eq!(
        hit,
        Some(Some(Hit::Cell {
            row: 0,
            criterion: 2
        }))
    );
    assert_eq!(state(&app).hover, hit.unwrap());

    // The panel names the criterion, its final and each assessor's words.
    let s = app.session.as_ref().unwrap();
    let eval = s.evaluation(Round::Two);
    let a = eval.get(&model.heat[0].id).unwrap();
    let f = &a.criteria[2];
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    let name = &s.rubric().criteria().nth(2).unwrap().name;
    assert!(ui.find(format!("C3 {name}")).is_ok());
    assert!(
        ui.find(leidraad::ui::strings::chart_of_cap(
            &f.value.unwrap(),
            f.cap
        ))
        .is_ok()
    );
    let mut shown = 0;
    for (who, points) in a.assessor_points(f) {
        let p = points.map_or("niet gescoord".to_string(), |p| p.to_string());
        assert!(ui.find(format!("{who}: {p}")).is_ok(), "{who}");
        let said = &s
            .dossier()
            .assessment(&a.id, who, Round::Two)
            .unwrap()
            .criteria[&f.id]
            .motivation;
        if !said.trim().is_empty() {
            assert!(ui.find(said.as_str()).is_ok(), "{said}");
            shown += 1;
        }
    }
    assert!(shown > 0, "the example has motivations");
}

#[test]
fn the_chart_model_follows_the_round_and_the_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ranking_app(dir.path());
    let two = state(&app).chart_model().unwrap().clone();
    assert_eq!(two.round, Round::Two);
    send(&mut app, ranking::Message::Pane(Pane::Chart(Kind::Bars)));
    send(
        &mut app,
        ranking::Message::Hover(Some(Hit::Segment { row: 0, group: 0 })),
    );
    send(&mut app, ranking::Message::Round(Round::One));
    let one = state(&app).chart_model().unwrap();
    assert_eq!(one.round, Round::One);
    assert_eq!(
        state(&app).hover,
        None,
        "a hover does not outlive its chart"
    );
    assert_eq!(state(&app).pane, Pane::Chart(Kind::Bars));
    let eval = evaluation(&app, Round::One);
    let ranked = eval
        .applications
        .iter()
        .filter(|a| a.status.is_ranked() && a.total.is_some())
        .count();
    assert_eq!(one.bars.len(), ranked);
    // Every chart draws in the simulator.
    for kind in [Kind::Bars, Kind::Heat, Kind::Rounds] {
        send(&mut app, ranking::Message::Pane(Pane::Chart(kind)));
        let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
        let _ = ui.snapshot(&leidraad::ui::theme::theme()).unwrap();
    }
}

#[test]
fn a_tall_heat_map_scrolls_inside_its_canvas_under_a_fixed_header() {
    let rubric = Rubric::builtin();
    let d = leidraad_core::synthetic::dossier(&rubric, 80, 3, 7);
    let mut app = App::with_dossier(rubric, d, "Beoordelaar 1");
    let _ = app.update(Message::List(list::Message::Round(Round::One)));
    let _ = app.update(Message::List(list::Message::Ranking));
    send(&mut app, ranking::Message::Pane(Pane::Chart(Kind::Heat)));
    let model = state(&app).chart_model().unwrap().clone();
    assert!(model.heat.len() > 60);

    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), TALL, app.view());
    let area = ui.find(Id::new(ranking::CHART)).unwrap().bounds();
    assert!(
        area.height < model.height(Kind::Heat),
        "the canvas is shorter than the chart: {} < {}",
        area.height,
        model.height(Kind::Heat)
    );
    let cell = model.cell_rect(area.width, 2, 0).unwrap();
    let at = Point::new(area.x + cell.center_x(), area.y + cell.center_y());
    ui.point_at(at);
    let _ = ui.simulate([iced::Event::Mouse(mouse::Event::CursorMoved {
        position: at,
    })]);
    let _ = ui.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels { x: 0.0, y: -280.0 },
    })]);
    let hovers: Vec<Option<Hit>> = ui
        .into_messages()
        .filter_map(|m| match m {
            Message::Ranking(ranking::Message::Hover(h)) => Some(h),
            _ => None,
        })
        .collect();
    // 280 px is ten rows of 28: the same point now shows row 12.
    assert_eq!(
        hovers,
        [
            Some(Hit::Cell {
                row: 2,
                criterion: 0
            }),
            Some(Hit::Cell {
                row: 12,
                criterion: 0
            })
        ]
    );
    // Only the rows in view are drawn.
    let rows = model.visible(Kind::Heat, 280.0, area.height);
    assert!(
        rows.contains(&12) && !rows.contains(&0) && rows.len() < 30,
        "{rows:?}"
    );
}
