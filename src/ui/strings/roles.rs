//! Roles: who uses the program (asked at the first start, kept in the
//! settings), the role in the open dossier (in the header), and why a
//! screen shows nothing of the others' work or no edit buttons.

use leidraad_core::nl;
use leidraad_core::roles::Role;

use crate::ui::config::UserRole;

// The role in the open dossier, in the header.
pub const ROLE_ASSESSOR: &str = nl::ASSESSOR;
pub const ROLE_STAFF: &str = "Programmabureau";
pub const ROLE_GUEST: &str = "Gast";
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Assessor => ROLE_ASSESSOR,
        Role::Staff => ROLE_STAFF,
        Role::Outsider => ROLE_GUEST,
    }
}

// Who uses the program: the start screen.
pub const WHO_USES: &str = "Wie gebruikt leidraad?";
pub const WHO_USES_HINT: &str = "Uw keuze wordt onthouden; u kunt haar hier altijd wijzigen.";
pub fn user_role(role: UserRole) -> &'static str {
    match role {
        UserRole::Assessor => "Beoordelaar",
        UserRole::Staff => "Programmabureau",
        UserRole::Applicant => "Aanvrager (regio)",
    }
}
pub fn user_role_hint(role: UserRole) -> &'static str {
    match role {
        UserRole::Assessor => "Plannen scoren met een motivering per criterium.",
        UserRole::Staff => "Beoordelingen samenbrengen, rangschikken en besluiten.",
        UserRole::Applicant => "Een conceptplan toetsen vóór het indienen.",
    }
}
pub const WHO_STAFF: &str = "Wie bent u?";
pub const WHO_STAFF_HINT: &str =
    "Uw naam staat bij elk besluit en elke wijziging die u vastlegt. Hij wordt onthouden.";

// Someone who is neither staff nor an assessor of the dossier.
pub const OUTSIDER_BANNER: &str = "U staat in dit dossier niet als beoordelaar of als programmabureau. Totalen, statussen en scores van anderen worden u daarom niet getoond.";
pub const OUTSIDER_ASK_STAFF: &str = "Hoort u bij het programmabureau? Vraag een collega van het programmabureau u toe te voegen (leidraad staff DOSSIER --add NAAM). Staat u onder een andere naam in het dossier, vul die dan in op het startscherm.";
pub const CLAIM_STAFF: &str = "Mij als programmabureau vastleggen";
pub const CLAIM_STAFF_HINT: &str = "Dit dossier noemt nog niemand van het programmabureau. Legt u zich vast, dan ziet u alle totalen en statussen; dit komt in de geschiedenis van het dossier.";
pub fn staff_added(name: &str) -> String {
    format!("{name} staat nu in dit dossier als programmabureau.")
}
pub const PANEL_BLIND_OUTSIDER: &str = "U staat in dit dossier niet als beoordelaar of als programmabureau. De scores van de beoordelaars worden u daarom niet getoond.";
pub const RANKING_BLIND_OUTSIDER: &str = "De rangschikking bestaat uit de scores van de beoordelaars. U staat in dit dossier niet als beoordelaar of als programmabureau en ziet haar daarom niet.";
pub const EXPORT_NEEDS_ALL: &str = "Alles exporteren kan pas als u alle scores mag zien.";

// A window that has the dossier open read-only.
pub const READ_ONLY_BUTTONS: &str = "Knoppen die iets wijzigen zijn daarom uitgeschakeld. Wilt u wijzigen, sluit dan het andere venster en open het dossier opnieuw.";
