//! The keyboard: the zoom and the command palette (Ctrl+K).

/// The zoom in the header, when it is not 100 %.
pub fn zoom_shown(percent: u16) -> String {
    format!("Zoom {percent} % · Ctrl+0: 100 %")
}
