//! The header at 1280x720 (a 1366x768 laptop, or 1920x1080 at 150%): a
//! long name and a long dossier title wrap instead of pushing "Start" (the
//! only way back to the start screen) out of the window.

use iced_test::Simulator;
use leidraad::ui::app::App;
use leidraad::ui::strings;
use leidraad_core::dossier::Dossier;
use leidraad_core::rubric::Rubric;

const WIDTH: f32 = 1280.0;

#[test]
fn at_1280_px_a_long_name_and_title_leave_the_header_buttons_in_the_window() {
    let rubric = Rubric::builtin();
    let mut dossier = Dossier::new(
        "Proeftuinen Toekomstscenario kind- en gezinsbescherming, tweede tranche: beoordeling",
        &rubric,
    );
    dossier.staff.push("M. Jansen (programmabureau)".into());
    let app = App::with_dossier(rubric, dossier, "M. Jansen (programmabureau)");
    let mut ui = Simulator::with_size(leidraad::ui::theme::settings(), (WIDTH, 720.0), app.view());
    let name = format!("{}: M. Jansen (programmabureau)", strings::ROLE_STAFF);
    let save = format!("{} (Ctrl+S)", strings::SAVE);
    for label in [strings::HOME, save.as_str(), name.as_str()] {
        let found = ui
            .find(label)
            .unwrap_or_else(|e| panic!("{label} is shown: {e:?}"));
        let b = found.bounds();
        assert!(
            b.width > 0.0 && b.x >= 0.0 && b.x + b.width <= WIDTH,
            "{label} is drawn whole within the window: {b:?}"
        );
    }
}
