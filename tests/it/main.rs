//! The integration tests of the `leidraad` program (CLI, window, PDFs), as
//! one test binary: one link of the GUI stack instead of one per file. The
//! domain's own integration tests are in `crates/core/tests/it`.

mod common {
    pub use leidraad_core::testkit::*;
}
mod report_support;
mod ui_support;

mod allocation;
mod bad_input;
mod cli;
mod crash_safety;
mod csv_spreadsheets;
mod decide_cli;
mod deliberate_cli;
mod integrity;
mod no_network;
mod panel_scenario;
mod passages;
mod platform;
mod report_a11y;
mod report_cli;
mod report_quotes;
mod report_ranking;
mod report_sheets;
mod selfcheck;
mod sheets;
mod ui_columns;
mod ui_damage;
mod ui_decisions;
mod ui_deliberate;
mod ui_dialog;
mod ui_export;
mod ui_fixes;
mod ui_header;
mod ui_keyboard;
mod ui_list_scroll;
mod ui_lock;
mod ui_panel;
mod ui_plan;
mod ui_ranking;
mod ui_roles;
mod ui_round2;
mod ui_selfcheck_keep;
mod ui_selfcheck_plan;
mod ui_simulator;
mod ui_small;
mod ui_snapshots;
mod ui_tab_typing;
mod ui_update;
mod ui_window;
