//! Who someone is in a dossier: an assessor, programme staff, or neither.
//! The role decides what the window shows (see `panel::Blind`): staff see
//! every total and status; an assessor sees the others' work of an
//! application only after submitting their own; anyone else (an empty
//! name, a name the dossier does not list) sees none of it.
//!
//! The staff list changes only here, each change logged in the audit log
//! like every other change.

use chrono::{DateTime, Utc};

use crate::audit::{self, Entry, Field};
use crate::dossier::{CONSENSUS, Dossier};

/// A person's role in one dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Programme staff (programmabureau): listed in `staff` and not an
    /// assessor of the dossier.
    Staff,
    /// Listed as an assessor, or the author of an assessment in the
    /// dossier. This wins over `staff`: someone who scores is held to blind
    /// scoring like every other assessor, whatever else they are.
    Assessor,
    /// Neither: sees no totals or statuses made of someone else's work.
    Outsider,
}

impl Dossier {
    /// The role of `name` in this dossier. Names are compared as the
    /// window records them, after trimming white space; an empty name is
    /// an outsider.
    pub fn role_of(&self, name: &str) -> Role {
        let name = name.trim();
        if name.is_empty() {
            return Role::Outsider;
        }
        if self.assessors.iter().any(|a| a.name.trim() == name)
            || self.assessments.iter().any(|a| a.assessor.trim() == name)
        {
            Role::Assessor
        } else if self.staff.iter().any(|s| s.trim() == name) {
            Role::Staff
        } else {
            Role::Outsider
        }
    }

    /// Whether `name` is on the staff list (whatever their role).
    pub fn is_staff(&self, name: &str) -> bool {
        let name = name.trim();
        !name.is_empty() && self.staff.iter().any(|s| s.trim() == name)
    }
}

/// Why a change to the staff list was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error("a name is needed")]
    EmptyName,
    #[error("\"{0}\" is reserved (it marks the panel's values in CSV files)")]
    Reserved(String),
    #[error("{0} is already listed as programme staff")]
    AlreadyStaff(String),
    #[error("{0} is not listed as programme staff")]
    NotStaff(String),
    #[error(
        "{by} may not change the programme staff: only staff may, or anyone who is not an assessor while the dossier lists no staff yet"
    )]
    NotAllowed { by: String },
    #[error("an assessor's package has no programme staff")]
    Package,
    #[error("the dossier is open read-only")]
    ReadOnly,
}

impl From<crate::session::ReadOnlyError> for StaffError {
    fn from(_: crate::session::ReadOnlyError) -> StaffError {
        StaffError::ReadOnly
    }
}

/// Whether `by` may change the staff list: staff may; while a dossier lists
/// no staff yet (every dossier made before the list existed), anyone who
/// is not an assessor may put the first names on it, logged under their
/// name. An assessor never may: that would let them see what blind scoring
/// hides.
pub fn may_change_staff(dossier: &Dossier, by: &str) -> bool {
    match dossier.role_of(by) {
        Role::Staff => true,
        Role::Outsider => dossier.staff.is_empty(),
        Role::Assessor => false,
    }
}

/// Put `name` on the staff list, logged as done by `by` (who must be
/// allowed: [`may_change_staff`]). The dossier is unchanged on an error.
pub fn add_staff(
    dossier: &mut Dossier,
    name: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), StaffError> {
    let name = name.trim();
    check(dossier, name, by)?;
    if dossier.is_staff(name) {
        return Err(StaffError::AlreadyStaff(name.to_string()));
    }
    dossier.staff.push(name.to_string());
    audit::record(
        dossier,
        Entry::new(now, by.trim(), Field::Staff)
            .subject(name)
            .change("", "programmabureau"),
    );
    Ok(())
}

/// Take `name` off the staff list, logged as done by `by`.
pub fn remove_staff(
    dossier: &mut Dossier,
    name: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), StaffError> {
    let name = name.trim();
    check(dossier, name, by)?;
    if !dossier.is_staff(name) {
        return Err(StaffError::NotStaff(name.to_string()));
    }
    dossier.staff.retain(|s| s.trim() != name);
    audit::record(
        dossier,
        Entry::new(now, by.trim(), Field::Staff)
            .subject(name)
            .change("programmabureau", ""),
    );
    Ok(())
}

fn check(dossier: &Dossier, name: &str, by: &str) -> Result<(), StaffError> {
    if dossier.package.is_some() {
        return Err(StaffError::Package);
    }
    if name.is_empty() || by.trim().is_empty() {
        return Err(StaffError::EmptyName);
    }
    if name == CONSENSUS {
        return Err(StaffError::Reserved(name.to_string()));
    }
    if !may_change_staff(dossier, by) {
        return Err(StaffError::NotAllowed {
            by: by.trim().to_string(),
        });
    }
    Ok(())
}
