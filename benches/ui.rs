//! The window with a dossier of 1,000 applications: selecting an
//! application and changing a score, measured as update() plus view()
//! (the target is under 16 ms, one frame). A second figure adds layout,
//! through the iced_test simulator.

use std::hint::black_box;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};

use leidraad::dossier::{Application, ApplicationId, Dossier, Round, Value, Verdict};
use leidraad::edit::{self, Target};
use leidraad::rubric::{Rubric, Scale};
use leidraad::ui::app::{App, Message};
use leidraad::ui::screen::{list, scoring};

const ASSESSOR: &str = "Beoordelaar 1";

/// 1,000 applications; three assessors scored round 1 of every tenth one.
fn big() -> (Rubric, Dossier) {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("Groot dossier", &rubric);
    let now = Utc::now();
    for n in 1..=1000 {
        let mut a = Application::new(&format!("A{n:04}"), &format!("Regio {n}"));
        a.plan_title = format!("Plan van aanpak nummer {n}");
        edit::add_application(&mut d, a).unwrap();
    }
    for n in (1..=1000).step_by(10) {
        for who in ["Beoordelaar 1", "Beoordelaar 2", "Beoordelaar 3"] {
            let t = Target {
                application: ApplicationId(format!("A{n:04}")),
                assessor: who.into(),
                round: Round::One,
            };
            for ko in &rubric.knockouts {
                edit::set_verdict(&rubric, &mut d, &t, &ko.id, Verdict::Met, now).unwrap();
            }
            for c in rubric.criteria() {
                let v = match &c.scale {
                    Scale::YesNo { .. } => Value::Yes,
                    Scale::Items { items, .. } => {
                        Value::Items(items.iter().map(|i| (i.id.clone(), 1)).collect())
                    }
                    _ => Value::Points(c.scale.bounds().1 / 2 + (n as u32 % 2)),
                };
                edit::set_value(&rubric, &mut d, &t, &c.id, Some(v), now).unwrap();
                edit::set_motivation(&rubric, &mut d, &t, &c.id, "Onderbouwd in het plan.", now)
                    .unwrap();
            }
            edit::submit(&rubric, &mut d, &t, now).unwrap();
        }
    }
    (rubric, d)
}

fn bench(c: &mut Criterion) {
    let (rubric, dossier) = big();
    let mut app = App::with_dossier(rubric, dossier, ASSESSOR);
    let mut n = 0u32;

    c.bench_function(
        "ui: select an application + change a score (update+view)",
        |b| {
            b.iter(|| {
                n += 1;
                let id = ApplicationId(format!("A{:04}", 2 + (n % 900)));
                let _ = app.update(Message::List(list::Message::Score(id)));
                black_box(app.view());
                let _ = app.update(Message::Scoring(scoring::Message::Value(
                    1,
                    Some(Value::Points(1 + n % 10)),
                )));
                black_box(app.view());
                // Back to the list without the list's re-evaluation: that is
                // measured on its own below.
                app.screen = leidraad::ui::app::Screen::List;
            })
        },
    );

    c.bench_function("ui: change a score (update+view)", |b| {
        let _ = app.update(Message::List(list::Message::Score(ApplicationId(
            "A0500".into(),
        ))));
        b.iter(|| {
            n += 1;
            let _ = app.update(Message::Scoring(scoring::Message::Value(
                1,
                Some(Value::Points(1 + n % 10)),
            )));
            black_box(app.view());
        })
    });

    c.bench_function("ui: change a score (update+view+layout)", |b| {
        b.iter(|| {
            n += 1;
            let _ = app.update(Message::Scoring(scoring::Message::Value(
                1,
                Some(Value::Points(1 + n % 10)),
            )));
            let ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                (1400.0, 900.0),
                app.view(),
            );
            black_box(ui);
        })
    });

    c.bench_function("ui: back to the list of 1,000 (update+view)", |b| {
        b.iter(|| {
            n += 1;
            let id = ApplicationId(format!("A{:04}", 2 + (n % 900)));
            let _ = app.update(Message::List(list::Message::Score(id)));
            let _ = app.update(Message::Scoring(scoring::Message::Value(
                1,
                Some(Value::Points(1 + n % 10)),
            )));
            let _ = app.update(Message::ToList);
            black_box(app.view());
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
