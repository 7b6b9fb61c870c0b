//! The keyboard: the zoom and the command palette (Ctrl+K).

/// The zoom in the header, when it is not 100 % (pressed, or Ctrl+0:
/// back to 100 %).
pub fn zoom_shown(percent: u16) -> String {
    format!("{percent} %")
}
pub const ZOOM_RESET_HINT: &str = "Zoom · Ctrl+0: terug naar 100 %";

// The command palette (Ctrl+K).
pub const PALETTE_TITLE: &str = "Opdrachten (Ctrl+K)";
pub const PALETTE_PLACEHOLDER: &str = "Typ om te zoeken, bijvoorbeeld ‘ranking’ of ‘A03’";
pub const PALETTE_HELP: &str = "↑ en ↓: kiezen · Enter: uitvoeren · Esc: sluiten";
pub const PALETTE_NONE: &str = "Geen opdracht gevonden.";
pub const CMD_TO_LIST: &str = "Naar de lijst met aanvragen";
pub const CMD_FIND: &str = "Zoeken in de lijst op nummer of regio";
pub const CMD_BACK: &str = "Terug";
pub const CMD_SUBMIT: &str = "Beoordeling indienen";
pub const CMD_UNDO: &str = "Laatste wijziging ongedaan maken";
pub const CMD_ZOOM_IN: &str = "Groter (zoom in)";
pub const CMD_ZOOM_OUT: &str = "Kleiner (zoom uit)";
pub const CMD_ZOOM_RESET: &str = "Ware grootte (zoom 100 %)";
pub const CMD_CONFIRM_RECORD: &str = "Consensus vastleggen: bevestigen";
pub fn cmd_open_recent(name: &str) -> String {
    format!("Openen: {name}")
}
pub fn cmd_score(app: &str) -> String {
    format!("Beoordelen: {app}")
}
pub fn cmd_edit(app: &str) -> String {
    format!("Gegevens: {app}")
}
pub fn cmd_panel(app: &str) -> String {
    format!("Panel: {app}")
}
pub fn cmd_step(next: bool, app: &str) -> String {
    if next {
        format!("Volgende aanvraag: {app}")
    } else {
        format!("Vorige aanvraag: {app}")
    }
}
pub fn cmd_pane(pane: &str) -> String {
    format!("Weergave: {pane}")
}
pub fn cmd_sort(column: &str) -> String {
    format!("Sorteren op {column}")
}
pub fn cmd_tab(tab: &str) -> String {
    format!("Tabblad: {tab}")
}
pub fn cmd_tie(group: u32) -> String {
    format!("Gelijke stand {group}: besluit vastleggen")
}
pub fn cmd_tie_pick(app: &str) -> String {
    format!("Gelijke stand: {app} kiezen of weghalen")
}
pub fn cmd_revoke(index: usize) -> String {
    format!("{} intrekken…", leidraad_core::nl::decision_number(index))
}
pub fn cmd_waiver(app: &str) -> String {
    format!("Ontheffing van de drempel voor {app}…")
}
pub fn cmd_proposal(rule: &str) -> String {
    format!("Verdeling voorstellen: {rule}")
}
pub fn cmd_flag(n: usize, app: &str, region: &str) -> String {
    format!("Verschil {n}: {app} {region} naast elkaar")
}
pub const CMD_CLOSE_NOTICE: &str = "Melding sluiten";
pub const CMD_PLAN: &str = "Plan tonen of verbergen";
pub const CMD_EMPTY: &str = "leeg";
pub fn cmd_package_for(name: &str) -> String {
    format!("Pakket voor {name}")
}
pub fn cmd_package_round(round: &str) -> String {
    format!("Pakket voor {round}")
}
pub fn cmd_package_save(save: &str) -> String {
    format!("Pakket: {save}")
}
pub fn cmd_i_am(name: &str) -> String {
    format!("Ik ben {name}")
}
pub fn cmd_confidence(c: &str) -> String {
    format!("Vertrouwen na het gesprek: {c}")
}
pub fn cmd_consensus(id: &str, value: &str) -> String {
    format!("Consensus {id}: {value}")
}
